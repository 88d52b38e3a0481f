package se.samverkan.api.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.structure.BodyId;

/** The year's counts per body, aggregated in PostgreSQL: one statement per kind of count for all bodies asked. */
@Repository
public class ComplianceRepository {

    /** Meeting counts of one body in one year; preparation-group meetings are not meetings of the body's own. */
    record MeetingCounts(int held, int planned, int cancelled, int extra, int noticesOnTime, int noticesLate) {

        static final MeetingCounts NONE = new MeetingCounts(0, 0, 0, 0, 0, 0);
    }

    /** A meeting of the year that is planned and has no notice yet: overdue once its notice due date has passed. */
    record Unnoticed(BodyId body, LocalDate date) {
    }

    private static final String IN_YEAR = """
            starts_at >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Stockholm')
            AND starts_at < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')""";

    private final DatabaseClient db;

    ComplianceRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The year's ({@code :year}) meeting and notice counts per body, for the bodies the filter selects: held, planned,
     * cancelled, extra, notices on time and late. Preparation meetings are the preparation group's work for the body,
     * not meetings of its own. Shared with the dashboard, so that both count alike.
     */
    public static String meetingCounts(String bodyFilter) {
        return """
                SELECT m.body_id,
                       count(*) FILTER (WHERE m.state = 'HELD') AS held,
                       count(*) FILTER (WHERE m.state IN ('PLANNED', 'NOTICE_SENT')) AS planned,
                       count(*) FILTER (WHERE m.state = 'CANCELLED') AS cancelled,
                       count(*) FILTER (WHERE m.kind = 'EXTRA' AND m.state <> 'CANCELLED') AS extra,
                       count(n.meeting_id) FILTER (WHERE n.due_on IS NULL OR n.sent_on <= n.due_on) AS on_time,
                       count(n.meeting_id) FILTER (WHERE n.sent_on > n.due_on) AS late
                FROM meeting m LEFT JOIN notice n ON n.meeting_id = m.id
                WHERE\s""" + bodyFilter + " AND m.kind <> 'PREPARATION' AND " + IN_YEAR.replace("starts_at", "m.starts_at")
                + "\nGROUP BY m.body_id";
    }

    Mono<Map<BodyId, MeetingCounts>> meetingCounts(Collection<BodyId> bodies, int year) {
        return db.sql(meetingCounts("m.body_id = ANY(:ids)"))
                .bind("ids", ids(bodies)).bind("year", year)
                .map(r -> Map.entry(new BodyId(r.get("body_id", UUID.class)), new MeetingCounts(
                        count(r.get("held", Long.class)), count(r.get("planned", Long.class)),
                        count(r.get("cancelled", Long.class)), count(r.get("extra", Long.class)),
                        count(r.get("on_time", Long.class)), count(r.get("late", Long.class)))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<List<Unnoticed>> unnoticed(Collection<BodyId> bodies, int year) {
        return db.sql("""
                SELECT m.body_id, m.starts_at FROM meeting m
                WHERE m.body_id = ANY(:ids) AND m.kind <> 'PREPARATION' AND m.state = 'PLANNED' AND\s"""
                + IN_YEAR.replace("starts_at", "m.starts_at"))
                .bind("ids", ids(bodies)).bind("year", year)
                .map(r -> new Unnoticed(new BodyId(r.get("body_id", UUID.class)),
                        Objects.requireNonNull(r.get("starts_at", OffsetDateTime.class)).atZoneSameInstant(
                                se.samverkan.domain.meeting.Meeting.ZONE).toLocalDate()))
                .all().collectList();
    }

    /** The year's matters (by submission) per body and state. */
    Mono<Map<BodyId, Map<String, Integer>>> mattersByState(Collection<BodyId> bodies, int year) {
        return db.sql("""
                SELECT body_id, state, count(*) AS n FROM matter
                WHERE body_id = ANY(:ids) AND\s""" + IN_YEAR.replace("starts_at", "submitted_at") + """
                 GROUP BY body_id, state""")
                .bind("ids", ids(bodies)).bind("year", year)
                .map(r -> new Object[] {new BodyId(r.get("body_id", UUID.class)), r.get("state", String.class),
                        count(r.get("n", Long.class))})
                .all().collectList()
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> (BodyId) row[0],
                        Collectors.toMap(row -> (String) row[1], row -> (Integer) row[2]))));
    }

    private static UUID[] ids(Collection<BodyId> bodies) {
        return bodies.stream().map(BodyId::value).toArray(UUID[]::new);
    }

    private static int count(Long value) {
        return value == null ? 0 : value.intValue();
    }
}
