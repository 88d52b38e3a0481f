package se.samverkan.api.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a webhook's delivery log: one event, all its attempts so far. */
record WebhookDelivery(String eventId, WebhookEventType type, Instant occurredAt, State state, int attempts,
        @Nullable Integer lastStatus, @Nullable String lastError, @Nullable Instant lastAttemptAt,
        @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt) {

    enum State {
        PENDING, DELIVERED, FAILED
    }
}
