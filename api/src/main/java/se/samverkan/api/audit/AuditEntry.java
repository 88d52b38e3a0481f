package se.samverkan.api.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.graphql.GlobalId;

/**
 * One row written (revisionspost): by whom, when, in which mutation, and the SHA-256 of the row before and after.
 *
 * @param sequence   the entry's number in the whole trail ({@code audit_entry.id})
 * @param objectType the table written, e.g. {@code notice}
 * @param objectKey  the row's primary key as JSON, e.g. {@code {"meeting_id": "…"}}
 */
record AuditEntry(String sequence, Instant at, String transactionId, @Nullable String subject, @Nullable String partyCode,
        @Nullable String operation, String objectType, String objectKey, String change, @Nullable String beforeHash,
        @Nullable String afterHash, @Nullable String rowId) {

    /** The tables whose rows are nodes themselves, by their GraphQL type. */
    private static final Map<String, String> NODE_TABLES = Map.of("meeting", "Meeting", "matter", "Matter",
            "minutes", "Minutes", "recommendation", "Recommendation", "recommendation_answer", "RecommendationAnswer",
            "inbox_item", "InboxItem", "webhook", "Webhook");

    /** The global id of the row written, where that row is a node (a meeting, not its notice or attendance). */
    @Nullable String objectId() {
        String type = NODE_TABLES.get(objectType);
        return type == null || rowId == null ? null : new GlobalId(type, rowId).encode();
    }
}
