package se.samverkan.api.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fact from the outbox (händelse): what happened, to which body, for whom ({@code party} null means public), and the
 * ids it concerns. Ids are in commit order, so "everything after id N" is a complete cursor.
 */
public record Event(long id, String type, @Nullable UUID body, @Nullable String party, @Nullable Change change,
        Map<String, Object> payload, Instant at) {

    /** What a public event did to a published object, for mirrors (the change feed). */
    public enum Change {
        PUBLISHED, REVISED, WITHDRAWN, SUPERSEDED
    }

    public Event {
        payload = Map.copyOf(payload);
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
}
