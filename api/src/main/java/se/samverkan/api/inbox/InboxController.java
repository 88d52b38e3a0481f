package se.samverkan.api.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.events.EventFilter;
import se.samverkan.api.events.EventStream;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.graphql.Connection;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.NodeFetcher;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.api.tenant.TenantTransactions;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.CommitteeId;
import se.samverkan.tenancy.Principal;

/**
 * A committee's inbox: read only in the caller's tenant transaction, so that PostgreSQL shows a party its own
 * committees' items and nothing of anyone else's — by the list, by {@code node(id)}, whatever the path.
 */
@Controller
class InboxController {

    record AcknowledgeInboxItemInput(String item, @Nullable String note) {
    }

    record AcknowledgePayload(@Nullable InboxItem item, List<UserError> errors) {
    }

    /** Something arrived in a committee's inbox: what an {@code inboxItemArrived} subscriber receives. */
    record InboxItemArrivedEvent(String cursor, Instant at, InboxItem item) {
    }

    private final InboxRepository inbox;
    private final TenantTransactions tenant;
    private final StructureRepository structure;
    private final EventStream events;

    private final se.samverkan.api.minutes.DistributedMinutes distributed;
    private final List<NodeFetcher> nodes;

    InboxController(InboxRepository inbox, TenantTransactions tenant, StructureRepository structure, EventStream events,
            se.samverkan.api.minutes.DistributedMinutes distributed, @org.springframework.context.annotation.Lazy List<NodeFetcher> nodes) {
        this.distributed = distributed;
        this.nodes = nodes;
        this.events = events;
        this.inbox = inbox;
        this.tenant = tenant;
        this.structure = structure;
    }

    /** Whether the committee has recorded its handling of an item. */
    enum InboxState {
        NEW, ACKNOWLEDGED
    }

    @QueryMapping
    Mono<Connection<InboxItem>> inbox(@Argument String committee, @Argument @Nullable InboxState state,
            @Argument @Nullable Integer first, @Argument @Nullable String after) {
        Connection.Window window = Connection.window(first, after);
        Optional<UUID> id = GlobalId.uuidOf(committee, "Committee");
        if (id.isEmpty()) {
            return Mono.just(Connection.slice(List.of(), window));
        }
        return CurrentPrincipal.get().flatMap(caller -> tenant.asParty(caller.partyCode(),
                        () -> inbox.page(new CommitteeId(id.get()),
                        state == null ? null : state == InboxState.ACKNOWLEDGED, window.offset(), window.limit())))
                .map(page -> Connection.of(page.items(), window.offset(), page.total()));
    }

    /**
     * PARTY: only events for the caller's own party pass, and each item is read again in the caller's tenant
     * transaction, so PostgreSQL's row-level security has the last word on what the subscriber sees.
     */
    @SubscriptionMapping
    Flux<InboxItemArrivedEvent> inboxItemArrived(@Argument String committee, @Argument @Nullable String after) {
        Long cursor = EventFilter.cursor(after);
        return CurrentPrincipal.get().flatMapMany(caller -> {
            if (!caller.authenticated() || caller.partyCode() == null) {
                return Flux.error(new AccessDeniedException("sign in to follow a committee's inbox"));
            }
            Optional<UUID> id = GlobalId.uuidOf(committee, "Committee");
            if (id.isEmpty()) {
                return Flux.never();
            }
            String committeeId = id.get().toString();
            return events.since(cursor, List.of(EventTypes.INBOX_ITEM_ARRIVED),
                            e -> caller.partyCode().equals(e.party()) && committeeId.equals(e.payload().get("committee")))
                    .concatMap(e -> visible(caller, e.uuid("item")).map(item -> new InboxItemArrivedEvent(e.cursor(), e.at(), item)));
        });
    }

    Mono<InboxItem> visible(Principal caller, UUID id) {
        return tenant.asParty(caller.partyCode(), () -> inbox.byId(id));
    }

    @MutationMapping
    Mono<AcknowledgePayload> acknowledgeInboxItem(@Argument AcknowledgeInboxItemInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated() || caller.partyCode() == null) {
                return Mono.just(new AcknowledgePayload(null, List.of(UserError.notAllowed("sign in first", null))));
            }
            if (input.note() != null && input.note().length() > 4000) {
                return Mono.just(new AcknowledgePayload(null, List.of(UserError.badInput("note", "at most 4000 characters"))));
            }
            Optional<UUID> id = GlobalId.uuidOf(input.item(), "InboxItem");
            if (id.isEmpty()) {
                return Mono.just(new AcknowledgePayload(null, List.of(UserError.notFound("item"))));
            }
            return tenant.asParty(caller.partyCode(), () -> inbox.byId(id.get())
                    .flatMap(item -> inbox.acknowledge(item, input.note(), Objects.requireNonNull(caller.subject()))
                            .then(inbox.byId(id.get())))
                    .map(item -> new AcknowledgePayload(item, List.of())))
                    .defaultIfEmpty(new AcknowledgePayload(null, List.of(UserError.notFound("item"))));
        });
    }

    @BatchMapping(typeName = "InboxItem")
    Mono<Map<InboxItem, Committee>> committee(List<InboxItem> items) {
        return structure.committeesById(items.stream().map(InboxItem::committee).collect(Collectors.toSet()))
                .map(found -> items.stream().filter(i -> found.containsKey(i.committee()))
                        .collect(Collectors.toMap(i -> i, i -> found.get(i.committee()), (a, b) -> a)));
    }

    @BatchMapping(typeName = "InboxItem")
    Mono<Map<InboxItem, Body>> fromBody(List<InboxItem> items) {
        return structure.bodiesById(items.stream().map(InboxItem::fromBody).collect(Collectors.toSet()))
                .map(found -> items.stream().filter(i -> found.containsKey(i.fromBody()))
                        .collect(Collectors.toMap(i -> i, i -> found.get(i.fromBody()), (a, b) -> a)));
    }

    /** The state of an item: NEW until the party records its handling. */
    @SchemaMapping(typeName = "InboxItem")
    InboxState state(InboxItem item) {
        return item.acknowledgedAt() == null ? InboxState.NEW : InboxState.ACKNOWLEDGED;
    }

    /** The minutes distributed; the committee's party reads them from its inbox even before publication. */
    @BatchMapping(typeName = "InboxItem")
    Mono<Map<InboxItem, Object>> minutes(List<InboxItem> items) {
        return distributed.signedMinutes(items.stream().map(InboxItem::minutes).filter(Objects::nonNull).collect(Collectors.toSet()))
                .map(found -> items.stream().filter(i -> i.minutes() != null && found.containsKey(i.minutes()))
                        .collect(Collectors.toMap(i -> i, i -> found.get(i.minutes()), (a, b) -> a)));
    }

    /** The recommendation to answer (answerRecommendation), as its addressee's party sees it. */
    @BatchMapping(typeName = "InboxItem")
    Mono<Map<InboxItem, Object>> recommendation(List<InboxItem> items) {
        NodeFetcher recommendations = nodes.stream().filter(n -> n.type().equals("Recommendation")).findFirst().orElseThrow();
        return recommendations.fetchAll(items.stream().map(InboxItem::recommendation).filter(Objects::nonNull).collect(Collectors.toSet()))
                .map(found -> items.stream().filter(i -> i.recommendation() != null && found.containsKey(i.recommendation()))
                        .collect(Collectors.toMap(i -> i, i -> found.get(i.recommendation()), (a, b) -> a)));
    }

    @Bean
    static NodeFetcher inboxItemNodes(org.springframework.beans.factory.ObjectProvider<InboxController> controller) {
        return new NodeFetcher() {
            @Override
            public String type() {
                return "InboxItem";
            }

            @Override
            public Mono<?> fetch(UUID id) {
                return CurrentPrincipal.get().flatMap(caller -> controller.getObject().visible(caller, id));
            }
        };
    }
}
