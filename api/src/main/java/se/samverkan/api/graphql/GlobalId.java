package se.samverkan.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import se.samverkan.domain.meeting.Matter;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.Seat;

/**
 * Relay global ids: the GraphQL type name and the object's key, base64url-encoded so that clients treat them as
 * opaque. A malformed id decodes to nothing, exactly like an id of an object that does not exist.
 */
public record GlobalId(String type, String key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        return ENCODER.encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<GlobalId> decode(String id) {
        try {
            String text = new String(DECODER.decode(id), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon <= 0 || colon == text.length() - 1 ? Optional.empty()
                    : Optional.of(new GlobalId(text.substring(0, colon), text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key no object has: what an id of another type, or a malformed one, stands for. */
    public static final UUID NOTHING = new UUID(0, 0);

    /**
     * The uuid key of an id of the given type; for an id of another type or a malformed one, {@link #NOTHING}. So an
     * id that cannot name an object of the type takes the same way through a resolver as an id of an object that does
     * not exist (or that the caller may not see), and is answered exactly alike: in the same order of checks, with
     * the same error. Never empty; an {@code Optional} for the callers that map it.
     */
    public static Optional<UUID> uuidOf(String id, String type) {
        return Optional.of(keyOf(id, type));
    }

    /** The uuid key of an id of the given type, or {@link #NOTHING}: see {@link #uuidOf}. */
    public static UUID keyOf(String id, String type) {
        return decode(id).filter(g -> g.type().equals(type)).map(g -> uuid(g.key())).orElse(NOTHING);
    }

    /** A uuid as text, or {@link #NOTHING} for text that is none. */
    public static UUID uuid(String key) {
        try {
            UUID uuid = UUID.fromString(key);
            // UUID.fromString accepts short groups ("1-1-1-1-1"); only the canonical spelling names an object
            return uuid.toString().equalsIgnoreCase(key) ? uuid : NOTHING;
        } catch (IllegalArgumentException e) {
            return NOTHING;
        }
    }

    /** The global id of a node object. */
    public static String of(Object node) {
        GlobalId id = switch (node) {
            case County c -> new GlobalId("County", c.code());
            case Party p -> new GlobalId("Party", p.id().toString());
            case Committee c -> new GlobalId("Committee", c.id().toString());
            case Body b -> new GlobalId("Body", b.id().toString());
            case Seat s -> new GlobalId("Seat", s.id().toString());
            case Person p -> new GlobalId("Person", p.id().toString());
            case Rulebook r -> new GlobalId("Rulebook", r.id().toString());
            case Agreement a -> new GlobalId("Agreement", a.id().toString());
            case Meeting m -> new GlobalId("Meeting", m.id().toString());
            case Matter m -> new GlobalId("Matter", m.id().toString());
            case se.samverkan.api.minutes.Minutes m -> new GlobalId("Minutes", m.id().toString());
            case se.samverkan.api.inbox.InboxItem i -> new GlobalId("InboxItem", i.id().toString());
            case se.samverkan.api.recommendations.Recommendation r -> new GlobalId("Recommendation", r.id().toString());
            case se.samverkan.api.recommendations.RecommendationAnswer a -> new GlobalId("RecommendationAnswer", a.id().toString());
            default -> throw new IllegalArgumentException("not a node: " + node.getClass().getSimpleName());
        };
        return id.encode();
    }

    /** The GraphQL types that implement {@code Node}. */
    static final String[] NODE_TYPES = {"County", "Party", "Committee", "Body", "Seat", "Person", "Rulebook", "Agreement", "Meeting", "Matter", "Recommendation",
        "RecommendationAnswer", "Minutes", "InboxItem"};
}
