package se.samverkan.api.webhooks;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import se.samverkan.api.events.Event;
import se.samverkan.api.graphql.Connection;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks, their delivery log, and the two statements that let any number of instances share the delivery work: the
 * fan-out under the cursor row's lock, and the claim of due deliveries with {@code FOR UPDATE SKIP LOCKED}.
 */
@Repository
class WebhookRepository {

    private static final String WEBHOOK = "SELECT id, owner, url, events, counties, bodies, created_at FROM webhook ";
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() { };

    /** A page of one webhook's delivery log, as a batch key. */
    record DeliveryPage(UUID webhook, int offset, int limit) {
    }

    /** What one fan-out did: the cursor after it, how many events it passed, how many deliveries it created. */
    record FanOut(long position, long events, long deliveries) {
    }

    /** A delivery claimed for one attempt, with what sending it needs. */
    record Claimed(long id, int attempt, UUID webhook, String url, String secret, Event event,
            @Nullable String bodyCounty, @Nullable Instant publishedAt) {

        /** Never the secret. */
        @Override
        public String toString() {
            return "Claimed[delivery " + id + ", attempt " + attempt + ", webhook " + webhook + ", event " + event.id() + "]";
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    WebhookRepository(DatabaseClient db, TransactionalOperator transactions, JsonMapper json) {
        this.db = db;
        this.transactions = transactions;
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------------ registration

    /**
     * Inserts a webhook that receives the events after the newest one now. Takes the cursor row in share mode first,
     * so that no fan-out runs between reading that newest id and the webhook becoming visible: every later event is
     * fanned out after the webhook exists, and none before. Call inside a transaction.
     */
    Mono<Webhook> insert(Webhook webhook, String partyCode, String secret) {
        return db.sql("SELECT position FROM webhook_cursor WHERE name = 'webhooks' FOR SHARE").fetch().all().then()
                .then(db.sql("""
                        INSERT INTO webhook (id, owner, party_code, url, secret, events, counties, bodies, after_event)
                        VALUES (:id, :owner, :party, :url, :secret, :events, :counties, :bodies,
                                (SELECT coalesce(max(id), 0) FROM event))
                        RETURNING created_at""")
                        .bind("id", webhook.id()).bind("owner", webhook.owner()).bind("party", partyCode)
                        .bind("url", webhook.url()).bind("secret", secret)
                        .bind("events", webhook.events().stream().map(WebhookEventType::outboxType).toArray(String[]::new))
                        .bind("counties", webhook.countyCodes().toArray(String[]::new))
                        .bind("bodies", webhook.bodyIds().toArray(UUID[]::new))
                        .map(r -> Objects.requireNonNull(r.get("created_at", OffsetDateTime.class)).toInstant()).one())
                .map(created -> new Webhook(webhook.id(), webhook.owner(), webhook.url(), webhook.events(),
                        webhook.countyCodes(), webhook.bodyIds(), created));
    }

    /** The owner's webhooks, newest first. */
    Mono<List<Webhook>> ofOwner(String owner) {
        return db.sql(WEBHOOK + "WHERE owner = :owner ORDER BY created_at DESC, id").bind("owner", owner)
                .map(this::webhook).all().collectList();
    }

    /** A webhook, only if it is the owner's. */
    Mono<Webhook> byId(UUID id, String owner) {
        return db.sql(WEBHOOK + "WHERE id = :id AND owner = :owner").bind("id", id).bind("owner", owner)
                .map(this::webhook).one();
    }

    /**
     * Deletes a webhook of the owner's with its log; whether there was one. Holds the cursor row in share mode, like
     * registration, so that no fan-out is halfway through creating deliveries for it.
     */
    Mono<Boolean> delete(UUID id, String owner) {
        return transactions.transactional(db.sql("SELECT position FROM webhook_cursor WHERE name = 'webhooks' FOR SHARE")
                .fetch().all().then(db.sql("DELETE FROM webhook WHERE id = :id AND owner = :owner")
                        .bind("id", id).bind("owner", owner).fetch().rowsUpdated().map(n -> n > 0)));
    }

    /** Pages of several webhooks' delivery logs, newest event first, in one statement. */
    Mono<Map<DeliveryPage, Connection<WebhookDelivery>>> deliveries(Collection<DeliveryPage> pages) {
        List<DeliveryPage> keys = List.copyOf(pages);
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                SELECT k.n, t.total, d.event_id, d.event_type, d.state, d.attempts, d.last_status, d.last_error,
                       d.last_attempt_at, d.next_attempt_at, d.delivered_at, e.created_at AS occurred_at
                FROM unnest(CAST(:webhooks AS uuid[]), CAST(:offsets AS int[]), CAST(:limits AS int[]))
                     WITH ORDINALITY AS k(webhook, off, lim, n)
                CROSS JOIN LATERAL (SELECT count(*) AS total FROM webhook_delivery WHERE webhook_id = k.webhook) t
                LEFT JOIN LATERAL (SELECT * FROM webhook_delivery WHERE webhook_id = k.webhook
                                   ORDER BY event_id DESC OFFSET k.off LIMIT k.lim) d ON true
                LEFT JOIN event e ON e.id = d.event_id
                ORDER BY k.n, d.event_id DESC""")
                .bind("webhooks", keys.stream().map(DeliveryPage::webhook).toArray(UUID[]::new))
                .bind("offsets", keys.stream().map(DeliveryPage::offset).toArray(Integer[]::new))
                .bind("limits", keys.stream().map(DeliveryPage::limit).toArray(Integer[]::new))
                .map(r -> new PageRow(Math.toIntExact(Objects.requireNonNull(r.get("n", Long.class))) - 1,
                        Math.toIntExact(Objects.requireNonNull(r.get("total", Long.class))),
                        r.get("event_id", Long.class) == null ? null : delivery(r)))
                .all().collectList().map(rows -> {
                    Map<Integer, List<WebhookDelivery>> items = new HashMap<>();
                    Map<Integer, Integer> totals = new HashMap<>();
                    for (PageRow row : rows) {
                        totals.put(row.key(), row.total());
                        List<WebhookDelivery> page = items.computeIfAbsent(row.key(), k -> new ArrayList<>());
                        if (row.delivery() != null) {
                            page.add(row.delivery());
                        }
                    }
                    Map<DeliveryPage, Connection<WebhookDelivery>> result = new HashMap<>();
                    for (int n = 0; n < keys.size(); n++) {
                        DeliveryPage key = keys.get(n);
                        result.put(key, Connection.of(items.getOrDefault(n, List.of()), key.offset(), totals.getOrDefault(n, 0)));
                    }
                    return result;
                });
    }

    /** One row of {@link #deliveries}: which page (its index among the keys), the log's size, and a delivery if any. */
    private record PageRow(int key, int total, @Nullable WebhookDelivery delivery) {
    }

    // ------------------------------------------------------------------------------------------------------ fan-out

    /**
     * Fans the next events after the cursor out to the webhooks they match, in one transaction holding the cursor row:
     * one delivery per (webhook, event), for public events only, of the webhook's types, counties and bodies, after
     * its registration. Event ids commit in order, so the events up to the newest one seen are all there, and the
     * cursor never passes an event it has not fanned out. A second instance waits for the lock and then finds the
     * cursor moved on; the unique (webhook, event) catches anything else.
     */
    Mono<FanOut> fanOut(int batch) {
        return transactions.transactional(db.sql("SELECT position FROM webhook_cursor WHERE name = 'webhooks' FOR UPDATE")
                .map(r -> Objects.requireNonNull(r.get("position", Long.class))).one()
                .flatMap(from -> db.sql("""
                        SELECT count(*) AS n, coalesce(max(id), :from) AS up_to
                        FROM (SELECT id FROM event WHERE id > :from ORDER BY id LIMIT :batch) e""")
                        .bind("from", from).bind("batch", batch)
                        .map(r -> new long[] {Objects.requireNonNull(r.get("n", Long.class)),
                                Objects.requireNonNull(r.get("up_to", Long.class))}).one()
                        .flatMap(window -> window[0] == 0 ? Mono.just(new FanOut(from, 0, 0)) : db.sql("""
                                INSERT INTO webhook_delivery (webhook_id, event_id, event_type, next_attempt_at)
                                SELECT w.id, e.id, e.type, now()
                                FROM event e
                                JOIN webhook w ON e.id > w.after_event AND e.type = ANY(w.events)
                                LEFT JOIN body b ON b.id = e.body_id
                                WHERE e.id > :from AND e.id <= :to AND e.party_code IS NULL
                                  AND (cardinality(w.counties) = 0 OR coalesce(e.payload->>'county', e.county_code, b.county_code) = ANY(w.counties))
                                  AND (cardinality(w.bodies) = 0 OR e.body_id = ANY(w.bodies))
                                ORDER BY e.id, w.id
                                ON CONFLICT (webhook_id, event_id) DO NOTHING""")
                                .bind("from", from).bind("to", window[1]).fetch().rowsUpdated()
                                .flatMap(inserted -> db.sql("UPDATE webhook_cursor SET position = :to WHERE name = 'webhooks'")
                                        .bind("to", window[1]).fetch().rowsUpdated()
                                        .thenReturn(new FanOut(window[1], window[0], inserted))))));
    }

    // --------------------------------------------------------------------------------------------------------- send

    /**
     * Claims up to {@code limit} due deliveries for one attempt each, in one statement: rows another instance is
     * claiming are skipped ({@code SKIP LOCKED}), and claimed ones are leased — their next attempt moved past the
     * send's timeout — so that no one else takes them while they are in flight, and anyone may once the lease runs out
     * (the instance died).
     */
    Mono<List<Claimed>> claim(int limit, Duration lease) {
        return db.sql("""
                WITH due AS (
                    SELECT id FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_delivery d SET attempts = d.attempts + 1, last_attempt_at = now(),
                           next_attempt_at = now() + :lease * interval '1 millisecond'
                    FROM due WHERE d.id = due.id
                    RETURNING d.id, d.attempts, d.webhook_id, d.event_id)
                SELECT c.id AS delivery_id, c.attempts, w.id AS webhook_id, w.url, w.secret, e.id, e.type, e.body_id,
                       e.party_code, e.change, e.payload::text AS payload, e.created_at, coalesce(e.county_code, b.county_code) AS county_code, m.published_at
                FROM claimed c
                JOIN webhook w ON w.id = c.webhook_id
                JOIN event e ON e.id = c.event_id
                LEFT JOIN body b ON b.id = e.body_id
                LEFT JOIN minutes m ON e.type = 'MinutesPublished' AND m.id = CASE
                    WHEN e.payload->>'minutes' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    THEN CAST(e.payload->>'minutes' AS uuid) END
                ORDER BY e.id""")
                .bind("limit", limit).bind("lease", lease.toMillis())
                .map(r -> new Claimed(Objects.requireNonNull(r.get("delivery_id", Long.class)),
                        Objects.requireNonNull(r.get("attempts", Integer.class)),
                        Objects.requireNonNull(r.get("webhook_id", UUID.class)),
                        Objects.requireNonNull(r.get("url", String.class)),
                        Objects.requireNonNull(r.get("secret", String.class)), event(r),
                        r.get("county_code", String.class), instant(r, "published_at")))
                .all().collectList();
    }

    /** The attempt succeeded; recorded only if it is still the delivery's latest attempt. */
    Mono<Boolean> delivered(Claimed c, int status) {
        return db.sql("""
                UPDATE webhook_delivery SET state = 'DELIVERED', delivered_at = now(), last_status = :status,
                       last_error = NULL, next_attempt_at = NULL
                WHERE id = :id AND attempts = :attempt AND state = 'PENDING'""")
                .bind("status", status).bind("id", c.id()).bind("attempt", c.attempt())
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The attempt failed: the next one is due after {@code wait}, or, with none, the delivery has FAILED. */
    Mono<Boolean> attemptFailed(Claimed c, @Nullable Integer status, String error, @Nullable Duration wait) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE webhook_delivery SET last_status = :status, last_error = :error,
                       state = CASE WHEN CAST(:wait AS bigint) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = now() + CAST(:wait AS bigint) * interval '1 millisecond'
                WHERE id = :id AND attempts = :attempt AND state = 'PENDING'""")
                .bind("error", error.length() > 300 ? error.substring(0, 299) + "…" : error)
                .bind("id", c.id()).bind("attempt", c.attempt());
        spec = status == null ? spec.bindNull("status", Integer.class) : spec.bind("status", status);
        spec = wait == null ? spec.bindNull("wait", Long.class) : spec.bind("wait", wait.toMillis());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    // ------------------------------------------------------------------------------------------------------ mapping

    private Webhook webhook(Readable r) {
        return new Webhook(Objects.requireNonNull(r.get("id", UUID.class)), Objects.requireNonNull(r.get("owner", String.class)),
                Objects.requireNonNull(r.get("url", String.class)),
                Arrays.stream(Objects.requireNonNull(r.get("events", String[].class)))
                        .flatMap(t -> WebhookEventType.ofOutboxType(t).stream()).toList(),
                List.of(Objects.requireNonNull(r.get("counties", String[].class))),
                List.of(Objects.requireNonNull(r.get("bodies", UUID[].class))),
                Objects.requireNonNull(instant(r, "created_at")));
    }

    private static WebhookDelivery delivery(Readable r) {
        return new WebhookDelivery(String.valueOf(r.get("event_id", Long.class)),
                WebhookEventType.ofOutboxType(Objects.requireNonNull(r.get("event_type", String.class))).orElseThrow(),
                Objects.requireNonNull(instant(r, "occurred_at")),
                WebhookDelivery.State.valueOf(r.get("state", String.class)),
                Objects.requireNonNull(r.get("attempts", Integer.class)), r.get("last_status", Integer.class),
                r.get("last_error", String.class), instant(r, "last_attempt_at"), instant(r, "next_attempt_at"),
                instant(r, "delivered_at"));
    }

    private Event event(Readable r) {
        String change = r.get("change", String.class);
        return new Event(Objects.requireNonNull(r.get("id", Long.class)), Objects.requireNonNull(r.get("type", String.class)),
                r.get("body_id", UUID.class), r.get("county_code", String.class), r.get("party_code", String.class),
                change == null ? null : Event.Change.valueOf(change), null, null,
                json.readValue(Objects.requireNonNull(r.get("payload", String.class)), PAYLOAD),
                Objects.requireNonNull(instant(r, "created_at")));
    }

    private static @Nullable Instant instant(Readable r, String column) {
        OffsetDateTime at = r.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
