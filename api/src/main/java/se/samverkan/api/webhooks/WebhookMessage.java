package se.samverkan.api.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.events.Event;
import se.samverkan.api.graphql.GlobalId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body a webhook receives for an event: {@code {"id", "type", "occurredAt", "data"}}, where {@code data} carries
 * the global ids a client passes to {@code node(id)} — never the outbox's internal keys — and the county.
 */
final class WebhookMessage {

    private WebhookMessage() {
    }

    /**
     * The JSON body, as the bytes that are signed and sent.
     *
     * @param bodyCounty  the county of the event's body, for events whose payload does not name it
     * @param publishedAt when the minutes were published, for {@code MinutesPublished}; the event's time if unknown
     */
    static byte[] body(JsonMapper json, Event event, @Nullable String bodyCounty, @Nullable Instant publishedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        switch (event.type()) {
            case "MinutesPublished" -> {
                id(event, "minutes", "Minutes").ifPresent(id -> data.put("minutes", id));
                id(event, "meeting", "Meeting").ifPresent(id -> data.put("meeting", id));
                body(event).ifPresent(id -> data.put("body", id));
                county(event, bodyCounty).ifPresent(c -> data.put("county", c));
                text(event, "contentHash").ifPresent(h -> data.put("contentHash", h));
                data.put("publishedAt", iso(publishedAt == null ? event.at() : publishedAt));
            }
            case "NoticeSent" -> {
                id(event, "meeting", "Meeting").ifPresent(id -> data.put("meeting", id));
                body(event).ifPresent(id -> data.put("body", id));
                county(event, bodyCounty).ifPresent(c -> data.put("county", c));
            }
            default -> throw new IllegalArgumentException("not a webhook event: " + event.type());
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", event.cursor());
        message.put("type", event.type());
        message.put("occurredAt", iso(event.at()));
        message.put("data", data);
        return json.writeValueAsBytes(message);
    }

    /** ISO-8601 with the Stockholm offset, as the API's {@code DateTime}. */
    static String iso(Instant at) {
        return at.atZone(ClockConfig.STOCKHOLM).toOffsetDateTime().toString();
    }

    private static Optional<String> id(Event event, String key, String type) {
        return text(event, key).flatMap(value -> {
            try {
                return Optional.of(new GlobalId(type, UUID.fromString(value).toString()).encode());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> body(Event event) {
        return Optional.ofNullable(event.body()).map(id -> new GlobalId("Body", id.toString()).encode());
    }

    private static Optional<String> county(Event event, @Nullable String bodyCounty) {
        return text(event, "county").or(() -> Optional.ofNullable(bodyCounty));
    }

    private static Optional<String> text(Event event, String key) {
        Object value = event.payload().get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
