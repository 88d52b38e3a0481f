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
                + rows[0].matters().size() + " matters, " + rows[0].documents().size() + " documents in "
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
    }
}
