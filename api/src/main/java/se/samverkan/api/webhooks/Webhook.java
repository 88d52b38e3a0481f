package se.samverkan.api.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered webhook as its owner sees it; the secret is not part of it. {@code countyCodes} and {@code bodyIds}
 * are the filters (empty: all); the schema's {@code counties} and {@code bodies} resolve them.
 */
record Webhook(UUID id, String owner, String url, List<WebhookEventType> events, List<String> countyCodes,
        List<UUID> bodyIds, Instant createdAt) {

    Webhook {
        events = List.copyOf(events);
        countyCodes = List.copyOf(countyCodes);
        bodyIds = List.copyOf(bodyIds);
    }
}
