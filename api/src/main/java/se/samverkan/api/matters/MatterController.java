package se.samverkan.api.matters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.dataloader.DataLoader;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.Connection;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.meetings.MeetingRepository;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.meeting.Matter;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.SubjectArea;
import se.samverkan.tenancy.Principal;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matters and notices over GraphQL. Matters are MEMBERS data: every read goes through the caller's seats, checked once
 * per batch; a sent notice and its agenda are public.
 */
@Controller
class MatterController {

    record SubmitMatterInput(String body, String title, String description, MatterType type,
            @Nullable DecisionCategory decisionCategory, @Nullable List<String> subjectAreas,
            @Nullable String amendsAgreement) {
    }

    record AttachDocumentInput(String matter, String name, @Nullable String mediaType, String contentBase64) {
    }

    record RequestComplementInput(String matter, String note) {
    }

    record TriageMatterInput(String matter, String meeting, @Nullable Boolean prepared, @Nullable Boolean anchored) {
    }

    record DeferMatterInput(String matter, String reason) {
    }

    record AdmitLateMatterInput(String matter, @Nullable Boolean byDecisionOfBody) {
    }

    record ForwardMatterInput(String matter, String toBody) {
    }

    record OrderAgendaInput(String meeting, List<String> matters) {
    }

    record SendNoticeInput(String meeting) {
    }

    record OrderAgendaPayload(List<UserError> errors) {
    }

    /** The {@code Document} type. */
    record DocumentView(String id, String name, String mediaType, String sha256, int size, Instant uploadedAt) {

        static DocumentView of(MatterRepository.DocumentInfo d) {
            return new DocumentView(d.id().toString(), d.name(), d.mediaType(), d.sha256(), d.size(), d.uploadedAt());
        }
    }

    record AttachDocumentPayload(@Nullable DocumentView document, List<UserError> errors) {
    }

    /** The {@code Notice} type. */
    record NoticeView(Instant sentAt, LocalDate sentOn, @Nullable LocalDate dueOn, @Nullable String rule, boolean onTime,
            List<AgendaItem> agenda) {
    }

    /** The {@code AgendaItem} type, as frozen in the notice. */
    record AgendaItem(int position, String kind, String title, @Nullable MatterType type,
            @Nullable DecisionCategory decisionCategory, @Nullable String rule, @Nullable UUID matterId, BodyId body) {
    }

    private final MatterService service;
    private final MatterRepository matters;
    private final MeetingRepository meetings;
    private final StructureRepository structure;
    private final BodyAccess access;
    private final JsonMapper json;

    private final se.samverkan.api.events.Outbox outbox;

    MatterController(MatterService service, MatterRepository matters, MeetingRepository meetings,
            StructureRepository structure, BodyAccess access, JsonMapper json, BatchLoaderRegistry registry,
            se.samverkan.api.events.Outbox outbox) {
        this.outbox = outbox;
        registry.<java.util.UUID, MatterRepository.Notice>forName("noticesByMeeting")
                .registerMappedBatchLoader((keys, env) -> matters.noticesOf(keys));
        registry.<java.util.UUID, Instant>forName("lastChangedByObject")
                .registerMappedBatchLoader((keys, env) -> outbox.lastChanged(keys));
        registry.<BodyId, List<Matter>>forName("mattersByBody")
                .registerMappedBatchLoader((keys, env) -> matters.ofBodies(keys));
        registry.<Principal, Set<BodyId>>forName("seatedBodies").registerMappedBatchLoader((keys, env) ->
                reactor.core.publisher.Flux.fromIterable(keys)
                        .flatMap(p -> access.seatedBodies(p).map(bodies -> Map.entry(p, bodies)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
        this.service = service;
        this.matters = matters;
        this.meetings = meetings;
        this.structure = structure;
        this.access = access;
        this.json = json;
    }

    // ----------------------------------------------------------------------------------------------- mutations

    private static Mono<MatterService.MatterPayload> signedIn(Function<Principal, Mono<MatterService.MatterPayload>> action) {
        return CurrentPrincipal.get().flatMap(caller -> caller.authenticated() ? action.apply(caller)
                : Mono.just(MatterService.MatterPayload.refused(UserError.notAllowed("sign in first", null))));
    }

    private static Optional<UUID> id(String globalId, String type) {
        return GlobalId.uuidOf(globalId, type);
    }

    private static Mono<MatterService.MatterPayload> notFound(String field) {
        return Mono.just(MatterService.MatterPayload.refused(UserError.notFound(field)));
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> submitMatter(@Argument SubmitMatterInput input) {
        Optional<UUID> agreement = input.amendsAgreement() == null ? Optional.empty()
                : id(input.amendsAgreement(), "Agreement");
        if (input.amendsAgreement() != null && agreement.isEmpty()) {
            return notFound("amendsAgreement");
        }
        return signedIn(caller -> id(input.body(), "Body").map(body -> service.submit(caller, new BodyId(body),
                        input.title(), input.description(), input.type(), input.decisionCategory(),
                        input.subjectAreas() == null ? List.of() : input.subjectAreas(), agreement.orElse(null))
                        .onErrorResume(MatterService.AmendmentRefused.class, e -> notFound("amendsAgreement")))
                .orElse(notFound("body")));
    }

    @MutationMapping
    Mono<AttachDocumentPayload> attachDocument(@Argument AttachDocumentInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(new AttachDocumentPayload(null, List.of(UserError.notAllowed("sign in first", null))));
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(input.contentBase64());
            } catch (IllegalArgumentException e) {
                return Mono.just(new AttachDocumentPayload(null, List.of(UserError.badInput("contentBase64",
                        "the content is not valid base64"))));
            }
            String mediaType = input.mediaType() == null ? "application/octet-stream" : input.mediaType();
            if (!mediaType.matches("[\\w.+-]+/[\\w.+-]+")) {
                return Mono.just(new AttachDocumentPayload(null, List.of(UserError.badInput("mediaType",
                        "'" + mediaType + "' is not a media type such as application/pdf"))));
            }
            return id(input.matter(), "Matter")
                    .map(matter -> service.attachDocument(caller, matter, input.name(), mediaType, content)
                            .map(p -> new AttachDocumentPayload(p.document() == null ? null : DocumentView.of(p.document()),
                                    p.errors())))
                    .orElse(Mono.just(new AttachDocumentPayload(null, List.of(UserError.notFound("matter")))));
        });
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> requestComplement(@Argument RequestComplementInput input) {
        return signedIn(caller -> id(input.matter(), "Matter")
                .map(m -> service.requestComplement(caller, m, input.note())).orElse(notFound("matter")));
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> triageMatter(@Argument TriageMatterInput input) {
        return signedIn(caller -> id(input.matter(), "Matter").flatMap(m -> id(input.meeting(), "Meeting")
                        .map(meeting -> service.triage(caller, m, meeting, input.prepared(), input.anchored())))
                .orElse(notFound("matter")));
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> deferMatter(@Argument DeferMatterInput input) {
        return signedIn(caller -> id(input.matter(), "Matter")
                .map(m -> service.deferOrReject(caller, m, false, input.reason())).orElse(notFound("matter")));
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> rejectMatter(@Argument DeferMatterInput input) {
        return signedIn(caller -> id(input.matter(), "Matter")
                .map(m -> service.deferOrReject(caller, m, true, input.reason())).orElse(notFound("matter")));
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> admitLateMatter(@Argument AdmitLateMatterInput input) {
        return signedIn(caller -> id(input.matter(), "Matter")
                .map(m -> service.admitLate(caller, m, Boolean.TRUE.equals(input.byDecisionOfBody())))
                .orElse(notFound("matter")));
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> forwardMatter(@Argument ForwardMatterInput input) {
        return signedIn(caller -> id(input.matter(), "Matter").flatMap(m -> id(input.toBody(), "Body")
                        .map(body -> service.forward(caller, m, new BodyId(body))))
                .orElse(notFound("matter")));
    }

    @MutationMapping
    Mono<OrderAgendaPayload> orderAgenda(@Argument OrderAgendaInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(new OrderAgendaPayload(List.of(UserError.notAllowed("sign in first", null))));
            }
            List<Optional<UUID>> order = input.matters().stream().map(m -> id(m, "Matter")).toList();
            Optional<UUID> meeting = id(input.meeting(), "Meeting");
            if (meeting.isEmpty() || order.stream().anyMatch(Optional::isEmpty)) {
                return Mono.just(new OrderAgendaPayload(List.of(UserError.notFound("matters"))));
            }
            return service.orderAgenda(caller, meeting.get(), order.stream().map(Optional::get).toList())
                    .map(OrderAgendaPayload::new);
        });
    }

    @MutationMapping
    Mono<MatterService.NoticePayload> sendNotice(@Argument SendNoticeInput input) {
        return CurrentPrincipal.get().flatMap(caller -> !caller.authenticated()
                ? Mono.just(new MatterService.NoticePayload(null, List.of(UserError.notAllowed("sign in first", null))))
                : id(input.meeting(), "Meeting").map(m -> service.sendNotice(caller, m))
                        .orElse(Mono.just(new MatterService.NoticePayload(null, List.of(UserError.notFound("meeting"))))));
    }

    // --------------------------------------------------------------------------------------------------- reads

    /** Keeps the matters the caller may see: those of bodies they hold a seat in. */
    private Mono<List<Matter>> visible(List<Matter> all) {
        if (all.isEmpty()) {
            return Mono.just(all);
        }
        return CurrentPrincipal.get().flatMap(access::seatedBodies)
                .map(seated -> all.stream().filter(m -> seated.contains(m.body())).toList());
    }

    @QueryMapping
    Mono<Matter> matter(@Argument String id) {
        return id(id, "Matter").map(uuid -> matters.byId(uuid).flatMap(m -> visible(List.of(m)))
                .flatMap(list -> Mono.justOrEmpty(list.stream().findFirst()))).orElse(Mono.empty());
    }

    @SchemaMapping(typeName = "Body", field = "matters")
    Mono<Connection<Matter>> bodyMatters(Body body, @Argument @Nullable MatterState state,
            @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<BodyId, List<Matter>> mattersByBody, DataLoader<Principal, Set<BodyId>> seatedBodies) {
        Connection.Window window = Connection.window(first, after);
        // both loads are queued before either is dispatched: a load queued after dispatch would never run
        CompletableFuture<List<Matter>> all = mattersByBody.load(body.id());
        return CurrentPrincipal.get()
                .flatMap(caller -> Mono.fromFuture(seatedBodies.load(caller)).zipWith(Mono.fromFuture(all)))
                .map(t -> !t.getT1().contains(body.id()) ? Connection.<Matter>slice(List.of(), window)
                        : Connection.slice(t.getT2().stream().filter(m -> state == null || m.state() == state).toList(),
                                window));
    }

    @BatchMapping(typeName = "Meeting", field = "matters")
    Mono<Map<Meeting, List<Matter>>> meetingMatters(List<Meeting> list) {
        return matters.onMeetings(list.stream().map(Meeting::id).toList())
                .flatMap(found -> visible(found.values().stream().flatMap(List::stream).toList())
                        .map(seen -> list.stream().collect(Collectors.toMap(m -> m, m -> found.getOrDefault(m.id(), List.of())
                                .stream().filter(seen::contains).toList(), (a, b) -> a))));
    }

    // Meeting.notice, .publishedAt and .lastRevisedAt share one read of the notices per request (noticesByMeeting)

    /** A meeting is published when its notice is sent (LSVO-08); null before. */
    @SchemaMapping(typeName = "Meeting", field = "publishedAt")
    CompletableFuture<@Nullable Instant> meetingPublishedAt(Meeting meeting,
            DataLoader<java.util.UUID, MatterRepository.Notice> noticesByMeeting) {
        return noticesByMeeting.load(meeting.id()).thenApply(n -> n == null ? null : n.sentAt());
    }

    /** The last public change to a published meeting: its notice, or a later change from the change feed's events. */
    @SchemaMapping(typeName = "Meeting", field = "lastRevisedAt")
    CompletableFuture<@Nullable Instant> meetingLastRevisedAt(Meeting meeting,
            DataLoader<java.util.UUID, MatterRepository.Notice> noticesByMeeting,
            DataLoader<java.util.UUID, Instant> lastChangedByObject) {
        return noticesByMeeting.load(meeting.id()).thenCombine(lastChangedByObject.load(meeting.id()), (notice, changed) -> {
            Instant sent = notice == null ? null : notice.sentAt();
            return sent == null ? changed : changed == null || changed.isBefore(sent) ? sent : changed;
        });
    }

    @SchemaMapping(typeName = "Meeting", field = "notice")
    CompletableFuture<@Nullable NoticeView> notice(Meeting meeting,
            DataLoader<java.util.UUID, MatterRepository.Notice> noticesByMeeting) {
        return noticesByMeeting.load(meeting.id()).thenApply(n -> n == null ? null : view(n, meeting.body()));
    }

    private NoticeView view(MatterRepository.Notice notice, BodyId body) {
        List<Map<String, Object>> items = json.readValue(notice.agenda(), new TypeReference<List<Map<String, Object>>>() { });
        List<AgendaItem> agenda = items.stream().map(i -> new AgendaItem(((Number) i.get("position")).intValue(),
                (String) i.get("kind"), (String) i.get("title"),
                i.get("type") == null ? null : MatterType.valueOf((String) i.get("type")),
                i.get("decisionCategory") == null ? null : DecisionCategory.valueOf((String) i.get("decisionCategory")),
                (String) i.get("rule"), i.get("matter") == null ? null : UUID.fromString((String) i.get("matter")), body))
                .toList();
        return new NoticeView(notice.sentAt(), notice.sentOn(), notice.dueOn(), notice.rule(),
                notice.dueOn() == null || !notice.sentOn().isAfter(notice.dueOn()), agenda);
    }

    @BatchMapping(typeName = "AgendaItem", field = "matter")
    Mono<Map<AgendaItem, Matter>> agendaMatter(List<AgendaItem> items) {
        Set<UUID> ids = items.stream().map(AgendaItem::matterId).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Mono.just(Map.of()) : matters.byIds(ids)
                .flatMap(found -> visible(List.copyOf(found.values())).map(seen -> items.stream()
                        .filter(i -> i.matterId() != null && seen.stream().anyMatch(m -> m.id().equals(i.matterId())))
                        .collect(Collectors.toMap(i -> i, i -> found.get(i.matterId()), (a, b) -> a))));
    }

    @BatchMapping(typeName = "Matter", field = "body")
    Mono<Map<Matter, Body>> matterBody(List<Matter> list) {
        return structure.bodiesById(list.stream().map(Matter::body).collect(Collectors.toSet()))
                .map(found -> list.stream().filter(m -> found.containsKey(m.body()))
                        .collect(Collectors.toMap(m -> m, m -> found.get(m.body()), (a, b) -> a)));
    }

    @BatchMapping(typeName = "Matter", field = "subjectAreas")
    Mono<Map<Matter, List<SubjectArea>>> matterSubjectAreas(List<Matter> list) {
        Set<String> codes = list.stream().flatMap(m -> m.subjectAreas().stream()).collect(Collectors.toSet());
        return (codes.isEmpty() ? Mono.just(Map.<String, SubjectArea>of()) : structure.subjectAreas(codes))
                .map(found -> list.stream().collect(Collectors.toMap(m -> m, m -> m.subjectAreas().stream()
                        .map(found::get).filter(Objects::nonNull).toList(), (a, b) -> a)));
    }

    @BatchMapping(typeName = "Matter", field = "meeting")
    Mono<Map<Matter, Meeting>> matterMeeting(List<Matter> list) {
        Set<UUID> ids = list.stream().map(Matter::meeting).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Mono.just(Map.of()) : meetings.byIds(ids).map(found -> list.stream()
                .filter(m -> m.meeting() != null && found.containsKey(m.meeting()))
                .collect(Collectors.toMap(m -> m, m -> found.get(m.meeting()), (a, b) -> a)));
    }

    @SchemaMapping(typeName = "Matter")
    boolean admittedLate(Matter matter) {
        return matter.admittedLateBy() != null;
    }

    @BatchMapping(typeName = "Matter")
    Mono<Map<Matter, List<DocumentView>>> documents(List<Matter> list) {
        return matters.documentsOf(list.stream().map(Matter::id).toList()).map(found -> list.stream().collect(
                Collectors.toMap(m -> m, m -> found.getOrDefault(m.id(), List.of()).stream().map(DocumentView::of).toList(),
                        (a, b) -> a)));
    }

    @BatchMapping(typeName = "Matter")
    Mono<Map<Matter, Matter>> forwardedFrom(List<Matter> list) {
        Set<UUID> ids = list.stream().map(Matter::forwardedFrom).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Mono.just(Map.of()) : matters.byIds(ids)
                .flatMap(found -> visible(List.copyOf(found.values())).map(seen -> list.stream()
                        .filter(m -> m.forwardedFrom() != null && seen.stream().anyMatch(s -> s.id().equals(m.forwardedFrom())))
                        .collect(Collectors.toMap(m -> m, m -> found.get(m.forwardedFrom()), (a, b) -> a))));
    }

    @BatchMapping(typeName = "Matter")
    Mono<Map<Matter, List<Matter>>> forwardedTo(List<Matter> list) {
        return matters.forwardsOf(list.stream().map(Matter::id).toList())
                .flatMap(found -> visible(found.values().stream().flatMap(List::stream).toList())
                        .map(seen -> list.stream().collect(Collectors.toMap(m -> m, m -> found.getOrDefault(m.id(), List.of())
                                .stream().filter(seen::contains).toList(), (a, b) -> a))));
    }
}
