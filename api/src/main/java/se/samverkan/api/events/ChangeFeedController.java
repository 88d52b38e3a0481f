package se.samverkan.api.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.BadInputException;
import se.samverkan.api.graphql.Connection;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.NodeFetcher;

/**
 * The change feed for mirrors (the OParl {@code modified_since} idea, done as a cursor): public changes to published
 * objects in commit order, tombstones included. It reads only events without a party, so nothing of any party's PARTY
 * data can appear in it.
 */
@Controller
class ChangeFeedController {

    /** One entry of the feed. */
    record Change(String cursor, Instant at, Event.Change kind, String objectType, String objectId, UUID key,
            @Nullable String supersededBy) {
    }

    private final Outbox outbox;
    private final Map<String, NodeFetcher> nodes;

    ChangeFeedController(Outbox outbox, List<NodeFetcher> nodes) {
        this.outbox = outbox;
        this.nodes = nodes.stream().collect(Collectors.toMap(NodeFetcher::type, f -> f));
    }

    @QueryMapping
    Mono<Connection<Change>> changes(@Argument @Nullable String after, @Argument @Nullable Integer first) {
        int limit = first == null ? 100 : first;
        if (limit < 0 || limit > Connection.MAX_PAGE) {
            throw new BadInputException("'first' must be between 0 and " + Connection.MAX_PAGE + ", not " + limit);
        }
        long from = after == null ? 0 : Event.parseCursor(after);
        return outbox.changesAfter(from, limit + 1).map(events -> {
            List<Connection.Edge<Change>> edges = new ArrayList<>();
            for (Event e : events.subList(0, Math.min(limit, events.size()))) {
                String type = java.util.Objects.requireNonNull(e.objectType());
                UUID key = java.util.Objects.requireNonNull(e.objectId());
                Object by = e.payload().get("supersededBy");
                edges.add(new Connection.Edge<>(e.cursor(), new Change(e.cursor(), e.at(),
                        java.util.Objects.requireNonNull(e.change()), type, new GlobalId(type, key.toString()).encode(), key,
                        by == null ? null : new GlobalId(type, by.toString()).encode())));
            }
            Connection.PageInfo page = new Connection.PageInfo(events.size() > limit, from > 0,
                    edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
            return new Connection<>(edges, page, -1);
        });
    }

    /** The objects as they are now, read per type in one go; tombstones have none. */
    @BatchMapping(typeName = "Change")
    Mono<Map<Change, Object>> node(List<Change> changes) {
        List<Change> live = changes.stream()
                .filter(c -> c.kind() == Event.Change.PUBLISHED || c.kind() == Event.Change.REVISED)
                .filter(c -> nodes.containsKey(c.objectType())).toList();
        Map<String, Set<UUID>> wanted = live.stream()
                .collect(Collectors.groupingBy(Change::objectType, Collectors.mapping(Change::key, Collectors.toSet())));
        return Flux.fromIterable(wanted.entrySet())
                .concatMap(byType -> nodes.get(byType.getKey()).fetchAll(byType.getValue()).map(found -> Map.entry(byType.getKey(), found)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(found -> {
                    Map<Change, Object> result = new HashMap<>();
                    for (Change c : live) {
                        Object node = found.get(c.objectType()).get(c.key());
                        if (node != null) {
                            result.put(c, node);
                        }
                    }
                    return result;
                });
    }
}
