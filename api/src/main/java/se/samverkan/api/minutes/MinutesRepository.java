package se.samverkan.api.minutes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.minutes.MinutesItems;
import se.samverkan.domain.minutes.Signatory;
import se.samverkan.domain.rulebook.SignatoryKind;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.PersonId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Minutes and their signatures; the database refuses changes to signed minutes (IMP-02). */
@Repository
class MinutesRepository {

    private static final String MINUTES = """
            SELECT id, meeting_id, body_id, version, corrects, content, signatories::text AS signatories, state,
                   content_hash, previous_hash, signed_at, published_at, superseded_by, superseded_at, row_version FROM minutes\s""";

    /** How a chosen signatory is stored. */
    record StoredSignatory(String person, String kind, @Nullable String side) {
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    MinutesRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Minutes> insert(Minutes m, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO minutes (id, meeting_id, body_id, version, corrects, content, signatories, state, drafted_by)
                VALUES (:id, :meeting, :body, :version, :corrects, :content, CAST(:signatories AS jsonb), 'DRAFT', :by)""")
                .bind("id", m.id()).bind("meeting", m.meeting()).bind("body", m.body().value()).bind("version", m.version())
                .bind("content", m.content()).bind("signatories", signatoriesJson(m.signatories())).bind("by", by);
        spec = m.corrects() == null ? spec.bindNull("corrects", UUID.class) : spec.bind("corrects", m.corrects());
        return spec.fetch().rowsUpdated().thenReturn(m);
    }

    Mono<Minutes> freeze(Minutes m, String contentHash, @Nullable String previousHash) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE minutes SET state = 'SIGNED', content_hash = :hash, previous_hash = :previous, signed_at = now(),
                       row_version = row_version + 1
                WHERE id = :id AND state = 'DRAFT' AND row_version = :version""")
                .bind("hash", contentHash).bind("id", m.id()).bind("version", m.rowVersion());
        spec = previousHash == null ? spec.bindNull("previous", String.class) : spec.bind("previous", previousHash);
        return spec.fetch().rowsUpdated().filter(n -> n == 1).flatMap(n -> byId(m.id()));
    }

    /** A new text for a draft nobody has signed yet; empty when it was signed or changed meanwhile. */
    Mono<Minutes> edit(Minutes m, String content) {
        return db.sql("""
                UPDATE minutes SET content = :content, updated_at = now(), row_version = row_version + 1
                WHERE id = :id AND state = 'DRAFT' AND row_version = :version
                  AND NOT EXISTS (SELECT 1 FROM minutes_signature WHERE minutes_id = :id)""")
                .bind("content", content).bind("id", m.id()).bind("version", m.rowVersion())
                .fetch().rowsUpdated().filter(n -> n == 1).flatMap(n -> byId(m.id()));
    }

    Mono<Long> sign(UUID minutes, PersonId person, String kind, @Nullable PartySide side, String act) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO minutes_signature (minutes_id, person_id, kind, side, act) VALUES (:m, :p, :kind, :side, :act)""")
                .bind("m", minutes).bind("p", person.value()).bind("kind", kind).bind("act", act);
        spec = side == null ? spec.bindNull("side", String.class) : spec.bind("side", side.name());
        return spec.fetch().rowsUpdated();
    }

    Mono<List<PersonId>> signers(UUID minutes) {
        return db.sql("SELECT person_id FROM minutes_signature WHERE minutes_id = :m ORDER BY signed_at")
                .bind("m", minutes).map(r -> new PersonId(r.get("person_id", UUID.class))).all().collectList();
    }

    /** The last signed minutes of a body, by signing time: the link the next one chains to. */
    Mono<Minutes> lastSigned(BodyId body) {
        return db.sql(MINUTES + "WHERE body_id = :body AND state = 'SIGNED' ORDER BY signed_at DESC, id DESC LIMIT 1")
                .bind("body", body.value()).map(this::minutes).one();
    }

    /** Every signed minutes of a body up to and including one, oldest first: the chain to verify. */
    Mono<List<Minutes>> chainUpTo(BodyId body, Instant signedAt) {
        return db.sql(MINUTES + "WHERE body_id = :body AND state = 'SIGNED' AND signed_at <= :at ORDER BY signed_at, id")
                .bind("body", body.value()).bind("at", signedAt.atOffset(java.time.ZoneOffset.UTC))
                .map(this::minutes).all().collectList();
    }

    Mono<Minutes> byId(UUID id) {
        return db.sql(MINUTES + "WHERE id = :id").bind("id", id).map(this::minutes).one();
    }

    Mono<Map<UUID, Minutes>> byIds(Collection<UUID> ids) {
        return db.sql(MINUTES + "WHERE id = ANY(:ids)").bind("ids", ids.toArray(UUID[]::new)).map(this::minutes).all()
                .collectMap(Minutes::id);
    }

    Mono<Map<UUID, List<Minutes>>> ofMeetings(Collection<UUID> meetings) {
        return db.sql(MINUTES + "WHERE meeting_id = ANY(:ids) ORDER BY version").bind("ids", meetings.toArray(UUID[]::new))
                .map(this::minutes).all().collectMultimap(Minutes::meeting)
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** Records publication (LSVO-15); empty when it was published meanwhile. */
    Mono<Minutes> publish(Minutes m) {
        return db.sql("UPDATE minutes SET published_at = now() WHERE id = :id AND state = 'SIGNED' AND published_at IS NULL")
                .bind("id", m.id()).fetch().rowsUpdated().filter(n -> n == 1).flatMap(n -> byId(m.id()));
    }

    /** Records that a published correction replaced published minutes (IMP-02); false when it already was. */
    Mono<Boolean> supersede(UUID old, UUID by) {
        return db.sql("""
                UPDATE minutes SET superseded_by = :by, superseded_at = now()
                WHERE id = :id AND published_at IS NOT NULL AND superseded_by IS NULL""")
                .bind("by", by).bind("id", old).fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Published minutes of a county's bodies (optionally some), newest first, since a time. Public. */
    Mono<List<Minutes>> published(String county, @Nullable List<BodyId> bodies, @Nullable Instant since) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(MINUTES.replace("FROM minutes", "FROM minutes x") + """
                WHERE x.published_at IS NOT NULL
                  AND x.body_id IN (SELECT id FROM body WHERE county_code = :county)
                  AND (CAST(:bodies AS uuid[]) IS NULL OR x.body_id = ANY(:bodies))
                  AND (CAST(:since AS timestamptz) IS NULL OR x.published_at > :since)
                ORDER BY x.published_at DESC, x.id""").bind("county", county);
        spec = bodies == null ? spec.bindNull("bodies", UUID[].class)
                : spec.bind("bodies", bodies.stream().map(BodyId::value).toArray(UUID[]::new));
        spec = since == null ? spec.bindNull("since", OffsetDateTime.class) : spec.bind("since", since.atOffset(java.time.ZoneOffset.UTC));
        return spec.map(this::minutes).all().collectList();
    }

    Mono<Integer> nextVersion(UUID meeting) {
        return db.sql("SELECT coalesce(max(version), 0) + 1 AS v FROM minutes WHERE meeting_id = :m").bind("m", meeting)
                .map(r -> r.get("v", Integer.class)).one();
    }

    /** The text of a meeting's minutes as drafted: who attended, and every matter with its decision (protokoll). */
    Mono<String> draftText(UUID meeting, List<MinutesItems.Item> items) {
        Mono<List<String>> header = db.sql("""
                SELECT b.name, b.short_name, m.starts_at, m.location FROM meeting m JOIN body b ON b.id = m.body_id
                WHERE m.id = :m""").bind("m", meeting)
                .map(r -> List.of("Protokoll " + r.get("short_name", String.class) + " — " + r.get("name", String.class),
                        "Tid: " + java.util.Objects.requireNonNull(r.get("starts_at", OffsetDateTime.class))
                                .atZoneSameInstant(se.samverkan.domain.meeting.Meeting.ZONE).toLocalDateTime(),
                        "Plats: " + r.get("location", String.class))).one();
        Mono<List<String>> attendance = db.sql("""
                SELECT s.title, a.status, coalesce(sub.name, holder.name, '(vakant)') AS person
                FROM attendance a JOIN seat s ON s.id = a.seat_id JOIN meeting m ON m.id = a.meeting_id
                LEFT JOIN person sub ON sub.id = a.substitute_person
                LEFT JOIN LATERAL (SELECT p.name FROM appointment ap JOIN person p ON p.id = ap.person_id
                                   WHERE ap.seat_id = s.id
                                     AND (ap.valid_from IS NULL OR ap.valid_from <= (m.starts_at AT TIME ZONE 'Europe/Stockholm')::date)
                                     AND (ap.valid_to IS NULL OR ap.valid_to >= (m.starts_at AT TIME ZONE 'Europe/Stockholm')::date)
                                   LIMIT 1) holder ON true
                WHERE a.meeting_id = :m ORDER BY a.status, s.key""").bind("m", meeting)
                .map(r -> "- " + r.get("person", String.class) + ", " + r.get("title", String.class) + ": "
                        + r.get("status", String.class)).all().collectList();
        Mono<Map<UUID, String>> decisions = db.sql("""
                SELECT d.matter_id, d.text, d.not_supporting FROM decision d WHERE d.meeting_id = :m""").bind("m", meeting)
                .map(r -> {
                    String[] against = r.get("not_supporting", String[].class);
                    return Map.entry(java.util.Objects.requireNonNull(r.get("matter_id", UUID.class)), r.get("text", String.class)
                            + (against == null || against.length == 0 ? "" : " (ej: " + String.join(", ", against) + ")"));
                }).all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(header, attendance, decisions).map(t -> {
            StringBuilder text = new StringBuilder(String.join("\n", t.getT1())).append("\n\nNärvaro:\n")
                    .append(String.join("\n", t.getT2())).append("\n\nÄrenden:\n");
            for (MinutesItems.Item item : items) {
                if (item.actualPosition() == null) {
                    continue;
                }
                text.append("§ ").append(item.actualPosition()).append(' ').append(item.title())
                        .append(item.plannedPosition() == null ? " (tillkommet ärende)" : item.plannedPosition().equals(item.actualPosition()) ? ""
                                : " (dagordningens punkt " + item.plannedPosition() + ")");
                String decision = item.matter() == null ? null : t.getT3().get(item.matter());
                text.append(decision != null ? "\n  Beslut: " + decision + " — " + item.outcome()
                        : item.outcome() == null ? "" : " (" + item.outcome() + ")").append('\n');
            }
            List<MinutesItems.Item> notDealtWith = items.stream().filter(i -> i.actualPosition() == null).toList();
            if (!notDealtWith.isEmpty()) {
                text.append("\nEj behandlade:\n");
                notDealtWith.forEach(i -> text.append("- dagordningens punkt ").append(i.plannedPosition()).append(' ')
                        .append(i.title()).append(" (").append(i.outcome()).append(")\n"));
            }
            return text.toString();
        });
    }

    /** The agenda the notice froze: position, kind, matter and title of each item; empty without a notice. */
    Mono<List<MinutesItems.Planned>> plannedAgenda(UUID meeting) {
        return db.sql("SELECT agenda::text AS agenda FROM notice WHERE meeting_id = :m").bind("m", meeting)
                .map(r -> json.readValue(r.get("agenda", String.class), new TypeReference<List<Map<String, Object>>>() { }))
                .one().defaultIfEmpty(List.of())
                .map(agenda -> agenda.stream().map(item -> new MinutesItems.Planned(((Number) item.get("position")).intValue(),
                        String.valueOf(item.get("kind")), item.get("matter") == null ? null : UUID.fromString(item.get("matter").toString()),
                        String.valueOf(item.get("title")))).toList());
    }

    /** The matters at the meeting now, with their decision's outcome or their state. */
    Mono<List<MinutesItems.AtMeeting>> mattersAt(UUID meeting) {
        return db.sql("""
                SELECT x.id, x.title, coalesce(d.outcome, x.state) AS outcome, d.decided_at
                FROM matter x LEFT JOIN decision d ON d.matter_id = x.id WHERE x.meeting_id = :m""").bind("m", meeting)
                .map(r -> {
                    OffsetDateTime decided = r.get("decided_at", OffsetDateTime.class);
                    return new MinutesItems.AtMeeting(java.util.Objects.requireNonNull(r.get("id", UUID.class)),
                            String.valueOf(r.get("title", String.class)), String.valueOf(r.get("outcome", String.class)),
                            decided == null ? null : decided.toInstant());
                }).all().collectList();
    }

    /** The items of new minutes, in one statement. */
    Mono<Void> insertItems(UUID minutes, List<MinutesItems.Item> items) {
        if (items.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                INSERT INTO minutes_item (minutes_id, actual_position, planned_position, kind, matter_id, title, outcome)
                SELECT :minutes, x.actual, x.planned, x.kind, x.matter, x.title, x.outcome
                FROM unnest(CAST(:actual AS integer[]), CAST(:planned AS integer[]), CAST(:kinds AS text[]),
                            CAST(:matters AS uuid[]), CAST(:titles AS text[]), CAST(:outcomes AS text[]))
                     AS x(actual, planned, kind, matter, title, outcome)""")
                .bind("minutes", minutes)
                .bind("actual", items.stream().map(MinutesItems.Item::actualPosition).toArray(Integer[]::new))
                .bind("planned", items.stream().map(MinutesItems.Item::plannedPosition).toArray(Integer[]::new))
                .bind("kinds", items.stream().map(MinutesItems.Item::kind).toArray(String[]::new))
                .bind("matters", items.stream().map(MinutesItems.Item::matter).toArray(UUID[]::new))
                .bind("titles", items.stream().map(MinutesItems.Item::title).toArray(String[]::new))
                .bind("outcomes", items.stream().map(MinutesItems.Item::outcome).toArray(String[]::new))
                .fetch().rowsUpdated().then();
    }

    /** The items of several minutes, in the order they were dealt with, those not dealt with last by agenda position. */
    Mono<Map<UUID, List<MinutesItems.Item>>> itemsOf(Collection<UUID> minutes) {
        return db.sql("""
                SELECT minutes_id, actual_position, planned_position, kind, matter_id, title, outcome FROM minutes_item
                WHERE minutes_id = ANY(:ids) ORDER BY actual_position NULLS LAST, planned_position""")
                .bind("ids", minutes.toArray(UUID[]::new))
                .map(r -> Map.entry(java.util.Objects.requireNonNull(r.get("minutes_id", UUID.class)), new MinutesItems.Item(
                        r.get("actual_position", Integer.class), r.get("planned_position", Integer.class),
                        String.valueOf(r.get("kind", String.class)), r.get("matter_id", UUID.class),
                        String.valueOf(r.get("title", String.class)), r.get("outcome", String.class))))
                .all().collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    private String signatoriesJson(List<Signatory> signatories) {
        return json.writeValueAsString(signatories.stream().map(s -> new StoredSignatory(s.person().toString(),
                s.kind().name(), s.side() == null ? null : s.side().name())).toList());
    }

    private Minutes minutes(io.r2dbc.spi.Readable r) {
        List<StoredSignatory> stored = json.readValue(r.get("signatories", String.class),
                new TypeReference<List<StoredSignatory>>() { });
        OffsetDateTime signed = r.get("signed_at", OffsetDateTime.class);
        OffsetDateTime published = r.get("published_at", OffsetDateTime.class);
        OffsetDateTime superseded = r.get("superseded_at", OffsetDateTime.class);
        return new Minutes(r.get("id", UUID.class), r.get("meeting_id", UUID.class), new BodyId(r.get("body_id", UUID.class)),
                r.get("version", Integer.class), r.get("corrects", UUID.class), r.get("content", String.class),
                stored.stream().map(s -> new Signatory(new PersonId(UUID.fromString(s.person())),
                        SignatoryKind.valueOf(s.kind()), s.side() == null ? null : PartySide.valueOf(s.side()))).toList(),
                r.get("state", String.class), r.get("content_hash", String.class), r.get("previous_hash", String.class),
                signed == null ? null : signed.toInstant(), published == null ? null : published.toInstant(),
                r.get("superseded_by", UUID.class), superseded == null ? null : superseded.toInstant(),
                r.get("row_version", Integer.class));
    }
}
