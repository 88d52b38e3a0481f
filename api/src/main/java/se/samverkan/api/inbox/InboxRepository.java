package se.samverkan.api.inbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.CommitteeId;

/** Inbox items and their handling. Reads run inside a tenant transaction: row-level security shows the party's own. */
@Repository
class InboxRepository {

    private static final String ITEM = """
            SELECT i.id, i.committee_id, i.party_code, i.kind, i.minutes_id, i.recommendation_id, i.from_body, i.title, i.rule, i.arrived_at,
                   h.note, h.handled_at
            FROM inbox_item i LEFT JOIN inbox_handling h ON h.item_id = i.id\s""";

    /** What is delivered, the same to every committee it reaches: minutes or a recommendation, from a body. */
    record Delivery(String kind, @Nullable UUID minutes, @Nullable UUID recommendation, BodyId from, String title,
            @Nullable String rule) {

        /** The inbox item of this delivery in one committee's inbox; its id derives from what and to whom. */
        InboxItem to(CommitteeId committee, String party) {
            UUID what = java.util.Objects.requireNonNull(minutes != null ? minutes : recommendation);
            return new InboxItem(UUID.nameUUIDFromBytes(("Inbox:" + what + "/" + committee)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), committee, party, kind, minutes, recommendation,
                    from, title, rule, java.time.Instant.now(), null, null);
        }
    }

    private final DatabaseClient db;

    InboxRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Delivers one thing (minutes or a recommendation) into the inboxes of several committees, in one statement. A
     * plain INSERT: the delivering transaction may not read those inboxes (row-level security), so it cannot ask about
     * conflicts either; each thing is distributed once, when signed or issued.
     */
    Mono<Long> deliver(Delivery sent, List<InboxItem> to) {
        if (to.isEmpty()) {
            return Mono.just(0L);
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO inbox_item (id, committee_id, party_code, kind, minutes_id, recommendation_id, from_body, title, rule)
                SELECT x.id, x.committee, x.party, :kind, :minutes, :recommendation, :from, :title, :rule
                FROM unnest(CAST(:ids AS uuid[]), CAST(:committees AS uuid[]), CAST(:parties AS text[])) AS x(id, committee, party)""")
                .bind("ids", to.stream().map(InboxItem::id).toArray(UUID[]::new))
                .bind("committees", to.stream().map(i -> i.committee().value()).toArray(UUID[]::new))
                .bind("parties", to.stream().map(InboxItem::partyCode).toArray(String[]::new))
                .bind("kind", sent.kind()).bind("from", sent.from().value()).bind("title", sent.title());
        spec = sent.minutes() == null ? spec.bindNull("minutes", UUID.class) : spec.bind("minutes", sent.minutes());
        spec = sent.recommendation() == null ? spec.bindNull("recommendation", UUID.class)
                : spec.bind("recommendation", sent.recommendation());
        spec = sent.rule() == null ? spec.bindNull("rule", String.class) : spec.bind("rule", sent.rule());
        return spec.fetch().rowsUpdated();
    }

    /** A page of a committee's inbox and the size of the whole (filtered) inbox. */
    record Page(List<InboxItem> items, int total) {
    }

    private static final String OF_COMMITTEE = """
            WHERE i.committee_id = :c AND (CAST(:handled AS boolean) IS NULL OR (h.item_id IS NOT NULL) = :handled)""";

    /**
     * One page of a committee's items, newest first, optionally only the unhandled ({@code acknowledged} false) or
     * handled ones, with the count of all of them: one statement, reading the page's rows from the index on
     * (committee, arrival) and counting in a sub-select run once, so a committee with thousands of items costs a
     * page, not its whole inbox. Call inside a tenant transaction.
     */
    Mono<Page> page(CommitteeId committee, @Nullable Boolean acknowledged, int offset, int limit) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                SELECT i.id, i.committee_id, i.party_code, i.kind, i.minutes_id, i.recommendation_id, i.from_body, i.title,
                       i.rule, i.arrived_at, h.note, h.handled_at,
                       (SELECT count(*) FROM inbox_item i LEFT JOIN inbox_handling h ON h.item_id = i.id
                        """ + OF_COMMITTEE + """
                       ) AS total
                FROM inbox_item i LEFT JOIN inbox_handling h ON h.item_id = i.id
                """ + OF_COMMITTEE + """
                 ORDER BY i.arrived_at DESC, i.id OFFSET :offset LIMIT :limit""")
                .bind("c", committee.value()).bind("offset", offset).bind("limit", limit);
        spec = acknowledged == null ? spec.bindNull("handled", Boolean.class) : spec.bind("handled", acknowledged);
        return spec.map(r -> Map.entry(item(r), r.get("total", Long.class).intValue())).all().collectList()
                .flatMap(rows -> !rows.isEmpty() || limit > 0 && offset == 0
                        ? Mono.just(new Page(rows.stream().map(Map.Entry::getKey).toList(),
                                rows.isEmpty() ? 0 : rows.getFirst().getValue()))
                        : count(committee, acknowledged).map(total -> new Page(List.of(), total)));
    }

    /** How many items the committee's inbox holds (past the last page, or for a page of none). */
    private Mono<Integer> count(CommitteeId committee, @Nullable Boolean acknowledged) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "SELECT count(*) AS total FROM inbox_item i LEFT JOIN inbox_handling h ON h.item_id = i.id " + OF_COMMITTEE)
                .bind("c", committee.value());
        spec = acknowledged == null ? spec.bindNull("handled", Boolean.class) : spec.bind("handled", acknowledged);
        return spec.map(r -> r.get("total", Long.class).intValue()).one();
    }

    /** One item, if the transaction's party may see it. Call inside a tenant transaction. */
    Mono<InboxItem> byId(UUID id) {
        return db.sql(ITEM + "WHERE i.id = :id").bind("id", id).map(InboxRepository::item).one();
    }

    Mono<Long> acknowledge(InboxItem item, @Nullable String note, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO inbox_handling (item_id, party_code, note, handled_by) VALUES (:id, :party, :note, :by)
                ON CONFLICT (item_id) DO UPDATE SET note = excluded.note, handled_by = excluded.handled_by, handled_at = now()""")
                .bind("id", item.id()).bind("party", item.partyCode()).bind("by", by);
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return spec.fetch().rowsUpdated();
    }

    /** The subject areas of the matters handled at a meeting: what makes a committee "concerned" (LSVO-14). */
    Mono<List<String>> subjectAreasOfMeeting(UUID meeting) {
        return db.sql("SELECT DISTINCT unnest(subject_areas) AS area FROM matter WHERE meeting_id = :m")
                .bind("m", meeting).map(r -> r.get("area", String.class)).all().collectList();
    }

    private static InboxItem item(io.r2dbc.spi.Readable r) {
        @Nullable OffsetDateTime handled = r.get("handled_at", OffsetDateTime.class);
        return new InboxItem(r.get("id", UUID.class), new CommitteeId(r.get("committee_id", UUID.class)),
                r.get("party_code", String.class), r.get("kind", String.class), r.get("minutes_id", UUID.class), r.get("recommendation_id", UUID.class),
                new BodyId(r.get("from_body", UUID.class)), r.get("title", String.class), r.get("rule", String.class),
                Objects.requireNonNull(r.get("arrived_at", OffsetDateTime.class)).toInstant(), r.get("note", String.class),
                handled == null ? null : handled.toInstant());
    }
}
