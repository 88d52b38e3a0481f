package se.samverkan.api.matters;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import se.samverkan.domain.meeting.Matter;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.structure.BodyId;

/** Reads and writes matters and documents. Updates check the version they read (optimistic locking). */
@Repository
class MatterRepository {

    private static final String MATTER = """
            SELECT id, body_id, title, description, type, decision_category, subject_areas, state, submitted_by,
                   submitted_at, documents_complete_on, meeting_id, agenda_position, prepared, anchored,
                   admitted_late_by, complement_request, state_note, forwarded_from, version
            FROM matter\s""";

    /** A stored document, without its content. */
    record DocumentInfo(UUID id, UUID matter, String name, String mediaType, String sha256, int size, String uploadedBy,
            Instant uploadedAt) {
    }

    private final DatabaseClient db;

    MatterRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Matter> insert(Matter m) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO matter (id, body_id, title, description, type, decision_category, subject_areas, state,
                                    submitted_by, submitted_at, forwarded_from, documents_complete_on)
                VALUES (:id, :body, :title, :description, :type, :category, :areas, :state, :by, :at, :from, :docs)""")
                .bind("id", m.id()).bind("body", m.body().value()).bind("title", m.title())
                .bind("description", m.description()).bind("type", m.type().name())
                .bind("areas", m.subjectAreas().toArray(String[]::new)).bind("state", m.state().name())
                .bind("by", m.submittedBy()).bind("at", m.submittedAt().atOffset(ZoneOffset.UTC));
        spec = bindNullable(spec, "category", m.decisionCategory() == null ? null : m.decisionCategory().name(), String.class);
        spec = bindNullable(spec, "from", m.forwardedFrom(), UUID.class);
        spec = bindNullable(spec, "docs", m.documentsCompleteOn(), LocalDate.class);
        return spec.fetch().rowsUpdated().thenReturn(m);
    }

    /** Writes a matter's changeable parts if nobody changed it since {@code readVersion}; empty otherwise. */
    Mono<Matter> update(Matter m, int readVersion) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE matter SET state = :state, documents_complete_on = :docs, meeting_id = :meeting,
                    agenda_position = :position, prepared = :prepared, anchored = :anchored,
                    admitted_late_by = :late, complement_request = :complement, state_note = :note,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .bind("state", m.state().name()).bind("id", m.id()).bind("version", readVersion);
        spec = bindNullable(spec, "docs", m.documentsCompleteOn(), LocalDate.class);
        spec = bindNullable(spec, "meeting", m.meeting(), UUID.class);
        spec = bindNullable(spec, "position", m.agendaPosition(), Integer.class);
        spec = bindNullable(spec, "prepared", m.prepared(), Boolean.class);
        spec = bindNullable(spec, "anchored", m.anchored(), Boolean.class);
        spec = bindNullable(spec, "late", m.admittedLateBy(), String.class);
        spec = bindNullable(spec, "complement", m.complementRequest(), String.class);
        spec = bindNullable(spec, "note", m.stateNote(), String.class);
        return spec.fetch().rowsUpdated().filter(n -> n == 1)
                .map(n -> new Matter(m.id(), m.body(), m.title(), m.description(), m.type(), m.decisionCategory(),
                        m.subjectAreas(), m.state(), m.submittedBy(), m.submittedAt(), m.documentsCompleteOn(), m.meeting(),
                        m.agendaPosition(), m.prepared(), m.anchored(), m.admittedLateBy(), m.complementRequest(),
                        m.stateNote(), m.forwardedFrom(), readVersion + 1));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    Mono<Map<UUID, Matter>> byIds(Collection<UUID> ids) {
        return db.sql(MATTER + "WHERE id = ANY(:ids)").bind("ids", ids.toArray(UUID[]::new))
                .map(MatterRepository::matter).all().collectMap(Matter::id);
    }

    Mono<Matter> byId(UUID id) {
        return byIds(List.of(id)).flatMap(found -> Mono.justOrEmpty(found.get(id)));
    }

    /** Every matter of the given bodies, newest first. */
    Mono<Map<BodyId, List<Matter>>> ofBodies(Collection<BodyId> bodies) {
        return db.sql(MATTER + "WHERE body_id = ANY(:ids) ORDER BY submitted_at DESC, id")
                .bind("ids", bodies.stream().map(BodyId::value).toArray(UUID[]::new))
                .map(MatterRepository::matter).all().collectMultimap(Matter::body)
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** The matters placed on the given meetings, in agenda order, by meeting. */
    Mono<Map<UUID, List<Matter>>> onMeetings(Collection<UUID> meetings) {
        return db.sql(MATTER + "WHERE meeting_id = ANY(:ids) ORDER BY agenda_position NULLS LAST, submitted_at, id")
                .bind("ids", meetings.toArray(UUID[]::new)).map(MatterRepository::matter).all()
                .collectMultimap(m -> Objects.requireNonNull(m.meeting()))
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** The matters placed on a meeting, in agenda order. */
    Mono<List<Matter>> onMeeting(UUID meeting) {
        return db.sql(MATTER + "WHERE meeting_id = :meeting ORDER BY agenda_position NULLS LAST, submitted_at, id")
                .bind("meeting", meeting).map(MatterRepository::matter).all().collectList();
    }

    /**
     * Matters of {@code body} forwarded from a matter of {@code fromBody} that nobody has dealt with yet (PSVO-08):
     * one the preparation deferred or placed on a later meeting follows that decision instead.
     */
    Mono<List<Matter>> forwardedAwaitingAgenda(BodyId body, BodyId fromBody) {
        return db.sql(MATTER.replace("FROM matter", "FROM matter m") + """
                WHERE m.body_id = :body AND m.state = 'SUBMITTED'
                  AND EXISTS (SELECT 1 FROM matter o WHERE o.id = m.forwarded_from AND o.body_id = :from)
                ORDER BY m.submitted_at, m.id""")
                .bind("body", body.value()).bind("from", fromBody.value())
                .map(MatterRepository::matter).all().collectList();
    }

    /** The matters forwarded from the given matters (LSVO-28), keyed by the matter they came from. */
    Mono<Map<UUID, List<Matter>>> forwardsOf(Collection<UUID> matters) {
        return db.sql(MATTER + "WHERE forwarded_from = ANY(:ids) ORDER BY submitted_at")
                .bind("ids", matters.toArray(UUID[]::new))
                .map(MatterRepository::matter).all().collectMultimap(m -> Objects.requireNonNull(m.forwardedFrom()))
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /**
     * Minutes of another body signed since this body last had them presented (PSVO-08: "sedan rådets senaste
     * sammanträde"): those on none of this body's sent agendas. Id, meeting date and version.
     */
    record SignedMinutes(UUID id, LocalDate meetingDate, int version) {
    }

    Mono<List<SignedMinutes>> minutesSignedSincePreviousMeeting(UUID meeting, BodyId fromBody) {
        return db.sql("""
                SELECT x.id, (mt.starts_at AT TIME ZONE 'Europe/Stockholm')::date AS meeting_date, x.version
                FROM minutes x JOIN meeting mt ON mt.id = x.meeting_id, meeting this
                WHERE this.id = :meeting AND x.body_id = :from AND x.state = 'SIGNED'
                  -- drawn up since the council last saw the other body's minutes: not on any agenda it has sent
                  AND NOT EXISTS (SELECT 1 FROM notice n JOIN meeting p ON p.id = n.meeting_id
                                  WHERE p.body_id = this.body_id
                                    AND n.agenda @> jsonb_build_array(jsonb_build_object('minutes', x.id::text)))
                ORDER BY x.signed_at, x.id""")
                .bind("meeting", meeting).bind("from", fromBody.value())
                .map(r -> new SignedMinutes(r.get("id", UUID.class), r.get("meeting_date", LocalDate.class),
                        r.get("version", Integer.class)))
                .all().collectList();
    }

    /** AGR-03: the agreement a matter amends, if it does. */
    Mono<UUID> amendedAgreement(UUID matter) {
        return db.sql("SELECT amends_agreement FROM matter WHERE id = :id AND amends_agreement IS NOT NULL")
                .bind("id", matter).map(r -> r.get("amends_agreement", UUID.class)).one();
    }

    /** Marks a matter as amending one of its county's agreements (AGR-03); false if the agreement is not of that county. */
    Mono<Boolean> markAmendment(UUID matter, UUID agreement) {
        return db.sql("""
                UPDATE matter m SET amends_agreement = :agreement
                FROM body b, agreement g
                WHERE m.id = :matter AND b.id = m.body_id AND g.id = :agreement AND g.county_code = b.county_code""")
                .bind("matter", matter).bind("agreement", agreement).fetch().rowsUpdated().map(n -> n == 1);
    }

    Mono<Integer> nextAgendaPosition(UUID meeting) {
        return db.sql("SELECT coalesce(max(agenda_position), 0) + 1 AS next FROM matter WHERE meeting_id = :meeting")
                .bind("meeting", meeting).map(r -> r.get("next", Integer.class)).one();
    }

    Mono<DocumentInfo> insertDocument(UUID id, UUID matter, String name, String mediaType, byte[] content, String sha256,
            String by) {
        return db.sql("""
                INSERT INTO document (id, matter_id, name, media_type, content, sha256, size, uploaded_by)
                VALUES (:id, :matter, :name, :type, :content, :sha, :size, :by)
                RETURNING uploaded_at""")
                .bind("id", id).bind("matter", matter).bind("name", name).bind("type", mediaType)
                .bind("content", java.nio.ByteBuffer.wrap(content)).bind("sha", sha256).bind("size", content.length)
                .bind("by", by)
                .map(r -> new DocumentInfo(id, matter, name, mediaType, sha256, content.length, by,
                        Objects.requireNonNull(r.get("uploaded_at", OffsetDateTime.class)).toInstant())).one();
    }

    /** Copies a matter's documents to another matter (a forwarded matter keeps its documents). */
    Mono<Long> copyDocuments(UUID from, UUID to) {
        return db.sql("""
                INSERT INTO document (id, matter_id, name, media_type, content, sha256, size, uploaded_by, uploaded_at)
                SELECT gen_random_uuid(), :to, name, media_type, content, sha256, size, uploaded_by, uploaded_at
                FROM document WHERE matter_id = :from""")
                .bind("from", from).bind("to", to).fetch().rowsUpdated();
    }

    Mono<Map<UUID, List<DocumentInfo>>> documentsOf(Collection<UUID> matters) {
        return db.sql("""
                SELECT id, matter_id, name, media_type, sha256, size, uploaded_by, uploaded_at FROM document
                WHERE matter_id = ANY(:ids) ORDER BY uploaded_at, id""")
                .bind("ids", matters.toArray(UUID[]::new))
                .map(r -> new DocumentInfo(r.get("id", UUID.class), r.get("matter_id", UUID.class),
                        r.get("name", String.class), r.get("media_type", String.class), r.get("sha256", String.class),
                        r.get("size", Integer.class), r.get("uploaded_by", String.class),
                        Objects.requireNonNull(r.get("uploaded_at", OffsetDateTime.class)).toInstant()))
                .all().collectMultimap(DocumentInfo::matter)
                .map(m -> m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** A sent notice: when, by whom, its deadline, and the agenda as it was frozen. */
    record Notice(UUID meeting, Instant sentAt, LocalDate sentOn, String sentBy, @Nullable LocalDate dueOn,
            @Nullable String rule, String agenda) {
    }

    Mono<Long> insertNotice(UUID meeting, LocalDate sentOn, String by, @Nullable LocalDate due, @Nullable String rule,
            String agendaJson) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO notice (meeting_id, sent_on, sent_by, due_on, rule, agenda)
                VALUES (:meeting, :on, :by, :due, :rule, CAST(:agenda AS jsonb))""")
                .bind("meeting", meeting).bind("on", sentOn).bind("by", by).bind("agenda", agendaJson);
        spec = bindNullable(spec, "due", due, LocalDate.class);
        spec = bindNullable(spec, "rule", rule, String.class);
        return spec.fetch().rowsUpdated();
    }

    Mono<Map<UUID, Notice>> noticesOf(Collection<UUID> meetings) {
        return db.sql("""
                SELECT meeting_id, sent_at, sent_on, sent_by, due_on, rule, agenda::text AS agenda FROM notice
                WHERE meeting_id = ANY(:ids)""")
                .bind("ids", meetings.toArray(UUID[]::new))
                .map(r -> new Notice(r.get("meeting_id", UUID.class),
                        Objects.requireNonNull(r.get("sent_at", OffsetDateTime.class)).toInstant(),
                        r.get("sent_on", LocalDate.class), r.get("sent_by", String.class), r.get("due_on", LocalDate.class),
                        r.get("rule", String.class), r.get("agenda", String.class)))
                .all().collectMap(Notice::meeting);
    }

    private static Matter matter(Readable r) {
        String category = r.get("decision_category", String.class);
        String[] areas = r.get("subject_areas", String[].class);
        return new Matter(r.get("id", UUID.class), new BodyId(r.get("body_id", UUID.class)), r.get("title", String.class),
                r.get("description", String.class), MatterType.valueOf(r.get("type", String.class)),
                category == null ? null : DecisionCategory.valueOf(category), areas == null ? List.of() : List.of(areas),
                MatterState.valueOf(r.get("state", String.class)), r.get("submitted_by", String.class),
                Objects.requireNonNull(r.get("submitted_at", OffsetDateTime.class)).toInstant(),
                r.get("documents_complete_on", LocalDate.class), r.get("meeting_id", UUID.class),
                r.get("agenda_position", Integer.class), r.get("prepared", Boolean.class), r.get("anchored", Boolean.class),
                r.get("admitted_late_by", String.class), r.get("complement_request", String.class),
                r.get("state_note", String.class), r.get("forwarded_from", UUID.class), r.get("version", Integer.class));
    }
}
