package se.samverkan.api.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.events.EventFilter;
import se.samverkan.api.events.EventStream;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.events.OncePerEvent;
import se.samverkan.api.graphql.Connection;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingDeadlines;
import se.samverkan.domain.meeting.MeetingKind;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;

/** Meetings over GraphQL: thin — the rules are in the domain, the writes in {@link MeetingService}. */
@Controller
class MeetingController {

    record ScheduleMeetingInput(String body, Instant startsAt, String location, @Nullable MeetingKind kind) {
    }

    record CancelMeetingInput(String meeting, String reason) {
    }

    /** The {@code MeetingDeadlines} type: the deadlines and the rulebook version they come from. */
    record DeadlinesView(MeetingDeadlines deadlines, String rulebookVersion) {

        public @Nullable LocalDate noticeDue() {
            return deadlines.noticeDue();
        }

        public @Nullable LocalDate decisionDocumentsDue() {
            return deadlines.decisionDocumentsDue();
        }

        public @Nullable LocalDate otherDocumentsDue() {
            return deadlines.otherDocumentsDue();
        }

        public @Nullable LocalDate preparationMeeting() {
            return deadlines.preparationMeeting();
        }
    }

    /** Meetings of a body in a year, the key of the loader behind {@code Body.meetings}. */
    record BodyYear(BodyId body, int year) {
    }

    private final MeetingService service;
    private final BodyAccess access;
    private final MeetingRepository meetings;
    private final StructureRepository structure;
    private final Clock clock;

    /** A notice was sent: what a {@code noticeSent} subscriber receives. */
    record NoticeSentEvent(String cursor, Instant at, Meeting meeting) {
    }

    private final EventStream events;
    private final OncePerEvent<Meeting> noticedMeetings = new OncePerEvent<>();

    MeetingController(MeetingService service, MeetingRepository meetings, StructureRepository structure, Clock clock,
            BatchLoaderRegistry registry, BodyAccess access, EventStream events) {
        this.events = events;
        this.service = service;
        this.access = access;
        this.meetings = meetings;
        this.structure = structure;
        this.clock = clock;
        registry.<BodyYear, List<Meeting>>forName("meetingsByBodyYear").registerMappedBatchLoader((keys, env) -> {
            Map<Integer, Set<BodyId>> byYear = keys.stream().collect(Collectors.groupingBy(BodyYear::year,
                    Collectors.mapping(BodyYear::body, Collectors.toSet())));
            return reactor.core.publisher.Flux.fromIterable(byYear.entrySet())
                    .flatMap(e -> meetings.ofBodiesInYear(e.getValue(), e.getKey())
                            .map(found -> e.getValue().stream().collect(Collectors.toMap(
                                    b -> new BodyYear(b, e.getKey()), b -> found.getOrDefault(b, List.of())))))
                    .reduce(new java.util.HashMap<BodyYear, List<Meeting>>(), (all, part) -> {
                        all.putAll(part);
                        return all;
                    });
        });
    }

    /**
     * A meeting is public once its notice is sent (NOTICE_SENT, HELD); before that — planned, or cancelled before the
     * notice — only those seated in its body see it.
     */
    static boolean isPublic(Meeting meeting) {
        return meeting.state() == MeetingState.NOTICE_SENT || meeting.state() == MeetingState.HELD;
    }

    /** Keeps the meetings the caller may see. */
    Mono<List<Meeting>> visible(List<Meeting> all) {
        if (all.stream().allMatch(MeetingController::isPublic)) {
            return Mono.just(all);
        }
        return CurrentPrincipal.get().flatMap(access::seatedBodies)
                .map(seated -> all.stream().filter(m -> isPublic(m) || seated.contains(m.body())).toList());
    }

    @QueryMapping
    Mono<Meeting> meeting(@Argument String id) {
        return GlobalId.uuidOf(id, "Meeting").map(uuid -> meetings.byId(uuid)
                .flatMap(m -> visible(List.of(m))).flatMap(l -> Mono.justOrEmpty(l.stream().findFirst())))
                .orElse(Mono.empty());
    }

    /** Public: the meeting as it is now, read once per event; one cancelled since is no longer public and not sent. */
    @SubscriptionMapping
    reactor.core.publisher.Flux<NoticeSentEvent> noticeSent(@Argument @Nullable List<String> counties,
            @Argument @Nullable List<String> bodies, @Argument @Nullable String after) {
        return events.since(EventFilter.cursor(after), List.of(EventTypes.NOTICE_SENT), EventFilter.of(counties, bodies))
                .concatMap(event -> noticedMeetings.get(event, e -> meetings.byId(e.uuid("meeting")).filter(MeetingController::isPublic))
                        .map(m -> new NoticeSentEvent(event.cursor(), event.at(), m)));
    }

    @MutationMapping
    Mono<MeetingService.Scheduled> scheduleMeeting(@Argument ScheduleMeetingInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(MeetingService.Scheduled.refused(UserError.notAllowed("sign in to schedule meetings", null)));
            }
            return GlobalId.uuidOf(input.body(), "Body").map(BodyId::new)
                    .map(body -> service.schedule(caller, body, input.startsAt(), input.location(),
                            input.kind() == null ? MeetingKind.ORDINARY : input.kind()))
                    .orElse(Mono.just(MeetingService.Scheduled.refused(UserError.notFound("body"))));
        });
    }

    @MutationMapping
    Mono<MeetingService.Cancelled> cancelMeeting(@Argument CancelMeetingInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(new MeetingService.Cancelled(null,
                        List.of(UserError.notAllowed("sign in to cancel meetings", null))));
            }
            return GlobalId.uuidOf(input.meeting(), "Meeting")
                    .map(id -> service.cancel(caller, id, input.reason()))
                    .orElse(Mono.just(new MeetingService.Cancelled(null, List.of(UserError.notFound("meeting")))));
        });
    }

    @SchemaMapping(typeName = "Meeting")
    LocalDate date(Meeting meeting) {
        return meeting.date();
    }

    @BatchMapping(typeName = "Meeting", field = "body")
    Mono<Map<Meeting, Body>> meetingBody(List<Meeting> list) {
        return structure.bodiesById(list.stream().map(Meeting::body).collect(Collectors.toSet()))
                .map(found -> list.stream().filter(m -> found.containsKey(m.body()))
                        .collect(Collectors.toMap(m -> m, m -> found.get(m.body()), (a, b) -> a)));
    }

    /** The deadlines from the rulebook in force on the meeting's date. */
    @SchemaMapping(typeName = "Meeting")
    CompletableFuture<@Nullable DeadlinesView> deadlines(Meeting meeting, DataLoader<BodyId, List<Rulebook>> rulebooksByBody) {
        return rulebooksByBody.load(meeting.body()).thenApply(all -> Rulebook
                .inForceOn(meeting.date(), all == null ? List.of() : all)
                .map(r -> new DeadlinesView(MeetingDeadlines.of(meeting.date(), r), r.version()))
                .orElse(null));
    }

    @BatchMapping(typeName = "Meeting")
    Mono<Map<Meeting, Meeting>> preparationMeeting(List<Meeting> list) {
        return meetings.preparationsOf(list.stream().map(Meeting::id).toList())
                .flatMap(found -> visible(List.copyOf(found.values())).map(seen -> list.stream()
                        .filter(m -> found.containsKey(m.id()) && seen.contains(found.get(m.id())))
                        .collect(Collectors.toMap(m -> m, m -> found.get(m.id()), (a, b) -> a))));
    }

    @BatchMapping(typeName = "Meeting")
    Mono<Map<Meeting, Meeting>> preparesFor(List<Meeting> list) {
        Set<UUID> ids = list.stream().map(Meeting::preparationFor).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Mono.just(Map.of()) : meetings.byIds(ids)
                .flatMap(found -> visible(List.copyOf(found.values())).map(seen -> list.stream()
                        .filter(m -> m.preparationFor() != null && seen.contains(found.get(m.preparationFor())))
                        .collect(Collectors.toMap(m -> m, m -> found.get(m.preparationFor()), (a, b) -> a))));
    }

    @SchemaMapping(typeName = "Body")
    Mono<Connection<Meeting>> meetings(Body body, @Argument @Nullable Integer year,
            @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<BodyYear, List<Meeting>> meetingsByBodyYear,
            DataLoader<se.samverkan.tenancy.Principal, Set<BodyId>> seatedBodies) {
        Connection.Window window = Connection.window(first, after);
        // outside the range PostgreSQL's dates overflow (an internal error before)
        int y = year == null ? ClockConfig.today(clock).getYear() : se.samverkan.api.graphql.BadInputException.year(year);
        // both loads are queued before either is dispatched: a load queued after dispatch would never run
        CompletableFuture<List<Meeting>> all = meetingsByBodyYear.load(new BodyYear(body.id(), y));
        // returned as a Mono, so that the caller is read from the request's Reactor context
        return CurrentPrincipal.get()
                .flatMap(caller -> Mono.fromFuture(seatedBodies.load(caller)).zipWith(Mono.fromFuture(all)))
                .map(t -> Connection.slice((t.getT2() == null ? List.<Meeting>of() : t.getT2()).stream()
                        .filter(m -> isPublic(m) || t.getT1().contains(m.body())).toList(), window));
    }
}
