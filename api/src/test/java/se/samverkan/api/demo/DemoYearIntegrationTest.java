package se.samverkan.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.domain.meeting.MatterState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo year of the dev profile (demo/meetings/blekinge.yaml) over GraphQL against real PostgreSQL: a year of LSVO and
 * PSVO meetings on each side of today, matters in every state, and a reload that changes nothing.
 *
 * <p>Other tests of the same context schedule meetings of their own (e.g. a LSVO meeting on 2027-01-28), so the
 * meeting counts look at the demo's meetings, known by their derived ids.
 */
class DemoYearIntegrationTest extends IntegrationTest {

    private static final String MEETINGS = """
            query($s: String, $y: Int) { body(county: "blekinge", shortName: $s) { meetings(year: $y, first: 500) {
              totalCount
              edges { node { id state kind date
                             notice { onTime sentOn dueOn rule agenda { position kind rule matter { id state } } }
                             preparationMeeting { date kind state body { shortName } preparesFor { date } } } } } } }""";

    @Autowired
    Flyway flyway;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient db;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> meetings(HttpGraphQlTester as, String body, int year) {
        return (List<Map<String, Object>>) (List<?>) as.document(MEETINGS).variable("s", body).variable("y", year).execute()
                .path("body.meetings.edges[*].node").entityList(Map.class).get();
    }

    /** The demo's own meetings of a body in a year: those whose id derives from (county, body, date). */
    private List<Map<String, Object>> demoMeetings(String body, int year) {
        List<Map<String, Object>> all = meetings(as("sekreterare.lsvo"), body, year);
        assertThat(all).isNotEmpty();
        return all.stream().filter(m -> {
            UUID id = GlobalId.uuidOf((String) m.get("id"), "Meeting").orElseThrow();
            return id.equals(DemoYearReader.meetingId("blekinge", body, LocalDate.parse((String) m.get("date"))));
        }).toList();
    }

    private static long count(List<Map<String, Object>> meetings, String key, String value) {
        return meetings.stream().filter(m -> value.equals(m.get(key))).count();
    }

    @Test
    void LSVO_06_LSVO_21_eightOrdinaryLsvoMeetingsPlannedFor2027OneOfThemCancelled() {
        List<Map<String, Object>> y2027 = demoMeetings("LSVO", 2027);
        assertThat(y2027).extracting(m -> m.get("date")).containsExactly("2027-01-28", "2027-03-04", "2027-04-15",
                "2027-05-27", "2027-06-17", "2027-09-16", "2027-10-21", "2027-12-09");
        assertThat(y2027).allSatisfy(m -> assertThat(m.get("kind")).isEqualTo("ORDINARY"));
        assertThat(count(y2027, "state", "CANCELLED")).isEqualTo(1);
        assertThat(count(y2027, "state", "PLANNED")).isEqualTo(7);
        assertThat(as("sekreterare.lsvo").document("""
                { body(county: "blekinge", shortName: "LSVO") { meetings(year: 2027) { totalCount } } }""")
                .execute().path("body.meetings.totalCount").entity(Integer.class).get()).isGreaterThanOrEqualTo(8);
        assertThat(db.sql("SELECT cancel_reason FROM meeting WHERE id = :id")
                .bind("id", DemoYearReader.meetingId("blekinge", "LSVO", LocalDate.parse("2027-06-17")))
                .map(r -> r.get("cancel_reason", String.class)).one().block()).isEqualTo("Hög frånvaro (LSVO-21)");
    }

    @Test
    void LSVO_08_a2026OfEightOrdinaryLsvoMeetingsAndAnExtraOneWithOneLateNotice() {
        List<Map<String, Object>> y2026 = demoMeetings("LSVO", 2026);
        assertThat(count(y2026, "kind", "ORDINARY")).isGreaterThanOrEqualTo(8);
        assertThat(count(y2026, "kind", "EXTRA")).isEqualTo(1);
        assertThat(y2026.stream().filter(m -> !"HELD".equals(m.get("state"))))
                .extracting(m -> m.get("date") + " " + m.get("state")).containsExactly("2026-12-03 NOTICE_SENT");
        // every notice's due day comes from the rulebook (LSVO-08: 10 weekdays); the one after the summer went out late
        List<Map<?, ?>> notices = y2026.stream().<Map<?, ?>>map(m -> (Map<?, ?>) m.get("notice")).toList();
        assertThat(notices).allSatisfy(n -> assertThat(n.get("rule")).isEqualTo("LSVO-08"));
        assertThat(notices).filteredOn(n -> Boolean.FALSE.equals(n.get("onTime")))
                .extracting(n -> n.get("dueOn") + " " + n.get("sentOn")).containsExactly("2026-09-03 2026-09-05");
        assertThat(notices).filteredOn(n -> Boolean.TRUE.equals(n.get("onTime")))
                .allSatisfy(n -> assertThat(n.get("sentOn")).isEqualTo(n.get("dueOn"))).hasSize(8);
        Map<?, ?> december = (Map<?, ?>) y2026.getLast().get("notice");
        assertThat(december.get("dueOn")).isEqualTo("2026-11-19");
        assertThat((List<?>) december.get("agenda")).extracting(i -> (Object) ((Map<?, ?>) ((Map<?, ?>) i).get("matter")).get("state"))
                .containsExactly("ON_AGENDA", "ON_AGENDA");
    }

    @Test
    void PSVO_05_PSVO_06_atLeastFourPsvoMeetingsEachYearWithNoticesSevenDaysAhead() {
        List<Map<String, Object>> y2026 = demoMeetings("PSVO", 2026);
        List<Map<String, Object>> y2027 = demoMeetings("PSVO", 2027);
        assertThat(y2026).hasSizeGreaterThanOrEqualTo(4).allSatisfy(m -> {
            assertThat(m.get("state")).isEqualTo("HELD");
            Map<?, ?> notice = (Map<?, ?>) m.get("notice");
            assertThat(notice.get("onTime")).isEqualTo(true);
            assertThat(notice.get("rule")).isEqualTo("PSVO-06");
            assertThat(LocalDate.parse((String) notice.get("dueOn")))
                    .isEqualTo(LocalDate.parse((String) m.get("date")).minusDays(7));
            // PSVO-08: LSVO's minutes are a standing item
            assertThat((List<?>) notice.get("agenda")).extracting(i -> (Object) ((Map<?, ?>) i).get("kind")).contains("MINUTES_OF_BODY");
        });
        assertThat(y2027).hasSizeGreaterThanOrEqualTo(4).allSatisfy(m -> assertThat(m.get("state")).isEqualTo("PLANNED"));
    }

    @Test
    void LSVO_24_the28January2027MeetingHasItsPreparationGroupMeetingOn8January() {
        Map<String, Object> meeting = demoMeetings("LSVO", 2027).getFirst();
        assertThat(meeting.get("date")).isEqualTo("2027-01-28");
        assertThat((Map<?, ?>) meeting.get("preparationMeeting")).isEqualTo(Map.of("date", "2027-01-08",
                "kind", "PREPARATION", "state", "PLANNED", "body", Map.of("shortName", "LSVO-BG"),
                "preparesFor", Map.of("date", "2027-01-28")));
    }

    @Test
    void theSecretarySeesLsvoMattersInEveryStateAndTheForwardedOnesLink() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        // the triaged matters sit on the 2027-01-28 meeting, prepared and anchored, in agenda order (LSVO-23, LSVO-09)
        UUID january = DemoYearReader.meetingId("blekinge", "LSVO", LocalDate.parse("2027-01-28"));
        secretary.document("query($m: ID!) { meeting(id: $m) { matters { state agendaPosition prepared anchored } } }")
                .variable("m", new GlobalId("Meeting", january.toString()).encode()).execute()
                .path("meeting.matters").entityList(Map.class).isEqualTo(List.of(
                        Map.of("state", "TRIAGED", "agendaPosition", 1, "prepared", true, "anchored", true),
                        Map.of("state", "TRIAGED", "agendaPosition", 2, "prepared", true, "anchored", true)));

        // LSVO-28: the forwarded matter's copy in PSVO points back to it
        UUID original = DemoYearReader.matterId("blekinge", "lsvo-suicidprevention-strategi");
        secretary.document("""
                query($m: ID!) { matter(id: $m) { state documents { sha256 }
                    forwardedTo { state body { shortName } documents { sha256 } forwardedFrom { id } } } }""")
                .variable("m", new GlobalId("Matter", original.toString()).encode()).execute()
                .path("matter.state").entity(String.class).isEqualTo("FORWARDED")
                .path("matter.forwardedTo[0].body.shortName").entity(String.class).isEqualTo("PSVO")
                .path("matter.forwardedTo[0].forwardedFrom.id").entity(String.class)
                .isEqualTo(new GlobalId("Matter", original.toString()).encode())
                .path("matter.documents[0].sha256").entity(String.class).isEqualTo(DemoYearPlan.sha256("""
                        Strategi för suicidprevention i Blekinge 2027–2030
                        Insatsområden: kunskap, tidig upptäckt, stöd till efterlevande.
                        """.getBytes(StandardCharsets.UTF_8)))
                .path("matter.forwardedTo[0].documents[0].sha256").entity(String.class)
                .isEqualTo(DemoYearPlan.sha256("""
                        Strategi för suicidprevention i Blekinge 2027–2030
                        Insatsområden: kunskap, tidig upptäckt, stöd till efterlevande.
                        """.getBytes(StandardCharsets.UTF_8)));
        // every stored hash is the hash of the stored content
        assertThat(db.sql("SELECT count(*) AS n FROM document WHERE sha256 <> encode(sha256(content), 'hex') OR size <> length(content)")
                .map(r -> r.get("n", Long.class)).one().block()).isZero();

        // LSVO: a matter in every state there is
        List<String> states = secretary.document("""
                { body(county: "blekinge", shortName: "LSVO") { matters(first: 200) { edges { node { state } } } } }""")
                .execute().path("body.matters.edges[*].node.state").entityList(String.class).get();
        assertThat(Set.copyOf(states)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(MatterState.values()).map(Enum::name).toList());
    }

    // ------------------------------------------------------------------------------------------------------ reload

    private void reload() {
        Flyway.configure().configuration(flyway.getConfiguration())
                .callbacks(new DemoYearImport(new DemoYearProperties(true, List.of()), json))
                .load().migrate();
    }

    private Map<String, Long> counts() {
        return db.sql("""
                SELECT 'meeting' AS t, count(*) AS n FROM meeting UNION ALL SELECT 'matter', count(*) FROM matter
                UNION ALL SELECT 'document', count(*) FROM document UNION ALL SELECT 'notice', count(*) FROM notice""")
                .map(r -> Map.entry(r.get("t", String.class), r.get("n", Long.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    /** Every row of the tables the demo year writes, as text: reloading must give exactly this again. */
    private String rows() {
        return db.sql("""
                SELECT string_agg(x, E'\\n' ORDER BY x) AS rows FROM (
                  SELECT m::text AS x FROM meeting m UNION ALL SELECT t::text FROM matter t
                  UNION ALL SELECT d::text FROM document d UNION ALL SELECT n::text FROM notice n) r""")
                .map(r -> r.get("rows", String.class)).one().block();
    }

    @Test
    void reloadingTheDemoYearChangesNothing() {
        Map<String, Long> before = counts();
        assertThat(before.get("meeting")).isGreaterThanOrEqualTo(26);
        reload();
        String once = rows();
        assertThat(counts()).isEqualTo(before);
        reload();
        assertThat(counts()).isEqualTo(before);
        assertThat(rows()).isEqualTo(once);
    }

    // ---------------------------------------------------------------------------------------------------- validation

    private static Map<String, Supplier<InputStream>> file(String name, String yaml) {
        return Map.of(name, () -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMalformedFileIsRefusedWithEveryProblemByFileAndLine() {
        assertThatThrownBy(() -> DemoYearReader.read(file("demo/meetings/bad.yaml", """
                county: blekinge
                bodies:
                  - {body: LSVO, time: "09:00", location: Karlskrona, scheduledBy: sekreterare.lsvo}
                meetings:
                  - {body: LSVO, date: 2027-01-30, state: PLANNED}
                  - {body: LSVO, date: 2027-02-04, state: HELD}
                  - {body: LSVO, date: 2027-02-11, state: PLANED}
                matters:
                  - {key: a, body: LSVO, title: T, description: D, type: DECISION, submittedBy: x, submitted: 2026-11-01, state: SUBMITTED}
                  - {key: b, body: LSVO, title: T, description: D, type: INFORMATION, submittedBy: x, submitted: 2026-11-01,
                     state: TRIAGED, meeting: 2027-03-04, prepared: true, anchored: true}
                  - {key: c, body: LSVO, title: T, description: D, type: INFORMATION, submittedBy: x, submitted: 2026-11-01,
                     state: SUBMITTED, colour: red}
                """)))
                .isInstanceOf(DemoYearException.class)
                .satisfies(e -> assertThat(((DemoYearException) e).problems().stream().map(Object::toString).toList())
                        .hasSize(6)
                        .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/bad.yaml:5: 2027-01-30 is not a working day (IMP-01)"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/bad.yaml:6: a meeting that is HELD needs its 'notice'"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/bad.yaml:7: 'state' is 'PLANED', expected one of "
                                + "PLANNED, NOTICE_SENT, HELD, CANCELLED"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/bad.yaml:9: LSVO-17: a decision matter needs its "
                                + "decision category (FORUM_WIDE, SUBJECT_AREA or FINANCIAL)"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/bad.yaml:10: no meeting of LSVO on 2027-03-04 is declared"))
                        .anySatisfy(p -> assertThat(p).startsWith("demo/meetings/bad.yaml:13: unknown key 'colour'")));
    }
}
