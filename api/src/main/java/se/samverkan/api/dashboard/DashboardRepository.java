package se.samverkan.api.dashboard;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.api.compliance.ComplianceRepository;

/**
 * The dashboard's figures, each kind aggregated in one statement over every body of the counties asked. Times are
 * counted in the year of Europe/Stockholm, as the bodies keep their calendars.
 */
@Repository
class DashboardRepository {

    /** One body's counts in the year, with the minimum and notice rule of the rulebook in force at the year's end. */
    record BodyFigures(UUID body, String county, @Nullable String rulebookVersion, @Nullable Integer minimum,
            @Nullable String minimumRule, @Nullable String noticeRule, @Nullable LocalDate nextRevisionDue,
            int held, int planned, int cancelled, int extra, int noticesOnTime, int noticesLate,
            int decided, @Nullable Double medianDaysToDecision, int recommendationsIssued) {
    }

    record StateCount(UUID body, String state, int count) {
    }

    record DecisionCount(UUID body, @Nullable String category, String outcome, int count) {
    }

    record PartyAnswers(String county, String party, int received, int adopted, int adoptedWithChanges, int declined) {
    }

    /** {@code column} lies in the year {@code :year} of Europe/Stockholm. */
    private static String inYear(String column) {
        return " " + column + " >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Stockholm') AND " + column
                + " < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')\n";
    }

    /** The bodies of the counties that existed at some time during the year. */
    private static final String BODIES = """
            b AS (SELECT id, county_code, name FROM body
                  WHERE county_code = ANY(:counties)
                    AND (valid_from IS NULL OR valid_from <= make_date(:year, 12, 31))
                    AND (valid_to IS NULL OR valid_to >= make_date(:year, 1, 1)))
            """;

    private final DatabaseClient db;

    DashboardRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Every body's figures, ordered by county and name. Preparation meetings are the preparation group's work for the
     * body, not meetings of the body's own (as in {@code Body.compliance}).
     */
    Mono<List<BodyFigures>> bodies(List<String> counties, int year) {
        return db.sql("WITH " + BODIES + """
                , meetings AS (""" + ComplianceRepository.meetingCounts("m.body_id IN (SELECT id FROM b)") + ")" + """

                , rulebooks AS (
                    SELECT DISTINCT ON (body_id) body_id, version, next_revision_due,
                           (document -> 'meetingMinimum' ->> 'perYear')::int AS minimum,
                           document -> 'meetingMinimum' ->> 'rule' AS minimum_rule,
                           document -> 'notice' ->> 'rule' AS notice_rule
                    FROM rulebook
                    WHERE body_id IN (SELECT id FROM b) AND in_force_from <= make_date(:year, 12, 31)
                    ORDER BY body_id, in_force_from DESC)
                , decisions AS (
                    SELECT d.body_id, count(*) AS decided,
                           percentile_cont(0.5) WITHIN GROUP (
                               ORDER BY extract(epoch FROM d.decided_at - mt.submitted_at) / 86400) AS median_days
                    FROM decision d JOIN matter mt ON mt.id = d.matter_id
                    WHERE d.body_id IN (SELECT id FROM b) AND\s""" + inYear("d.decided_at") + """
                    GROUP BY d.body_id)
                , recommendations AS (
                    SELECT body_id, count(*) AS issued FROM recommendation
                    WHERE body_id IN (SELECT id FROM b) AND\s""" + inYear("issued_at") + """
                    GROUP BY body_id)
                SELECT b.id, b.county_code, r.version, r.minimum, r.minimum_rule, r.notice_rule, r.next_revision_due,
                       m.held, m.planned, m.cancelled, m.extra, m.on_time, m.late,
                       d.decided, d.median_days, rec.issued
                FROM b
                LEFT JOIN meetings m ON m.body_id = b.id
                LEFT JOIN rulebooks r ON r.body_id = b.id
                LEFT JOIN decisions d ON d.body_id = b.id
                LEFT JOIN recommendations rec ON rec.body_id = b.id
                ORDER BY b.county_code, b.name COLLATE "sv-SE-x-icu", b.id""")
                .bind("counties", counties.toArray(String[]::new)).bind("year", year)
                .map(r -> new BodyFigures(r.get("id", UUID.class), r.get("county_code", String.class),
                        r.get("version", String.class), r.get("minimum", Integer.class),
                        r.get("minimum_rule", String.class), r.get("notice_rule", String.class),
                        r.get("next_revision_due", LocalDate.class),
                        count(r, "held"), count(r, "planned"), count(r, "cancelled"), count(r, "extra"),
                        count(r, "on_time"), count(r, "late"), count(r, "decided"),
                        r.get("median_days", Double.class), count(r, "issued")))
                .all().collectList();
    }

    /** The matters submitted in the year, per body and state. */
    Mono<List<StateCount>> mattersByState(List<String> counties, int year) {
        return db.sql("WITH " + BODIES + """
                 SELECT body_id, state, count(*) AS n FROM matter
                 WHERE body_id IN (SELECT id FROM b) AND\s""" + inYear("submitted_at") + """
                 GROUP BY body_id, state""")
                .bind("counties", counties.toArray(String[]::new)).bind("year", year)
                .map(r -> new StateCount(r.get("body_id", UUID.class), r.get("state", String.class), count(r, "n")))
                .all().collectList();
    }

    /** The decisions taken in the year, per body, decision category and outcome. */
    Mono<List<DecisionCount>> decisions(List<String> counties, int year) {
        return db.sql("WITH " + BODIES + """
                 SELECT d.body_id, mt.decision_category, d.outcome, count(*) AS n
                 FROM decision d JOIN matter mt ON mt.id = d.matter_id
                 WHERE d.body_id IN (SELECT id FROM b) AND\s""" + inYear("d.decided_at") + """
                 GROUP BY d.body_id, mt.decision_category, d.outcome
                 ORDER BY d.body_id, mt.decision_category, d.outcome""")
                .bind("counties", counties.toArray(String[]::new)).bind("year", year)
                .map(r -> new DecisionCount(r.get("body_id", UUID.class), r.get("decision_category", String.class),
                        r.get("outcome", String.class), count(r, "n")))
                .all().collectList();
    }

    /**
     * The answers to the recommendations the counties' bodies issued in the year, per receiving party. Only sent
     * answers count: a draft is its party's own (row-level security shows it to that party alone), and the dashboard
     * is the same for every caller.
     */
    Mono<List<PartyAnswers>> answersByParty(List<String> counties, int year) {
        return db.sql("WITH " + BODIES + """
                 SELECT b.county_code, rr.party_code, count(*) AS received,
                        count(a.id) FILTER (WHERE a.answer = 'ADOPTED') AS adopted,
                        count(a.id) FILTER (WHERE a.answer = 'ADOPTED_WITH_CHANGES') AS adopted_with_changes,
                        count(a.id) FILTER (WHERE a.answer = 'DECLINED') AS declined
                 FROM recommendation r
                 JOIN b ON b.id = r.body_id
                 JOIN recommendation_recipient rr ON rr.recommendation_id = r.id
                 LEFT JOIN recommendation_answer a ON a.recommendation_id = rr.recommendation_id
                                                  AND a.committee_id = rr.committee_id AND a.state = 'SENT'
                 WHERE\s""" + inYear("r.issued_at") + """
                 GROUP BY b.county_code, rr.party_code""")
                .bind("counties", counties.toArray(String[]::new)).bind("year", year)
                .map(r -> new PartyAnswers(r.get("county_code", String.class), r.get("party_code", String.class),
                        count(r, "received"), count(r, "adopted"), count(r, "adopted_with_changes"),
                        count(r, "declined")))
                .all().collectList();
    }

    private static int count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.intValue();
    }
}
