package se.samverkan.api.extrameetings;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.PersonId;

/** Reads and writes extra-meeting requests, the calls they made, and the outbox events. */
@Repository
class ExtraMeetingRepository {

    /** A request for an extra meeting as stored. {@code call} is null while the request is open. */
    record RequestRow(UUID id, BodyId body, PersonId person, @Nullable String partyCode, boolean asChair, String reason,
            Instant requestedAt, @Nullable UUID call) {
    }

    /** A time an extra meeting became due. */
    record CallRow(UUID id, BodyId body, Instant dueAt, String reason, String rule) {
    }

    private static final String REQUEST = """
            SELECT r.id, r.body_id, r.person_id, r.party_code, r.as_chair, r.reason, r.requested_at, r.call_id
            FROM extra_meeting_request r\s""";

    /**
     * The body's latest call, unless an extra meeting that is not cancelled was scheduled after it became due: then
     * it has been answered.
     */
    private static final String OUTSTANDING = """
            SELECT c.id, c.body_id, c.due_at, c.reason, c.rule
            FROM (SELECT DISTINCT ON (body_id) id, body_id, due_at, reason, rule FROM extra_meeting_call
                  WHERE body_id = ANY(:ids) ORDER BY body_id, due_at DESC, id) c
            WHERE NOT EXISTS (SELECT 1 FROM meeting m
                              WHERE m.body_id = c.body_id AND m.kind = 'EXTRA' AND m.state <> 'CANCELLED'
                                AND m.scheduled_at >= c.due_at)""";

    private final DatabaseClient db;

    ExtraMeetingRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Serialises the requests of one body until the transaction ends, so that one round makes one call. */
    Mono<Void> lock(BodyId body) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "extra-meeting:" + body.value())
                .map((row, meta) -> Boolean.TRUE).all().then();
    }

    /** The outstanding call of each body that has one. */
    Mono<Map<BodyId, CallRow>> outstandingCalls(Collection<BodyId> bodies) {
        return db.sql(OUTSTANDING).bind("ids", ids(bodies))
                .map(ExtraMeetingRepository::call).all().collectMap(CallRow::body);
    }

    /** The requests of the current round of each body: those of its outstanding call, or else the open ones. */
    Mono<Map<BodyId, List<RequestRow>>> currentRequests(Collection<BodyId> bodies) {
        return db.sql("WITH outstanding AS (" + OUTSTANDING + ")\n" + REQUEST + """
                WHERE r.body_id = ANY(:ids)
                  AND (r.call_id IS NULL OR r.call_id IN (SELECT id FROM outstanding))
                ORDER BY r.requested_at, r.id""")
                .bind("ids", ids(bodies))
                .map(ExtraMeetingRepository::request).all()
                .collectMultimap(RequestRow::body)
                .map(found -> found.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /**
     * Records a person's request in the current round: updates their request there if they already asked (asking
     * again does not count twice), else adds one — open, or joining {@code call} when an extra meeting is already due.
     */
    Mono<RequestRow> record(BodyId body, PersonId person, @Nullable String partyCode, boolean asChair, String reason,
            @Nullable UUID call) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                UPDATE extra_meeting_request r
                SET reason = :reason, as_chair = :asChair, party_code = :party, updated_at = now()
                WHERE r.body_id = :body AND r.person_id = :person
                  AND (r.call_id IS NULL OR r.call_id = :call)
                RETURNING r.id, r.body_id, r.person_id, r.party_code, r.as_chair, r.reason, r.requested_at, r.call_id""")
                .bind("reason", reason).bind("asChair", asChair).bind("body", body.value()).bind("person", person.value());
        update = bindNullable(update, "party", partyCode, String.class);
        update = bindNullable(update, "call", call, UUID.class);
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO extra_meeting_request (id, body_id, person_id, party_code, as_chair, reason, call_id)
                VALUES (:id, :body, :person, :party, :asChair, :reason, :call)
                RETURNING id, body_id, person_id, party_code, as_chair, reason, requested_at, call_id""")
                .bind("id", UUID.randomUUID()).bind("body", body.value()).bind("person", person.value())
                .bind("asChair", asChair).bind("reason", reason);
        insert = bindNullable(insert, "party", partyCode, String.class);
        insert = bindNullable(insert, "call", call, UUID.class);
        DatabaseClient.GenericExecuteSpec insertSpec = insert;
        return update.map(ExtraMeetingRepository::request).all().next()
                .switchIfEmpty(Mono.defer(() -> insertSpec.map(ExtraMeetingRepository::request).one()));
    }

    /** Records that an extra meeting became due and attaches the open requests to it: the next round starts fresh. */
    Mono<CallRow> insertCall(BodyId body, String reason, String rule, int requests, int currentMembers) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                INSERT INTO extra_meeting_call (id, body_id, reason, rule, requests, current_members)
                VALUES (:id, :body, :reason, :rule, :requests, :members)
                RETURNING id, body_id, due_at, reason, rule""")
                .bind("id", id).bind("body", body.value()).bind("reason", reason).bind("rule", rule)
                .bind("requests", requests).bind("members", currentMembers)
                .map(ExtraMeetingRepository::call).one()
                .flatMap(call -> db.sql("UPDATE extra_meeting_request SET call_id = :call WHERE body_id = :body AND call_id IS NULL")
                        .bind("call", id).bind("body", body.value())
                        .fetch().rowsUpdated().thenReturn(call));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static UUID[] ids(Collection<BodyId> bodies) {
        return bodies.stream().map(BodyId::value).toArray(UUID[]::new);
    }

    private static RequestRow request(Readable r) {
        return new RequestRow(r.get("id", UUID.class), new BodyId(r.get("body_id", UUID.class)),
                new PersonId(r.get("person_id", UUID.class)), r.get("party_code", String.class),
                Boolean.TRUE.equals(r.get("as_chair", Boolean.class)), r.get("reason", String.class),
                instant(r.get("requested_at", OffsetDateTime.class)), r.get("call_id", UUID.class));
    }

    private static CallRow call(Readable r) {
        return new CallRow(r.get("id", UUID.class), new BodyId(r.get("body_id", UUID.class)),
                instant(r.get("due_at", OffsetDateTime.class)), r.get("reason", String.class), r.get("rule", String.class));
    }

    private static Instant instant(@Nullable OffsetDateTime time) {
        return Objects.requireNonNull(time, "timestamps are NOT NULL").toInstant();
    }
}
