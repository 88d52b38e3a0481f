package se.samverkan.api.minutes;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signed minutes as their recipients read them from an inbox (LSVO-14, PSVO-11): distribution is what gives a
 * committee the minutes, published or not yet. Only the inbox, itself under row-level security, asks for them here.
 */
@Component
public class DistributedMinutes {

    private final MinutesRepository minutes;

    DistributedMinutes(MinutesRepository minutes) {
        this.minutes = minutes;
    }

    public Mono<Map<UUID, Object>> signedMinutes(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return minutes.byIds(ids).map(found -> found.values().stream().filter(m -> m.state().equals("SIGNED"))
                .collect(Collectors.toMap(Minutes::id, m -> (Object) m)));
    }
}
