package se.samverkan.api.matters;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.decision.Declaration;
import se.samverkan.domain.decision.Position;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.SeatId;

/** Attendance, declarations and decisions. */
@Repository
class DecisionRepository {

    /** One attendance entry of a meeting. */
    record AttendanceEntry(UUID meeting, SeatId seat, String status, @Nullable PersonId substitute) {
    }

    /** A declaration as stored: the position and who exercised the mandate. */
    record StoredDeclaration(UUID matter, Declaration declaration, PersonId person, Instant declaredAt) {
    }

    /** A recorded decision. */
    record DecisionRow(UUID id, UUID matter, UUID meeting, String text, String outcome, List<String> supporting,
            List<String> notSupporting, @Nullable String rule, String snapshot, Instant decidedAt) {
    }

    private final DatabaseClient db;

    DecisionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> upsertAttendance(AttendanceEntry entry, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO attendance (meeting_id, seat_id, status, substitute_person, recorded_by)
                VALUES (:meeting, :seat, :status, :substitute, :by)
                ON CONFLICT (meeting_id, seat_id) DO UPDATE SET status = excluded.status,
                    substitute_person = excluded.substitute_person, recorded_by = excluded.recorded_by, recorded_at = now()""")
                .bind("meeting", entry.meeting()).bind("seat", entry.seat().value()).bind("status", entry.status())
                .bind("by", by);
        spec = entry.substitute() == null ? spec.bindNull("substitute", UUID.class)
                : spec.bind("substitute", entry.substitute().value());
        return spec.fetch().rowsUpdated();
    }

    Mono<List<AttendanceEntry>> attendance(UUID meeting) {
        return db.sql("SELECT meeting_id, seat_id, status, substitute_person FROM attendance WHERE meeting_id = :m")
                .bind("m", meeting)
                .map(r -> {
                    UUID substitute = r.get("substitute_person", UUID.class);
                    return new AttendanceEntry(r.get("meeting_id", UUID.class), new SeatId(r.get("seat_id", UUID.class)),
                            r.get("status", String.class), substitute == null ? null : new PersonId(substitute));
                }).all().collectList();
    }

    Mono<Long> upsertDeclaration(UUID matter, Declaration d, PersonId person, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO declaration (matter_id, seat_id, person_id, position, channel, conveyed_by, text, recorded_by)
                VALUES (:matter, :seat, :person, :position, :channel, :conveyedBy, :text, :by)
                ON CONFLICT (matter_id, seat_id) DO UPDATE SET person_id = excluded.person_id,
                    position = excluded.position, channel = excluded.channel, conveyed_by = excluded.conveyed_by,
                    text = excluded.text, recorded_by = excluded.recorded_by, declared_at = now()""")
                .bind("matter", matter).bind("seat", d.seat().value()).bind("person", person.value())
                .bind("position", d.position().name()).bind("channel", d.channel().name()).bind("by", by);
        spec = d.conveyedBy() == null ? spec.bindNull("conveyedBy", UUID.class) : spec.bind("conveyedBy", d.conveyedBy().value());
        spec = d.text() == null ? spec.bindNull("text", String.class) : spec.bind("text", d.text());
        return spec.fetch().rowsUpdated();
    }

    Mono<Map<UUID, List<StoredDeclaration>>> declarationsOf(Collection<UUID> matters) {
        return db.sql("""
                SELECT matter_id, seat_id, person_id, position, channel, conveyed_by, text, declared_at FROM declaration
                WHERE matter_id = ANY(:ids) ORDER BY declared_at""")
                .bind("ids", matters.toArray(UUID[]::new))
                .map(r -> {
                    UUID conveyed = r.get("conveyed_by", UUID.class);
                    return new StoredDeclaration(r.get("matter_id", UUID.class), new Declaration(
                            new SeatId(r.get("seat_id", UUID.class)), Position.valueOf(r.get("position", String.class)),
                            DeclarationChannel.valueOf(r.get("channel", String.class)),
                            conveyed == null ? null : new SeatId(conveyed), r.get("text", String.class)),
                            new PersonId(r.get("person_id", UUID.class)),
                            Objects.requireNonNull(r.get("declared_at", OffsetDateTime.class)).toInstant());
                }).all().collectMultimap(StoredDeclaration::matter)
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    Mono<DecisionRow> insertDecision(DecisionRow d, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO decision (id, matter_id, meeting_id, text, outcome, supporting, not_supporting, rule, snapshot,
                                      decided_by)
                VALUES (:id, :matter, :meeting, :text, :outcome, :supporting, :not, :rule, CAST(:snapshot AS jsonb), :by)""")
                .bind("id", d.id()).bind("matter", d.matter()).bind("meeting", d.meeting()).bind("text", d.text())
                .bind("outcome", d.outcome()).bind("supporting", d.supporting().toArray(String[]::new))
                .bind("not", d.notSupporting().toArray(String[]::new)).bind("snapshot", d.snapshot()).bind("by", by);
        spec = d.rule() == null ? spec.bindNull("rule", String.class) : spec.bind("rule", d.rule());
        return spec.fetch().rowsUpdated().thenReturn(d);
    }

    Mono<Map<UUID, DecisionRow>> decisionsOf(Collection<UUID> matters) {
        return db.sql("""
                SELECT id, matter_id, meeting_id, text, outcome, supporting, not_supporting, rule, snapshot::text AS snapshot,
                       decided_at FROM decision WHERE matter_id = ANY(:ids)""")
                .bind("ids", matters.toArray(UUID[]::new))
                .map(r -> new DecisionRow(r.get("id", UUID.class), r.get("matter_id", UUID.class),
                        r.get("meeting_id", UUID.class), r.get("text", String.class), r.get("outcome", String.class),
                        List.of(r.get("supporting", String[].class)), List.of(r.get("not_supporting", String[].class)),
                        r.get("rule", String.class), r.get("snapshot", String.class),
                        Objects.requireNonNull(r.get("decided_at", OffsetDateTime.class)).toInstant()))
                .all().collectMap(DecisionRow::matter);
    }
}
