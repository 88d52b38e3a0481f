package se.samverkan.api.minutes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import se.samverkan.api.events.Event;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.events.Outbox;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.meetings.MeetingRepository;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.minutes.MinutesHash;
import se.samverkan.domain.minutes.MinutesItems;
import se.samverkan.domain.minutes.Signatory;
import se.samverkan.domain.minutes.Signing;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.MinutesRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SignatoryRequirement;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.tenancy.Principal;

/**
 * Minutes: the secretary drafts them from the meeting and records who was chosen to sign; those the rulebook names sign
 * (LSVO-13, PSVO-10); the last signature freezes them and chains their SHA-256 to the body's previous signed minutes
 * (IMP-02).
 */
@Service
class MinutesService {

    record MinutesPayload(@Nullable Minutes minutes, List<UserError> errors) {

        static MinutesPayload refused(UserError error) {
            return new MinutesPayload(null, List.of(error));
        }
    }

    private final MinutesRepository minutes;
    private final MeetingRepository meetings;
    private final StructureRepository structure;
    private final BodyAccess access;
    private final se.samverkan.api.inbox.Distribution distribution;
    private final Outbox outbox;

    MinutesService(MinutesRepository minutes, MeetingRepository meetings, StructureRepository structure, BodyAccess access,
            se.samverkan.api.inbox.Distribution distribution, Outbox outbox) {
        this.outbox = outbox;
        this.distribution = distribution;
        this.minutes = minutes;
        this.meetings = meetings;
        this.structure = structure;
        this.access = access;
    }

    private Mono<Optional<Rulebook>> rulebook(Meeting meeting) {
        return structure.rulebooksOf(List.of(meeting.body()))
                .map(all -> Rulebook.inForceOn(meeting.date(), all.getOrDefault(meeting.body(), List.of())));
    }

    @Transactional
    public Mono<MinutesPayload> draft(Principal caller, UUID meetingId, List<Signatory> signatories,
            @Nullable UUID corrects, @Nullable List<Integer> dealtWith) {
        return meetings.byId(meetingId).flatMap(meeting -> access.actorsIn(meeting.body(), caller).flatMap(actors -> {
            if (!actors.contains(Actor.SECRETARY)) {
                return Mono.just(MinutesPayload.refused(UserError.notAllowed("the secretary drafts the minutes", null)));
            }
            if (meeting.state() != MeetingState.HELD) {
                return Mono.just(MinutesPayload.refused(new UserError("ILLEGAL_TRANSITION",
                        "minutes are drafted for a held meeting; this one is " + meeting.state(), null, "meeting")));
            }
            Mono<Boolean> correctsThisMeeting = corrects == null ? Mono.just(true) : minutes.byId(corrects)
                    .map(old -> old.meeting().equals(meetingId) && old.state().equals("SIGNED")).defaultIfEmpty(false);
            return correctsThisMeeting.flatMap(ok -> !ok ? Mono.just(MinutesPayload.refused(UserError.badInput("corrects",
                            "a correction points at this meeting's signed minutes (IMP-02)")))
                    : Mono.zip(minutes.plannedAgenda(meetingId), minutes.mattersAt(meetingId)).flatMap(agenda -> {
                        List<MinutesItems.Item> items;
                        try {
                            items = MinutesItems.of(agenda.getT1(), agenda.getT2(), dealtWith);
                        } catch (DomainException e) {
                            return Mono.just(MinutesPayload.refused(UserError.badInput("order", e.getMessage())));
                        }
                        return Mono.zip(minutes.draftText(meetingId, items), minutes.nextVersion(meetingId))
                                .flatMap(t -> minutes.insert(new Minutes(UUID.randomUUID(), meetingId, meeting.body(), t.getT2(),
                                        corrects, t.getT1(), signatories, "DRAFT", null, null, null, null, null, null, 0),
                                        Objects.requireNonNull(caller.subject())))
                                .flatMap(m -> minutes.insertItems(m.id(), items).thenReturn(m))
                                .map(m -> new MinutesPayload(m, List.of()));
                    }));
        })).defaultIfEmpty(MinutesPayload.refused(UserError.notFound("meeting")));
    }

    /**
     * The secretary edits a draft's text until the first signature: those who sign, sign this text, so a change after
     * that would need their signatures again — start a new draft instead.
     */
    @Transactional
    public Mono<MinutesPayload> edit(Principal caller, UUID minutesId, String content) {
        if (content.isBlank() || content.length() > 200_000) {
            return Mono.just(MinutesPayload.refused(UserError.badInput("content", "1 to 200 000 characters")));
        }
        return minutes.byId(minutesId).flatMap(m -> access.actorsIn(m.body(), caller).flatMap(actors -> {
            if (!actors.contains(Actor.SECRETARY)) {
                return Mono.just(MinutesPayload.refused(UserError.notAllowed("the secretary edits the minutes", null)));
            }
            if (!m.state().equals("DRAFT")) {
                return Mono.just(MinutesPayload.refused(new UserError("ILLEGAL_TRANSITION",
                        "the minutes are signed and frozen; correct them with a new version (IMP-02)", "IMP-02", "minutes")));
            }
            return minutes.signers(minutesId).flatMap(signers -> !signers.isEmpty()
                    ? Mono.just(MinutesPayload.refused(new UserError("ILLEGAL_TRANSITION",
                            "signing has begun: those who signed signed this text", null, "minutes")))
                    : minutes.edit(m, content).map(x -> new MinutesPayload(x, List.of()))
                            .defaultIfEmpty(MinutesPayload.refused(new UserError("CONFLICT",
                                    "the minutes changed meanwhile; read them again", null, "minutes"))));
        })).defaultIfEmpty(MinutesPayload.refused(UserError.notFound("minutes")));
    }

    @Transactional
    public Mono<MinutesPayload> sign(Principal caller, UUID minutesId) {
        PersonId me;
        try {
            me = new PersonId(UUID.fromString(Objects.requireNonNull(caller.subject())));
        } catch (IllegalArgumentException e) {
            return Mono.just(MinutesPayload.refused(UserError.notAllowed("only a person chosen to sign signs", null)));
        }
        return minutes.byId(minutesId).flatMap(m -> meetings.byId(m.meeting()).flatMap(meeting -> Mono.zip(rulebook(meeting),
                minutes.signers(minutesId)).flatMap(t -> {
                    if (!m.state().equals("DRAFT")) {
                        return Mono.just(MinutesPayload.refused(new UserError("ILLEGAL_TRANSITION",
                                "the minutes are signed and frozen (IMP-02)", "IMP-02", "minutes")));
                    }
                    MinutesRule rule = t.getT1().map(Rulebook::minutes).orElse(null);
                    if (rule == null) {
                        return Mono.just(MinutesPayload.refused(new UserError("NOT_IN_RULEBOOK",
                                "the body's rulebook names nobody to sign its minutes", null, null)));
                    }
                    SignatoryRequirement filled;
                    try {
                        filled = Signing.fill(rule, m.signatories(), t.getT2(), me);
                    } catch (DomainException e) {
                        return Mono.just(MinutesPayload.refused(new UserError("SIGNATURE_NOT_ALLOWED", e.getMessage(),
                                e.ruleId(), "minutes")));
                    }
                    List<PersonId> signed = new java.util.ArrayList<>(t.getT2());
                    signed.add(me);
                    Mono<Long> signature = minutes.sign(minutesId, me, filled.kind().name(), filled.side(), filled.act().name());
                    if (!Signing.complete(rule, m.signatories(), signed)) {
                        return signature.then(minutes.byId(minutesId)).map(x -> new MinutesPayload(x, List.of()));
                    }
                    return signature.then(minutes.lastSigned(m.body()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                            .flatMap(previous -> {
                                String previousHash = previous.map(Minutes::contentHash).orElse(null);
                                return minutes.freeze(m, MinutesHash.of(m.content(), previousHash), previousHash);
                            })
                            .flatMap(frozen -> outbox.write(EventTypes.MINUTES_SIGNED, frozen.body().value(),
                                            Map.of("minutes", frozen.id().toString(), "meeting", frozen.meeting().toString(),
                                                    "contentHash", Objects.requireNonNull(frozen.contentHash())))
                                    .then(distribute(frozen, meeting, t.getT1())).thenReturn(frozen))
                            .map(x -> new MinutesPayload(x, List.of()))
                            .defaultIfEmpty(MinutesPayload.refused(new UserError("CONFLICT",
                                    "the minutes changed meanwhile; read them again", null, "minutes")));
                }))).defaultIfEmpty(MinutesPayload.refused(UserError.notFound("minutes")));
    }

    /** LSVO-14, PSVO-11: signed minutes arrive in the inbox of every committee the rulebook's distribution list reaches. */
    private Mono<Long> distribute(Minutes frozen, Meeting meeting, Optional<Rulebook> rulebook) {
        if (rulebook.map(Rulebook::distribution).isEmpty()) {
            return Mono.just(0L);
        }
        return structure.bodiesById(List.of(meeting.body())).flatMap(found -> Mono.justOrEmpty(found.get(meeting.body())))
                .flatMap(body -> distribution.minutes(frozen.id(), meeting.id(), body, meeting.date(),
                        rulebook.get().distribution(), "Protokoll " + body.shortName() + " " + meeting.date()
                                + (frozen.version() > 1 ? " (version " + frozen.version() + ")" : "")));
    }

    /** LSVO-15: the secretary makes signed minutes public, readable without login. */
    @Transactional
    public Mono<MinutesPayload> publish(Principal caller, UUID minutesId) {
        return minutes.byId(minutesId).flatMap(m -> meetings.byId(m.meeting()).flatMap(meeting -> Mono.zip(
                access.actorsIn(meeting.body(), caller), rulebook(meeting)).flatMap(t -> {
                    String rule = t.getT2().map(Rulebook::publication).map(p -> p.rule()).orElse(null);
                    if (!t.getT1().contains(Actor.SECRETARY)) {
                        return Mono.just(MinutesPayload.refused(UserError.notAllowed("the secretary publishes minutes", rule)));
                    }
                    if (!m.state().equals("SIGNED")) {
                        return Mono.just(MinutesPayload.refused(new UserError("ILLEGAL_TRANSITION",
                                "only signed minutes are published", rule, "minutes")));
                    }
                    if (m.publishedAt() != null) {
                        return Mono.just(MinutesPayload.refused(new UserError("ILLEGAL_TRANSITION",
                                "the minutes are already published", rule, "minutes")));
                    }
                    return minutes.publish(m).flatMap(published -> outbox.change(EventTypes.MINUTES_PUBLISHED,
                                    published.body().value(), Event.Change.PUBLISHED, "Minutes", published.id(), Map.of(
                                            "minutes", published.id().toString(), "meeting", published.meeting().toString(),
                                            "contentHash", Objects.requireNonNull(published.contentHash())))
                            .then(supersede(published)).thenReturn(published))
                            .map(x -> new MinutesPayload(x, List.of()))
                            .defaultIfEmpty(MinutesPayload.refused(new UserError("CONFLICT",
                                    "the minutes were published meanwhile", rule, "minutes")));
                }))).defaultIfEmpty(MinutesPayload.refused(UserError.notFound("minutes")));
    }

    /**
     * IMP-02: a published correction replaces the published version it corrects. The older stays readable as history;
     * mirrors get a tombstone for it in the change feed.
     */
    private Mono<Void> supersede(Minutes correction) {
        if (correction.corrects() == null) {
            return Mono.empty();
        }
        UUID old = correction.corrects();
        return minutes.supersede(old, correction.id()).filter(Boolean::booleanValue)
                .flatMap(done -> outbox.change(EventTypes.MINUTES_SUPERSEDED, correction.body().value(),
                        Event.Change.SUPERSEDED, "Minutes", old, Map.of("minutes", old.toString(),
                                "supersededBy", correction.id().toString(), "meeting", correction.meeting().toString())));
    }

    /** Whether the body's chain of signed minutes up to these verifies (IMP-02). */
    Mono<Boolean> verified(Minutes m) {
        if (m.signedAt() == null) {
            return Mono.just(false);
        }
        return minutes.chainUpTo(m.body(), m.signedAt()).map(chain -> MinutesHash.firstBroken(chain.stream()
                .map(x -> new MinutesHash.Link(x.content(), Objects.requireNonNull(x.contentHash()), x.previousHash()))
                .toList()) == -1);
    }
}
