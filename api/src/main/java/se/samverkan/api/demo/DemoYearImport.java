package se.samverkan.api.demo;

import static se.samverkan.api.db.StartupImport.batch;
import static se.samverkan.api.db.StartupImport.date;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import se.samverkan.api.db.StartupImport;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import se.samverkan.api.demo.DemoYearPlan.DocumentRow;
import se.samverkan.api.demo.DemoYearPlan.MatterRow;
import se.samverkan.api.demo.DemoYearPlan.MeetingRow;
import se.samverkan.api.demo.DemoYearPlan.NoticeRow;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo year (demo/meetings/*.yaml) after every migration, after the structure import, in the migration's own
 * JDBC session and in one transaction — only where {@code samverkan.demo.meetings.enabled} is true (the dev profile).
 * Invalid files, or files that contradict the structure and its rulebooks, stop start-up with every problem listed by
 * file and line. Rows are upserted by ids derived from natural keys, so loading again changes nothing but what the
 * files changed; rows that left the files stay.
 *
 * <p>Order: it needs the bodies, people and rulebooks the structure import writes. Spring Boot hands the Callback beans
 * to Flyway in bean order (hence {@link Ordered#LOWEST_PRECEDENCE}), but Flyway 12 then runs the callbacks of an event
 * sorted by {@link #getCallbackName()} — so the name extends the structure import's
 * ({@code samverkan-structure-import}) and sorts after it. Should the structure be missing anyway, the load stops
 * saying so.
 */
@Component
@ConditionalOnProperty(name = "samverkan.demo.meetings.enabled", havingValue = "true")
class DemoYearImport implements Callback, Ordered {

    /** Sorts after the structure import's name, which Flyway orders callbacks by. */
    static final String NAME = "samverkan-structure-import+demo-year";

    private static final Log log = LogFactory.getLog(DemoYearImport.class);

    private final DemoYearProperties properties;
    private final JsonMapper json;

    DemoYearImport(DemoYearProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return NAME;
    }

    @Override
    public void handle(Event event, Context context) {
        long started = System.nanoTime();
        DemoYear year = DemoYearReader.read(files());
        DemoYearPlan.Rows[] rows = new DemoYearPlan.Rows[1];
        StartupImport.inTransaction(context.getConnection(), "the demo year", connection -> {
            requireStructure(connection);
            rows[0] = DemoYearPlan.plan(year, connection, json);
            write(connection, rows[0]);
        });
        log.info("Demo year loaded: " + rows[0].meetings().size() + " meetings, " + rows[0].notices().size() + " notices, "
                + rows[0].matters().size() + " matters, " + rows[0].documents().size() + " documents, "
                + rows[0].decisions().size() + " decisions, " + rows[0].recommendations().size() + " recommendations in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static void requireStructure(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM body"); ResultSet r = p.executeQuery()) {
            if (!r.next() || r.getLong(1) == 0) {
                throw new IllegalStateException("the demo year needs the structure (bodies, people, rulebooks) loaded "
                        + "first; the Flyway callback '" + NAME + "' ran before 'samverkan-structure-import' or without it");
            }
        }
    }

    private Map<String, Supplier<InputStream>> files() {
        return StartupImport.files(properties.locations(), "demo-year files");
    }

    private static void write(Connection c, DemoYearPlan.Rows rows) throws SQLException {
        batch(c, """
                INSERT INTO meeting (id, body_id, kind, starts_at, location, state, preparation_for, scheduled_by,
                                     scheduled_at, cancelled_by, cancelled_at, cancel_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET body_id = excluded.body_id, kind = excluded.kind,
                    starts_at = excluded.starts_at, location = excluded.location, state = excluded.state,
                    preparation_for = excluded.preparation_for, scheduled_by = excluded.scheduled_by,
                    scheduled_at = excluded.scheduled_at, cancelled_by = excluded.cancelled_by,
                    cancelled_at = excluded.cancelled_at, cancel_reason = excluded.cancel_reason""",
                rows.meetings(), (p, m) -> {
                    p.setObject(1, m.id());
                    p.setObject(2, m.body().value());
                    p.setString(3, m.kind().name());
                    p.setObject(4, m.startsAt());
                    p.setString(5, m.location());
                    p.setString(6, m.state().name());
                    p.setObject(7, m.preparationFor(), Types.OTHER);
                    p.setString(8, m.scheduledBy());
                    p.setObject(9, m.scheduledAt());
                    p.setString(10, m.cancelledBy());
                    p.setObject(11, m.cancelledAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                    p.setString(12, m.cancelReason());
                });
        batch(c, """
                INSERT INTO matter (id, body_id, title, description, type, decision_category, subject_areas, state,
                                    submitted_by, submitted_at, documents_complete_on, meeting_id, agenda_position,
                                    prepared, anchored, admitted_late_by, complement_request, state_note, forwarded_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET body_id = excluded.body_id, title = excluded.title,
                    description = excluded.description, type = excluded.type,
                    decision_category = excluded.decision_category, subject_areas = excluded.subject_areas,
                    state = excluded.state, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
                    documents_complete_on = excluded.documents_complete_on, meeting_id = excluded.meeting_id,
                    agenda_position = excluded.agenda_position, prepared = excluded.prepared,
                    anchored = excluded.anchored, admitted_late_by = excluded.admitted_late_by,
                    complement_request = excluded.complement_request, state_note = excluded.state_note,
                    forwarded_from = excluded.forwarded_from""",
                rows.matters(), (p, m) -> {
                    p.setObject(1, m.id());
                    p.setObject(2, m.body().value());
                    p.setString(3, m.title());
                    p.setString(4, m.description());
                    p.setString(5, m.type());
                    p.setString(6, m.decisionCategory());
                    p.setArray(7, c.createArrayOf("text", m.subjectAreas().toArray()));
                    p.setString(8, m.state());
                    p.setString(9, m.submittedBy());
                    p.setObject(10, m.submittedAt());
                    date(p, 11, m.documentsCompleteOn());
                    p.setObject(12, m.meeting(), Types.OTHER);
                    p.setObject(13, m.agendaPosition(), Types.INTEGER);
                    p.setObject(14, m.prepared(), Types.BOOLEAN);
                    p.setObject(15, m.anchored(), Types.BOOLEAN);
                    p.setString(16, m.admittedLateBy());
                    p.setString(17, m.complementRequest());
                    p.setString(18, m.stateNote());
                    p.setObject(19, m.forwardedFrom(), Types.OTHER);
                });
        batch(c, """
                INSERT INTO document (id, matter_id, name, media_type, content, sha256, size, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET matter_id = excluded.matter_id, name = excluded.name,
                    media_type = excluded.media_type, content = excluded.content, sha256 = excluded.sha256,
                    size = excluded.size, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at""",
                rows.documents(), (p, d) -> {
                    p.setObject(1, d.id());
                    p.setObject(2, d.matter());
                    p.setString(3, d.name());
                    p.setString(4, d.mediaType());
                    p.setBytes(5, d.content());
                    p.setString(6, d.sha256());
                    p.setInt(7, d.content().length);
                    p.setString(8, d.uploadedBy());
                    p.setObject(9, d.uploadedAt());
                });
        batch(c, """
                INSERT INTO notice (meeting_id, sent_at, sent_on, sent_by, due_on, rule, agenda)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (meeting_id) DO UPDATE SET sent_at = excluded.sent_at, sent_on = excluded.sent_on,
                    sent_by = excluded.sent_by, due_on = excluded.due_on, rule = excluded.rule, agenda = excluded.agenda""",
                rows.notices(), (p, n) -> {
                    p.setObject(1, n.meeting());
                    p.setObject(2, n.sentAt());
                    p.setDate(3, Date.valueOf(n.sentOn()));
                    p.setString(4, n.sentBy());
                    date(p, 5, n.dueOn());
                    p.setString(6, n.rule());
                    p.setString(7, n.agenda());
                });
        writeDecisions(c, rows);
    }

    /**
     * Attendance, declarations, decisions and recommendations with their answers. The import runs as the database
     * owner, so the row-level security of recommendation_answer does not hold it back. Attendance and declarations
     * are replaced per meeting and per matter: a seat the files no longer list leaves them, so that the stored
     * positions always agree with the decision's snapshot.
     */
    private static void writeDecisions(Connection c, DemoYearPlan.Rows rows) throws SQLException {
        Map<java.util.UUID, List<java.util.UUID>> seatsByMeeting = new LinkedHashMap<>();
        rows.attendance().forEach(a -> seatsByMeeting.computeIfAbsent(a.meeting(), k -> new java.util.ArrayList<>()).add(a.seat()));
        batch(c, "DELETE FROM attendance WHERE meeting_id = ? AND seat_id <> ALL(?)", List.copyOf(seatsByMeeting.entrySet()),
                (p, e) -> {
                    p.setObject(1, e.getKey());
                    p.setArray(2, c.createArrayOf("uuid", e.getValue().toArray()));
                });
        batch(c, """
                INSERT INTO attendance (meeting_id, seat_id, status, substitute_person, recorded_by, recorded_at)
                VALUES (?, ?, ?, NULL, ?, ?)
                ON CONFLICT (meeting_id, seat_id) DO UPDATE SET status = excluded.status,
                    substitute_person = excluded.substitute_person, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at""",
                rows.attendance(), (p, a) -> {
                    p.setObject(1, a.meeting());
                    p.setObject(2, a.seat());
                    p.setString(3, a.status());
                    p.setString(4, a.recordedBy());
                    p.setObject(5, a.recordedAt());
                });
        Map<java.util.UUID, List<java.util.UUID>> seatsByMatter = new LinkedHashMap<>();
        rows.declarations().forEach(d -> seatsByMatter.computeIfAbsent(d.matter(), k -> new java.util.ArrayList<>()).add(d.seat()));
        batch(c, "DELETE FROM declaration WHERE matter_id = ? AND seat_id <> ALL(?)", List.copyOf(seatsByMatter.entrySet()),
                (p, e) -> {
                    p.setObject(1, e.getKey());
                    p.setArray(2, c.createArrayOf("uuid", e.getValue().toArray()));
                });
        batch(c, """
                INSERT INTO declaration (matter_id, seat_id, person_id, position, channel, conveyed_by, text, recorded_by,
                                         declared_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (matter_id, seat_id) DO UPDATE SET person_id = excluded.person_id,
                    position = excluded.position, channel = excluded.channel, conveyed_by = excluded.conveyed_by,
                    text = excluded.text, recorded_by = excluded.recorded_by, declared_at = excluded.declared_at""",
                rows.declarations(), (p, d) -> {
                    p.setObject(1, d.matter());
                    p.setObject(2, d.seat());
                    p.setObject(3, d.person());
                    p.setString(4, d.position());
                    p.setString(5, d.channel());
                    p.setObject(6, d.conveyedBy(), Types.OTHER);
                    p.setString(7, d.text());
                    p.setString(8, d.recordedBy());
                    p.setObject(9, d.declaredAt());
                });
        batch(c, """
                INSERT INTO decision (id, matter_id, meeting_id, text, outcome, supporting, not_supporting, rule, snapshot,
                                      decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (id) DO UPDATE SET matter_id = excluded.matter_id, meeting_id = excluded.meeting_id,
                    text = excluded.text, outcome = excluded.outcome, supporting = excluded.supporting,
                    not_supporting = excluded.not_supporting, rule = excluded.rule, snapshot = excluded.snapshot,
                    decided_by = excluded.decided_by, decided_at = excluded.decided_at""",
                rows.decisions(), (p, d) -> {
                    p.setObject(1, d.id());
                    p.setObject(2, d.matter());
                    p.setObject(3, d.meeting());
                    p.setString(4, d.text());
                    p.setString(5, d.outcome());
                    p.setArray(6, c.createArrayOf("text", d.supporting().toArray()));
                    p.setArray(7, c.createArrayOf("text", d.notSupporting().toArray()));
                    p.setString(8, d.rule());
                    p.setString(9, d.snapshot());
                    p.setString(10, d.decidedBy());
                    p.setObject(11, d.decidedAt());
                });
        batch(c, """
                INSERT INTO recommendation (id, decision_id, body_id, text, rule, issued_by, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET decision_id = excluded.decision_id, body_id = excluded.body_id,
                    text = excluded.text, rule = excluded.rule, issued_by = excluded.issued_by,
                    issued_at = excluded.issued_at""",
                rows.recommendations(), (p, r) -> {
                    p.setObject(1, r.id());
                    p.setObject(2, r.decision());
                    p.setObject(3, r.body().value());
                    p.setString(4, r.text());
                    p.setString(5, r.rule());
                    p.setString(6, r.issuedBy());
                    p.setObject(7, r.issuedAt());
                });
        batch(c, """
                INSERT INTO recommendation_recipient (recommendation_id, committee_id, party_code) VALUES (?, ?, ?)
                ON CONFLICT (recommendation_id, committee_id) DO UPDATE SET party_code = excluded.party_code""",
                rows.recipients(), (p, r) -> {
                    p.setObject(1, r.recommendation());
                    p.setObject(2, r.committee());
                    p.setString(3, r.partyCode());
                });
        batch(c, """
                INSERT INTO recommendation_answer (id, recommendation_id, committee_id, party_code, answer, text,
                                                   answered_on, state, written_by, updated_at, sent_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (id) DO UPDATE SET recommendation_id = excluded.recommendation_id,
                    committee_id = excluded.committee_id, party_code = excluded.party_code, answer = excluded.answer,
                    text = excluded.text, answered_on = excluded.answered_on, state = excluded.state,
                    written_by = excluded.written_by, updated_at = excluded.updated_at, sent_at = excluded.sent_at""",
                rows.answers(), (p, a) -> {
                    p.setObject(1, a.id());
                    p.setObject(2, a.recommendation());
                    p.setObject(3, a.committee());
                    p.setString(4, a.partyCode());
                    p.setString(5, a.answer());
                    p.setString(6, a.text());
                    p.setDate(7, Date.valueOf(a.answeredOn()));
                    p.setString(8, a.state());
                    p.setString(9, a.writtenBy());
                    p.setObject(10, a.updatedAt());
                    p.setObject(11, a.sentAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                });
    }
}
