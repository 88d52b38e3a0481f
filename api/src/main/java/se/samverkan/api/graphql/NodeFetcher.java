package se.samverkan.api.graphql;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Fetches nodes of one type by their uuid key, for {@code node(id)}; each area registers its own. */
public interface NodeFetcher {

    /** The GraphQL type name, e.g. {@code Meeting}. */
    String type();

    Mono<?> fetch(UUID id);

    /** Several nodes of this type, those the caller may see; types that can read them in one statement override this. */
    default Mono<java.util.Map<UUID, Object>> fetchAll(java.util.Collection<UUID> ids) {
        return reactor.core.publisher.Flux.fromIterable(ids)
                .concatMap(id -> fetch(id).map(node -> java.util.Map.entry(id, (Object) node)))
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }
}
