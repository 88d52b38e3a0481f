package se.samverkan.api.graphql;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Fetches nodes of one type by their uuid key, for {@code node(id)}; each area registers its own. */
public interface NodeFetcher {

    /** The GraphQL type name, e.g. {@code Meeting}. */
    String type();

    Mono<?> fetch(UUID id);
}
