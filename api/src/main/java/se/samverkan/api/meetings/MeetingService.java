package se.samverkan.api.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.events.Event;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.events.Outbox;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingKind;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.tenancy.Principal;

/** Scheduling and cancelling meetings, each in one transaction, each refusal naming its rule. */
@Service
class MeetingService {

    /** Who schedules meetings: the secretary runs the meeting administration (LSVO-26), the chair calls meetings. */
    private static final Set<Actor> SCHEDULERS = Set.of(Actor.SECRETARY, Actor.CHAIR);

    record Scheduled(@Nullable Meeting meeting, @Nullable Meeting preparationMeeting, List<UserError> errors) {

        static Scheduled refused(UserError error) {
            return new Scheduled(null, null, List.of(error));
        }
    }

    record Cancelled(@Nullable Meeting meeting, List<UserError> errors) {
    }

    private final MeetingRepository meetings;
    private final StructureRepository structure;
    private final BodyAccess access;

    private final Outbox outbox;

    private final Clock clock;

    MeetingService(MeetingRepository meetings, StructureRepository structure, BodyAccess access, Outbox outbox,
            Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.meetings = meetings;
        this.structure = structure;
        this.access = access;
    }

    /** How far before or after today a meeting may be scheduled: a sanity bound on input, not a rule of a rulebook. */
    static final int MEETING_YEARS = 10;

    /** The rulebook of a body in force on a date. */
    Mono<Rulebook> rulebook(BodyId body, LocalDate on) {
        return structure.rulebooksOf(List.of(body))
                .flatMap(all -> Mono.justOrEmpty(Rulebook.inForceOn(on, all.getOrDefault(body, List.of()))));
    }

    @Transactional
    public Mono<Scheduled> schedule(Principal caller, BodyId bodyId, Instant startsAt, String location, MeetingKind kind) {
        if (location.isBlank() || location.length() > 300) {
            return Mono.just(Scheduled.refused(UserError.badInput("location", "the location must be 1 to 300 characters")));
        }
        LocalDate day = startsAt.atZone(Meeting.ZONE).toLocalDate();
        LocalDate today = ClockConfig.today(clock);
        if (day.isBefore(today.minusYears(MEETING_YEARS)) || day.isAfter(today.plusYears(MEETING_YEARS))) {
            return Mono.just(Scheduled.refused(UserError.badInput("startsAt",
                    "a meeting starts within " + MEETING_YEARS + " years of today")));
        }
        if (kind == MeetingKind.PREPARATION) {
            return Mono.just(Scheduled.refused(UserError.badInput("kind",
                    "preparation meetings are scheduled with the meeting they prepare (LSVO-24)")));
        }
        return structure.bodiesById(List.of(bodyId)).flatMap(found -> Mono.justOrEmpty(found.get(bodyId)))
                .flatMap(body -> access.actorsIn(bodyId, caller).flatMap(actors -> {
                    if (actors.stream().noneMatch(SCHEDULERS::contains)) {
                        return Mono.just(Scheduled.refused(UserError.notAllowed(
                                "only the secretary or the chair of " + body.shortName() + " schedules its meetings", null)));
                    }
                    Meeting meeting = new Meeting(UUID.randomUUID(), bodyId, kind, startsAt, location.strip(),
                            MeetingState.PLANNED, null, 0);
                    return meetings.insert(meeting, subject(caller))
                            .flatMap(saved -> schedulePreparation(caller, body, saved)
                                    .map(prep -> new Scheduled(saved, prep, List.of()))
                                    .defaultIfEmpty(new Scheduled(saved, null, List.of())));
                }))
                .defaultIfEmpty(Scheduled.refused(UserError.notFound("body")));
    }

    /** LSVO-24: the preparation group meets the rulebook's lead before the meeting, at the same hour and place. */
    private Mono<Meeting> schedulePreparation(Principal caller, Body body, Meeting meeting) {
        return rulebook(body.id(), meeting.date())
                .filter(r -> r.preparation() != null)
                .flatMap(r -> structure.bodyByShortName(body.countyCode(), r.preparation().preparationBody())
                        .flatMap(group -> {
                            LocalDate day = Deadlines.due(meeting.date(), r.preparation().lead());
                            Instant at = meeting.startsAt().atZone(Meeting.ZONE).with(day).toInstant();
                            Meeting preparation = new Meeting(UUID.randomUUID(), group.id(), MeetingKind.PREPARATION, at,
                                    meeting.location(), MeetingState.PLANNED, meeting.id(), 0);
                            return meetings.insert(preparation, subject(caller));
                        }));
    }

    @Transactional
    public Mono<Cancelled> cancel(Principal caller, UUID meetingId, String reason) {
        if (reason.isBlank() || reason.length() > 1000) {
            return Mono.just(new Cancelled(null, List.of(UserError.badInput("reason", "give a reason of 1 to 1000 characters"))));
        }
        return meetings.byId(meetingId)
                .flatMap(meeting -> Mono.zip(access.actorsIn(meeting.body(), caller),
                                rulebook(meeting.body(), meeting.date()).map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()))
                        .flatMap(t -> {
                            Set<Actor> allowed = t.getT2().map(Rulebook::meetingControl)
                                    .map(c -> c.cancelledBy()).orElse(SCHEDULERS);
                            String rule = t.getT2().map(Rulebook::meetingControl).map(c -> c.rule()).orElse(null);
                            if (t.getT1().stream().noneMatch(allowed::contains)) {
                                return Mono.just(new Cancelled(null, List.of(UserError.notAllowed(
                                        "only " + allowed + " may cancel this meeting", rule))));
                            }
                            Meeting cancelled;
                            try {
                                cancelled = meeting.after(MeetingState.Action.CANCEL);
                            } catch (DomainException e) {
                                return Mono.just(new Cancelled(null, List.of(UserError.of(e))));
                            }
                            return meetings.cancel(cancelled, meeting.version(), subject(caller), reason.strip())
                                    .flatMap(saved -> meetings.releaseCancelled(saved.id(), subject(caller), reason.strip())
                                            .then(withdrawn(meeting, reason.strip()))
                                            .thenReturn(saved))
                                    .map(saved -> new Cancelled(saved, List.of()))
                                    .defaultIfEmpty(new Cancelled(null, List.of(new UserError("CONFLICT",
                                            "the meeting was changed meanwhile; read it again", null, "meeting"))));
                        }))
                .defaultIfEmpty(new Cancelled(null, List.of(UserError.notFound("meeting"))));
    }

    /** A meeting whose notice was public is taken back: mirrors get a tombstone for it (LSVO-21). */
    private Mono<Void> withdrawn(Meeting meeting, String reason) {
        if (meeting.state() != MeetingState.NOTICE_SENT) {
            return Mono.empty();
        }
        return outbox.change(EventTypes.MEETING_CANCELLED, meeting.body().value(), Event.Change.WITHDRAWN, "Meeting",
                meeting.id(), java.util.Map.of("meeting", meeting.id().toString(), "reason", reason));
    }

    private static String subject(Principal caller) {
        return java.util.Objects.requireNonNull(caller.subject(), "mutations need an authenticated caller");
    }
}
