package se.samverkan.api.webhooks;

import java.util.Arrays;
import java.util.Optional;
import se.samverkan.api.events.EventTypes;

/** The public outbox events a webhook may receive, by their schema names and their outbox type names. */
enum WebhookEventType {
    MINUTES_PUBLISHED(EventTypes.MINUTES_PUBLISHED),
    NOTICE_SENT(EventTypes.NOTICE_SENT);

    private final String outboxType;

    WebhookEventType(String outboxType) {
        this.outboxType = outboxType;
    }

    /** The type as the outbox and the delivered body name it, e.g. {@code MinutesPublished}. */
    String outboxType() {
        return outboxType;
    }

    static Optional<WebhookEventType> ofOutboxType(String type) {
        return Arrays.stream(values()).filter(t -> t.outboxType.equals(type)).findFirst();
    }
}
