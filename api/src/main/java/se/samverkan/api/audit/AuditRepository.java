package se.samverkan.api.audit;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.structure.BodyId;

/** Reads the audit trail; nothing in the service writes it (the triggers do). */
@Repository
class AuditRepository {

    /** One page of an object's entries, oldest first, and how many entries the caller may read in all. */
    record Page(List<AuditEntry> entries, int total) {
    }

    private static final String SCOPE = """
            node_type = :type AND node_id = :id AND (:everyBody OR body_id = ANY(:bodies))""";

    private final DatabaseClient db;

    AuditRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The entries of a node, those of the given bodies only unless {@code bodies} is null (every body). One statement;
     * run it in the caller's tenant transaction, so that row-level security shows their own party's PARTY entries and
     * no other party's.
     */
    Mono<Page> page(String nodeType, UUID nodeId, @Nullable Collection<BodyId> bodies, int offset, int limit) {
        return db.sql("""
                SELECT t.total, e.id, e.at, e.transaction_id, e.subject, e.party_code, e.operation, e.object_type,
                       e.object_key::text AS object_key, e.object_key ->> 'id' AS row_id, e.change, e.before_hash, e.after_hash
                FROM (SELECT count(*) AS total FROM audit_entry WHERE %1$s) t
                LEFT JOIN LATERAL (SELECT * FROM audit_entry WHERE %1$s ORDER BY id LIMIT :limit OFFSET :offset) e ON true
                ORDER BY e.id""".formatted(SCOPE))
                .bind("type", nodeType).bind("id", nodeId)
                .bind("everyBody", bodies == null)
                .bind("bodies", bodies == null ? new UUID[0] : bodies.stream().map(BodyId::value).toArray(UUID[]::new))
                .bind("limit", limit).bind("offset", offset)
                .map(row -> new Row(Objects.requireNonNull(row.get("total", Long.class)).intValue(), entry(row)))
                .all().collectList()
                .map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    rows.forEach(r -> {
                        if (r.entry() != null) {
                            entries.add(r.entry());
                        }
                    });
                    return new Page(entries, rows.isEmpty() ? 0 : rows.getFirst().total());
                });
    }

    private record Row(int total, @Nullable AuditEntry entry) {
    }

    private static @Nullable AuditEntry entry(Readable r) {
        Long id = r.get("id", Long.class);
        if (id == null) {
            return null; // a page past the end: only the count
        }
        return new AuditEntry(id.toString(), Objects.requireNonNull(r.get("at", OffsetDateTime.class)).toInstant(),
                String.valueOf(r.get("transaction_id", Long.class)), r.get("subject", String.class),
                r.get("party_code", String.class), r.get("operation", String.class),
                Objects.requireNonNull(r.get("object_type", String.class)), Objects.requireNonNull(r.get("object_key", String.class)),
                Objects.requireNonNull(r.get("change", String.class)), r.get("before_hash", String.class),
                r.get("after_hash", String.class), r.get("row_id", String.class));
    }
}
