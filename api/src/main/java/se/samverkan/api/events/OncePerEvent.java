package se.samverkan.api.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * What a public event points at, read once for all of this instance's subscribers instead of once per subscriber:
 * ten thousand subscribers to published minutes cost one read of the minutes, not ten thousand.
 */
public final class OncePerEvent<T> {

    private static final int RECENT = 256;

    private final Map<Long, Mono<T>> recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Mono<T>> eldest) {
            return size() > RECENT;
        }
    });

    public Mono<T> get(Event event, Function<Event, Mono<T>> read) {
        return recent.computeIfAbsent(event.id(), id -> read.apply(event).cache());
    }
}
