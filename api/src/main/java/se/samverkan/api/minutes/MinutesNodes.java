package se.samverkan.api.minutes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.NodeFetcher;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.security.CurrentPrincipal;

/** {@code node(id)} for minutes: published ones for everyone, the rest for those seated in the body. */
@Component
class MinutesNodes implements NodeFetcher {

    private final MinutesRepository minutes;
    private final BodyAccess access;

    MinutesNodes(MinutesRepository minutes, BodyAccess access) {
        this.minutes = minutes;
        this.access = access;
    }

    @Override
    public String type() {
        return "Minutes";
    }

    @Override
    public Mono<?> fetch(UUID id) {
        return fetchAll(List.of(id)).flatMap(found -> Mono.justOrEmpty(found.get(id)));
    }

    @Override
    public Mono<Map<UUID, Object>> fetchAll(Collection<UUID> ids) {
        return minutes.byIds(ids).flatMap(found -> found.values().stream().allMatch(m -> m.publishedAt() != null)
                ? Mono.just(Map.<UUID, Object>copyOf(found))
                : CurrentPrincipal.get().flatMap(access::seatedBodies).map(seated -> found.values().stream()
                        .filter(m -> m.publishedAt() != null || seated.contains(m.body()))
                        .collect(Collectors.toMap(Minutes::id, m -> (Object) m))));
    }
}
