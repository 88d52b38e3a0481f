package se.samverkan.api.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox (utkorg för händelser): writes an event in the caller's transaction, so that the event exists exactly when
 * the change that caused it does; and reads events back by id for the dispatcher, resuming subscribers and mirrors.
 */
@Component
public class Outbox {

    private static final String EVENT = """
            SELECT id, type, body_id, county_code, party_code, change, object_type, object_id, payload::text AS payload,
                   created_at FROM event\s""";
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() { };

    private final DatabaseClient db;
    private final JsonMapper json;

    Outbox(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A public event that changes no published object. Call inside the transaction of the change. */
    public Mono<Void> write(String type, @Nullable UUID body, Map<String, ?> payload) {
        return insert(type, body, null, null, null, null, payload);
    }

    /**
     * A public change to a published object: it goes to the change feed too, so mirrors learn of it. Call inside the
     * transaction of the change.
     */
    public Mono<Void> change(String type, UUID body, Event.Change change, String objectType, UUID objectId,
            Map<String, ?> payload) {
        return insert(type, body, null, change, objectType, objectId, payload);
    }

    /**
     * Events about several parties' PARTY data, one per party and payload, in one statement (ids in list order). Call
     * inside the transaction of the change.
     */
    public Mono<Void> writeForParties(String type, @Nullable UUID body, List<Map.Entry<String, Map<String, Object>>> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO event (type, body_id, party_code, payload)
                SELECT :type, :body, x.party, CAST(x.payload AS jsonb)
                FROM unnest(CAST(:parties AS text[]), CAST(:payloads AS text[])) WITH ORDINALITY AS x(party, payload, n)
                ORDER BY x.n""")
                .bind("type", type)
                .bind("parties", events.stream().map(e -> Objects.requireNonNull(e.getKey())).toArray(String[]::new))
                .bind("payloads", events.stream().map(e -> json.writeValueAsString(e.getValue())).toArray(String[]::new));
        spec = body == null ? spec.bindNull("body", UUID.class) : spec.bind("body", body);
        return spec.fetch().rowsUpdated().then();
    }

    private Mono<Void> insert(String type, @Nullable UUID body, @Nullable String party, Event.@Nullable Change change,
            @Nullable String objectType, @Nullable UUID objectId, Map<String, ?> payload) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO event (type, body_id, party_code, change, object_type, object_id, payload)
                VALUES (:type, :body, :party, :change, :objectType, :objectId, CAST(:payload AS jsonb))""")
                .bind("type", type).bind("payload", json.writeValueAsString(payload));
        spec = body == null ? spec.bindNull("body", UUID.class) : spec.bind("body", body);
        spec = party == null ? spec.bindNull("party", String.class) : spec.bind("party", party);
        spec = change == null ? spec.bindNull("change", String.class) : spec.bind("change", change.name());
        spec = objectType == null ? spec.bindNull("objectType", String.class) : spec.bind("objectType", objectType);
        spec = objectId == null ? spec.bindNull("objectId", UUID.class) : spec.bind("objectId", objectId);
        return spec.fetch().rowsUpdated().then();
    }

    /** Events after an id, in order, at most {@code limit}; of some types, or of every type when {@code types} is empty. */
    public Mono<List<Event>> after(long id, List<String> types, int limit) {
        return db.sql(EVENT + "WHERE id > :after AND (cardinality(CAST(:types AS text[])) = 0 OR type = ANY(:types)) ORDER BY id LIMIT :limit")
                .bind("after", id).bind("types", types.toArray(String[]::new)).bind("limit", limit)
                .map(this::event).all().collectList();
    }

    /** Public changes to published objects after an id, in order: the change feed. */
    public Mono<List<Event>> changesAfter(long id, int limit) {
        return db.sql(EVENT + "WHERE change IS NOT NULL AND party_code IS NULL AND id > :after ORDER BY id LIMIT :limit")
                .bind("after", id).bind("limit", limit).map(this::event).all().collectList();
    }

    /** When each object last changed after it was published (lastRevisedAt), by the change feed's events. */
    public Mono<Map<UUID, java.time.Instant>> lastChanged(java.util.Collection<UUID> objects) {
        if (objects.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT object_id, max(created_at) AS at FROM event WHERE object_id = ANY(:ids) GROUP BY object_id")
                .bind("ids", objects.toArray(UUID[]::new))
                .map(r -> Map.entry(Objects.requireNonNull(r.get("object_id", UUID.class)),
                        Objects.requireNonNull(r.get("at", OffsetDateTime.class)).toInstant()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The newest event's id, or 0. */
    public Mono<Long> lastId() {
        return db.sql("SELECT coalesce(max(id), 0) AS id FROM event").map(r -> Objects.requireNonNull(r.get("id", Long.class))).one();
    }

    private Event event(io.r2dbc.spi.Readable r) {
        String change = r.get("change", String.class);
        return new Event(Objects.requireNonNull(r.get("id", Long.class)), Objects.requireNonNull(r.get("type", String.class)),
                r.get("body_id", UUID.class), r.get("county_code", String.class), r.get("party_code", String.class),
                change == null ? null : Event.Change.valueOf(change), r.get("object_type", String.class),
                r.get("object_id", UUID.class),
                json.readValue(Objects.requireNonNull(r.get("payload", String.class)), PAYLOAD),
                Objects.requireNonNull(r.get("created_at", OffsetDateTime.class)).toInstant());
    }
}
