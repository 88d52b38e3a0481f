package se.samverkan.api.minutes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import se.samverkan.api.graphql.Connection;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.events.EventFilter;
import se.samverkan.api.events.EventStream;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.events.OncePerEvent;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.meetings.MeetingRepository;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.minutes.Signatory;
import se.samverkan.domain.rulebook.SignatoryKind;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.PersonId;

/** Minutes over GraphQL: drafts and signed versions are for those seated in the body until publication. */
@Controller
class MinutesController {

    record SignatoryInput(String person, SignatoryKind kind, @Nullable PartySide side) {
    }

    record DraftMinutesInput(String meeting, List<SignatoryInput> signatories, @Nullable String corrects,
            @Nullable List<Integer> order) {
    }

    record SignMinutesInput(String minutes) {
    }

    record EditMinutesInput(String minutes, String content) {
    }

    record PublishMinutesInput(String minutes) {
    }

    /** Minutes were published: what a {@code minutesPublished} subscriber receives. */
    record MinutesPublishedEvent(String cursor, Instant at, Minutes minutes) {
    }

    private final OncePerEvent<Minutes> publishedMinutes = new OncePerEvent<>();

    private final MinutesService service;
    private final MinutesRepository minutes;
    private final MeetingRepository meetings;
    private final BodyAccess access;
    private final EventStream events;

    MinutesController(MinutesService service, MinutesRepository minutes, MeetingRepository meetings, BodyAccess access,
            EventStream events) {
        this.events = events;
        this.service = service;
        this.minutes = minutes;
        this.meetings = meetings;
        this.access = access;
    }

    @MutationMapping
    Mono<MinutesService.MinutesPayload> draftMinutes(@Argument DraftMinutesInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(MinutesService.MinutesPayload.refused(UserError.notAllowed("sign in first", null)));
            }
            List<Signatory> chosen = new ArrayList<>();
            for (SignatoryInput s : input.signatories()) {
                Optional<UUID> person = GlobalId.uuidOf(s.person(), "Person");
                if (person.isEmpty()) {
                    return Mono.just(MinutesService.MinutesPayload.refused(UserError.notFound("signatories.person")));
                }
                chosen.add(new Signatory(new PersonId(person.get()), s.kind(), s.side()));
            }
            Optional<UUID> corrects = input.corrects() == null ? Optional.empty() : GlobalId.uuidOf(input.corrects(), "Minutes");
            return GlobalId.uuidOf(input.meeting(), "Meeting")
                    .map(m -> service.draft(caller, m, chosen, corrects.orElse(null), input.order()))
                    .orElse(Mono.just(MinutesService.MinutesPayload.refused(UserError.notFound("meeting"))));
        });
    }

    @MutationMapping
    Mono<MinutesService.MinutesPayload> editMinutes(@Argument EditMinutesInput input) {
        return CurrentPrincipal.get().flatMap(caller -> !caller.authenticated()
                ? Mono.just(MinutesService.MinutesPayload.refused(UserError.notAllowed("sign in first", null)))
                : GlobalId.uuidOf(input.minutes(), "Minutes").map(m -> service.edit(caller, m, input.content()))
                        .orElse(Mono.just(MinutesService.MinutesPayload.refused(UserError.notFound("minutes")))));
    }

    @MutationMapping
    Mono<MinutesService.MinutesPayload> signMinutes(@Argument SignMinutesInput input) {
        return CurrentPrincipal.get().flatMap(caller -> !caller.authenticated()
                ? Mono.just(MinutesService.MinutesPayload.refused(UserError.notAllowed("sign in first", null)))
                : GlobalId.uuidOf(input.minutes(), "Minutes").map(m -> service.sign(caller, m))
                        .orElse(Mono.just(MinutesService.MinutesPayload.refused(UserError.notFound("minutes")))));
    }

    @MutationMapping
    Mono<MinutesService.MinutesPayload> publishMinutes(@Argument PublishMinutesInput input) {
        return CurrentPrincipal.get().flatMap(caller -> !caller.authenticated()
                ? Mono.just(MinutesService.MinutesPayload.refused(UserError.notAllowed("sign in first", null)))
                : GlobalId.uuidOf(input.minutes(), "Minutes").map(m -> service.publish(caller, m))
                        .orElse(Mono.just(MinutesService.MinutesPayload.refused(UserError.notFound("minutes")))));
    }

    @QueryMapping
    Mono<Connection<Minutes>> publishedMinutes(@Argument String county, @Argument @Nullable List<String> bodies,
            @Argument @Nullable Instant since, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        Connection.Window window = Connection.window(first, after);
        @Nullable List<se.samverkan.domain.structure.BodyId> ids = bodies == null ? null : bodies.stream()
                .map(b -> GlobalId.uuidOf(b, "Body").map(se.samverkan.domain.structure.BodyId::new)
                        .orElse(new se.samverkan.domain.structure.BodyId(new UUID(0, 0)))).toList();
        return minutes.published(county, ids, since).map(all -> Connection.slice(all, window));
    }

    /** Public: every subscriber gets the same published minutes, read once per event. */
    @SubscriptionMapping
    Flux<MinutesPublishedEvent> minutesPublished(@Argument @Nullable List<String> counties,
            @Argument @Nullable List<String> bodies, @Argument @Nullable String after) {
        return events.since(EventFilter.cursor(after), List.of(EventTypes.MINUTES_PUBLISHED), EventFilter.of(counties, bodies))
                .concatMap(event -> publishedMinutes.get(event, e -> minutes.byId(e.uuid("minutes"))
                                .filter(m -> m.publishedAt() != null))
                        .map(m -> new MinutesPublishedEvent(event.cursor(), event.at(), m)));
    }

    @BatchMapping(typeName = "Meeting", field = "minutes")
    Mono<Map<Meeting, List<Minutes>>> meetingMinutes(List<Meeting> list) {
        return CurrentPrincipal.get().flatMap(access::seatedBodies).flatMap(seated -> {
            return minutes.ofMeetings(list.stream().map(Meeting::id).toList()).map(found -> list.stream().collect(
                    Collectors.toMap(m -> m, m -> found.getOrDefault(m.id(), List.of()).stream()
                            .filter(x -> seated.contains(m.body()) || x.publishedAt() != null).toList(), (a, b) -> a)));
        });
    }

    @BatchMapping(typeName = "Minutes", field = "meeting")
    Mono<Map<Minutes, Meeting>> minutesMeeting(List<Minutes> list) {
        return meetings.byIds(list.stream().map(Minutes::meeting).collect(Collectors.toSet()))
                .map(found -> list.stream().filter(m -> found.containsKey(m.meeting()))
                        .collect(Collectors.toMap(m -> m, m -> found.get(m.meeting()), (a, b) -> a)));
    }

    /** Both orders of the items: as dealt with at the meeting (actual), and as the agenda had them (planned). */
    @BatchMapping(typeName = "Minutes")
    Mono<Map<Minutes, List<se.samverkan.domain.minutes.MinutesItems.Item>>> items(List<Minutes> list) {
        return minutes.itemsOf(list.stream().map(Minutes::id).toList()).map(found -> list.stream()
                .collect(Collectors.toMap(m -> m, m -> found.getOrDefault(m.id(), List.of()), (a, b) -> a)));
    }

    /** When the published minutes last changed: published, or replaced by a published correction. */
    @SchemaMapping(typeName = "Minutes")
    @Nullable Instant lastRevisedAt(Minutes m) {
        return m.supersededAt() != null ? m.supersededAt() : m.publishedAt();
    }

    @BatchMapping(typeName = "Minutes")
    Mono<Map<Minutes, Minutes>> supersededBy(List<Minutes> list) {
        return related(list, Minutes::supersededBy);
    }

    @BatchMapping(typeName = "Minutes")
    Mono<Map<Minutes, Minutes>> corrects(List<Minutes> list) {
        return related(list, Minutes::corrects);
    }

    /** Other versions the minutes point at, read in one statement for the whole list. */
    private Mono<Map<Minutes, Minutes>> related(List<Minutes> list, java.util.function.Function<Minutes, @Nullable UUID> link) {
        java.util.Set<UUID> ids = list.stream().map(link).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return minutes.byIds(ids).map(found -> list.stream().filter(m -> link.apply(m) != null && found.containsKey(link.apply(m)))
                .collect(Collectors.toMap(m -> m, m -> found.get(link.apply(m)), (a, b) -> a)));
    }

    /** Verifying walks the body's chain; asked for one minutes at a time. */
    @SchemaMapping(typeName = "Minutes")
    Mono<Boolean> verified(Minutes m) {
        return service.verified(m);
    }
}
