package se.samverkan.api.events;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.graphql.GlobalId;

/** A subscriber's filter by counties and bodies: each given list narrows; an id of no body matches nothing. */
public final class EventFilter {

    private EventFilter() {
    }

    public static Predicate<Event> of(@Nullable List<String> counties, @Nullable List<String> bodies) {
        Set<String> inCounties = counties == null ? null : Set.copyOf(counties);
        Set<UUID> ofBodies = bodies == null ? null : bodies.stream()
                .map(id -> GlobalId.uuidOf(id, "Body").orElse(new UUID(0, 0))).collect(Collectors.toSet());
        return event -> (inCounties == null || inCounties.contains(event.county()))
                && (ofBodies == null || ofBodies.contains(event.body()));
    }

    /** The event id of an optional cursor. */
    public static @Nullable Long cursor(@Nullable String after) {
        return after == null ? null : Event.parseCursor(after);
    }
}
