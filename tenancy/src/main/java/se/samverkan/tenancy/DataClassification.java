package se.samverkan.tenancy;

import static se.samverkan.tenancy.Visibility.MEMBERS;
import static se.samverkan.tenancy.Visibility.PARTY;
import static se.samverkan.tenancy.Visibility.PUBLIC;
import static se.samverkan.tenancy.Visibility.SECRETARIAT;
import static se.samverkan.tenancy.Visibility.SERVICE;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every table of the database with the visibility of its most protected rows. The row-level security test checks the
 * database against this table both ways: a table that is not listed here fails the build, and every {@link
 * Visibility#PARTY} table must have row-level security enabled and forced. Adding a table means deciding here who
 * may see it.
 */
public final class DataClassification {

    private static final Map<String, Visibility> TABLES = new TreeMap<>(Map.ofEntries(
            // the structure: public by law and by the agreement (DESIGN.md §4)
            Map.entry("county", PUBLIC),
            Map.entry("subject_area", PUBLIC),
            Map.entry("party", PUBLIC),
            Map.entry("committee", PUBLIC),
            Map.entry("body", PUBLIC),
            Map.entry("body_relation", PUBLIC),
            Map.entry("rulebook", PUBLIC),
            Map.entry("seat", PUBLIC),
            Map.entry("person", PUBLIC),
            Map.entry("appointment", PUBLIC),
            Map.entry("agreement", PUBLIC),
            Map.entry("agreement_party", PUBLIC),
            // a body's work: its members' until notice or publication makes it public
            Map.entry("meeting", MEMBERS),
            Map.entry("notice", MEMBERS),
            Map.entry("matter", MEMBERS),
            Map.entry("document", MEMBERS),
            Map.entry("extra_meeting_call", MEMBERS),
            Map.entry("extra_meeting_request", MEMBERS),
            Map.entry("attendance", MEMBERS),
            Map.entry("declaration", MEMBERS),
            Map.entry("decision", MEMBERS),
            Map.entry("recommendation", MEMBERS),
            Map.entry("recommendation_recipient", MEMBERS),
            Map.entry("minutes", MEMBERS),
            Map.entry("minutes_signature", MEMBERS),
            Map.entry("minutes_item", MEMBERS),
            // one party's own handling
            Map.entry("recommendation_answer", PARTY),
            Map.entry("inbox_item", PARTY),
            Map.entry("inbox_handling", PARTY),
            // who changed what: the administrators and the body's secretary; entries of PARTY rows under RLS
            Map.entry("audit_entry", SECRETARIAT),
            // the service's bookkeeping: party events in the outbox carry ids only and are re-read under the
            // subscriber's tenant; webhooks are shown to the token subject that registered them only
            Map.entry("event", SERVICE),
            Map.entry("webhook", SERVICE),
            Map.entry("webhook_cursor", SERVICE),
            Map.entry("webhook_delivery", SERVICE),
            Map.entry("flyway_schema_history", SERVICE)));

    private DataClassification() {
    }

    public static Optional<Visibility> of(String table) {
        return Optional.ofNullable(TABLES.get(table));
    }

    public static Set<String> tables() {
        return Set.copyOf(TABLES.keySet());
    }

    public static Set<String> tables(Visibility visibility) {
        return TABLES.entrySet().stream().filter(e -> e.getValue() == visibility).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
