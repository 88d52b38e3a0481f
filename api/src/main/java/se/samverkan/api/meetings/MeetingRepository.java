package se.samverkan.api.meetings;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingKind;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.structure.BodyId;

/** Reads and writes meetings. Writes check the version they read (optimistic locking). */
@Repository
public class MeetingRepository {

    private static final String MEETING = """
            SELECT id, body_id, kind, starts_at, location, state, preparation_for, version FROM meeting\s""";

    private final DatabaseClient db;

    MeetingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Meeting> insert(Meeting meeting, String by) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO meeting (id, body_id, kind, starts_at, location, state, preparation_for, scheduled_by)
                VALUES (:id, :body, :kind, :startsAt, :location, :state, :preparationFor, :by)""")
                .bind("id", meeting.id()).bind("body", meeting.body().value()).bind("kind", meeting.kind().name())
                .bind("startsAt", meeting.startsAt().atOffset(ZoneOffset.UTC)).bind("location", meeting.location())
                .bind("state", meeting.state().name())
                .bind("by", by);
        UUID preparationFor = meeting.preparationFor();
        insert = preparationFor == null ? insert.bindNull("preparationFor", UUID.class)
                : insert.bind("preparationFor", preparationFor);
        return insert.fetch().rowsUpdated().thenReturn(meeting);
    }

    /** Marks a meeting cancelled if it is still at the version read; empty if someone changed it meanwhile. */
    Mono<Meeting> cancel(Meeting cancelled, int readVersion, String by, String reason) {
        return db.sql("""
                UPDATE meeting SET state = :state, cancelled_by = :by, cancelled_at = now(), cancel_reason = :reason,
                                   version = version + 1
                WHERE id = :id AND version = :version""")
                .bind("state", cancelled.state().name()).bind("by", by).bind("reason", reason)
                .bind("id", cancelled.id()).bind("version", readVersion)
                .fetch().rowsUpdated().filter(n -> n == 1).map(n -> cancelled);
    }

    /**
     * Takes the meeting for a change of its agenda while it is still planned: bumps its version in this transaction,
     * so that a notice sent meanwhile (which checks the version it read) and this change cannot both succeed.
     * Empty if the meeting is no longer planned.
     */
    public Mono<Long> claimPlanned(UUID meeting) {
        return db.sql("UPDATE meeting SET version = version + 1 WHERE id = :id AND state = 'PLANNED'")
                .bind("id", meeting).fetch().rowsUpdated().filter(n -> n == 1);
    }

    /**
     * What a cancellation (LSVO-21) does to what hangs on the meeting: its preparation meeting is cancelled too, matters
     * placed on it go back to the preparation group (TRIAGED → DEFERRED) and matters on its sent agenda are postponed
     * to another meeting (ON_AGENDA → POSTPONED) — the transitions of {@code MatterState}.
     */
    Mono<Long> releaseCancelled(UUID meeting, String by, String reason) {
        return db.sql("""
                UPDATE meeting SET state = 'CANCELLED', cancelled_by = :by, cancelled_at = now(), cancel_reason = :reason,
                                   version = version + 1
                WHERE preparation_for = :id AND state IN ('PLANNED', 'NOTICE_SENT')""")
                .bind("id", meeting).bind("by", by).bind("reason", reason).fetch().rowsUpdated()
                .then(db.sql("""
                        UPDATE matter SET state = CASE state WHEN 'TRIAGED' THEN 'DEFERRED' ELSE 'POSTPONED' END,
                               meeting_id = NULL, agenda_position = NULL, state_note = :note, version = version + 1
                        WHERE meeting_id = :id AND state IN ('TRIAGED', 'ON_AGENDA')""")
                        .bind("id", meeting).bind("note", "Sammanträdet ställdes in: " + reason)
                        .fetch().rowsUpdated());
    }

    /** Moves a meeting to a new state if it is still at the version read; empty if someone changed it meanwhile. */
    public Mono<Meeting> changeState(Meeting changed, int readVersion) {
        return db.sql("UPDATE meeting SET state = :state, version = version + 1 WHERE id = :id AND version = :version")
                .bind("state", changed.state().name()).bind("id", changed.id()).bind("version", readVersion)
                .fetch().rowsUpdated().filter(n -> n == 1).map(n -> changed);
    }

    public Mono<Map<UUID, Meeting>> byIds(Collection<UUID> ids) {
        return db.sql(MEETING + "WHERE id = ANY(:ids)").bind("ids", ids.toArray(UUID[]::new))
                .map(MeetingRepository::meeting).all().collectMap(Meeting::id);
    }

    public Mono<Meeting> byId(UUID id) {
        return byIds(List.of(id)).flatMap(found -> Mono.justOrEmpty(found.get(id)));
    }

    /** The preparation meetings of the given meetings (LSVO-24), keyed by the meeting they prepare. */
    Mono<Map<UUID, Meeting>> preparationsOf(Collection<UUID> meetings) {
        return db.sql(MEETING + "WHERE preparation_for = ANY(:ids)").bind("ids", meetings.toArray(UUID[]::new))
                .map(MeetingRepository::meeting).all()
                .collectMap(m -> java.util.Objects.requireNonNull(m.preparationFor()));
    }

    /** Every meeting of the given bodies in a year (Europe/Stockholm), in date order. */
    public Mono<Map<BodyId, List<Meeting>>> ofBodiesInYear(Collection<BodyId> bodies, int year) {
        return db.sql(MEETING + """
                WHERE body_id = ANY(:ids)
                  AND starts_at >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Stockholm')
                  AND starts_at < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')
                ORDER BY starts_at, id""")
                .bind("ids", bodies.stream().map(BodyId::value).toArray(UUID[]::new)).bind("year", year)
                .map(MeetingRepository::meeting).all()
                .collectMultimap(Meeting::body)
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    private static Meeting meeting(Readable r) {
        @Nullable UUID preparationFor = r.get("preparation_for", UUID.class);
        return new Meeting(r.get("id", UUID.class), new BodyId(r.get("body_id", UUID.class)),
                MeetingKind.valueOf(r.get("kind", String.class)), instant(r.get("starts_at", OffsetDateTime.class)),
                r.get("location", String.class), MeetingState.valueOf(r.get("state", String.class)), preparationFor,
                r.get("version", Integer.class));
    }

    private static Instant instant(@Nullable OffsetDateTime time) {
        return java.util.Objects.requireNonNull(time, "starts_at is NOT NULL").toInstant();
    }
}
