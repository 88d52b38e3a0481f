package se.samverkan.api.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fact from the outbox (händelse): what happened, to which body of which county, for whom ({@code party} null means
 * public), and the ids it concerns. Ids are in commit order, so "everything after id N" is a complete cursor. A public
 * change to a published object also names the change and the object, for the change feed.
 */
public record Event(long id, String type, @Nullable UUID body, @Nullable String county, @Nullable String party,
        @Nullable Change change, @Nullable String objectType, @Nullable UUID objectId, Map<String, Object> payload,
        Instant at) {

    /** What a public event did to a published object, for mirrors (the change feed). */
    public enum Change {
        /** made public (publicerad) */
        PUBLISHED,
        /** changed after it was made public */
        REVISED,
        /** taken back (återkallad): a mirror drops it */
        WITHDRAWN,
        /** replaced by a newer version (ersatt): a mirror drops it and keeps the newer one */
        SUPERSEDED
    }

    public Event {
        // JSON nulls (a field a writer had no value for) are left out: a payload is what is known
        java.util.Map<String, Object> known = new java.util.LinkedHashMap<>();
        payload.forEach((key, value) -> {
            if (value != null) {
                known.put(key, value);
            }
        });
        payload = java.util.Collections.unmodifiableMap(known);
    }

    public boolean isPublic() {
        return party == null;
    }

    /** A payload value that must be there: the writers of each type put it there. */
    public UUID uuid(String key) {
        Object value = payload.get(key);
        if (value == null) {
            throw new IllegalStateException("event " + id + " (" + type + ") has no '" + key + "'");
        }
        return UUID.fromString(value.toString());
    }

    /** The cursor a subscriber or mirror passes back to resume after this event. */
    public String cursor() {
        return Long.toString(id);
    }

    /** The event id of a cursor; a cursor is what {@link #cursor()} gave out. */
    public static long parseCursor(String cursor) {
        try {
            long id = Long.parseLong(cursor.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new se.samverkan.api.graphql.BadInputException("'after' is not an event cursor this service gave out: '"
                + cursor + "'");
    }
}
