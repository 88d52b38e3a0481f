package se.samverkan.tenancy;

import static se.samverkan.tenancy.Access.ADMIN_OR_BODY_SECRETARY;
import static se.samverkan.tenancy.Access.ANYONE;
import static se.samverkan.tenancy.Access.INTEGRATION_ROLE;
import static se.samverkan.tenancy.Access.OWN_PARTY_ROWS;
import static se.samverkan.tenancy.Access.SIGNED_IN;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The declared access of every GraphQL operation, by its schema coordinate ({@code Mutation.sendNotice}). The
 * authorization matrix test is generated from the schema and this table: an operation of the schema without a line
 * here, or a line without an operation, fails the build; and each operation is called by every demo role and must
 * be refused exactly where this table says.
 */
public final class OperationPolicy {

    private static final Map<String, Access> OPERATIONS = new TreeMap<>(Map.ofEntries(
            // structure and public records
            Map.entry("Query.node", ANYONE),
            Map.entry("Query.me", ANYONE),
            Map.entry("Query.counties", ANYONE),
            Map.entry("Query.dashboard", ANYONE),
            Map.entry("Query.county", ANYONE),
            Map.entry("Query.parties", ANYONE),
            Map.entry("Query.party", ANYONE),
            Map.entry("Query.bodies", ANYONE),
            Map.entry("Query.body", ANYONE),
            Map.entry("Query.meeting", ANYONE),
            Map.entry("Query.matter", ANYONE),
            Map.entry("Query.recommendation", ANYONE),
            Map.entry("Query.publishedMinutes", ANYONE),
            Map.entry("Query.changes", ANYONE),
            Map.entry("Subscription.minutesPublished", ANYONE),
            Map.entry("Subscription.noticeSent", ANYONE),
            // PARTY data: the caller's party's rows, by row-level security
            Map.entry("Query.inbox", OWN_PARTY_ROWS),
            Map.entry("Query.webhooks", OWN_PARTY_ROWS),
            Map.entry("Subscription.inboxItemArrived", SIGNED_IN),
            Map.entry("Mutation.acknowledgeInboxItem", SIGNED_IN),
            Map.entry("Mutation.answerRecommendation", SIGNED_IN),
            // a body's work: signed in, then the rulebook's actors
            Map.entry("Mutation.scheduleMeeting", SIGNED_IN),
            Map.entry("Mutation.cancelMeeting", SIGNED_IN),
            Map.entry("Mutation.requestExtraMeeting", SIGNED_IN),
            Map.entry("Mutation.submitMatter", SIGNED_IN),
            Map.entry("Mutation.attachDocument", SIGNED_IN),
            Map.entry("Mutation.requestComplement", SIGNED_IN),
            Map.entry("Mutation.triageMatter", SIGNED_IN),
            Map.entry("Mutation.deferMatter", SIGNED_IN),
            Map.entry("Mutation.rejectMatter", SIGNED_IN),
            Map.entry("Mutation.admitLateMatter", SIGNED_IN),
            Map.entry("Mutation.forwardMatter", SIGNED_IN),
            Map.entry("Mutation.orderAgenda", SIGNED_IN),
            Map.entry("Mutation.sendNotice", SIGNED_IN),
            Map.entry("Mutation.recordAttendance", SIGNED_IN),
            Map.entry("Mutation.declarePosition", SIGNED_IN),
            Map.entry("Mutation.decide", SIGNED_IN),
            Map.entry("Mutation.postponeMatter", SIGNED_IN),
            Map.entry("Mutation.issueRecommendation", SIGNED_IN),
            Map.entry("Mutation.draftMinutes", SIGNED_IN),
            Map.entry("Mutation.editMinutes", SIGNED_IN),
            Map.entry("Mutation.signMinutes", SIGNED_IN),
            Map.entry("Mutation.publishMinutes", SIGNED_IN),
            // the audit trail
            Map.entry("Query.auditLog", ADMIN_OR_BODY_SECRETARY),
            // integration clients
            Map.entry("Mutation.registerWebhook", INTEGRATION_ROLE),
            Map.entry("Mutation.deleteWebhook", SIGNED_IN)));

    private OperationPolicy() {
    }

    public static Optional<Access> of(String coordinate) {
        return Optional.ofNullable(OPERATIONS.get(coordinate));
    }

    public static Set<String> operations() {
        return Set.copyOf(OPERATIONS.keySet());
    }
}
