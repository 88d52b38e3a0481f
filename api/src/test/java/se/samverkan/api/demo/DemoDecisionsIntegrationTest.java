package se.samverkan.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo year's decisions and recommendations (issue 4, item 6) over GraphQL against real PostgreSQL: decided LSVO
 * matters of all three categories with outcomes computed per party under the rulebook's quorum rules, the matter
 * postponed for lack of declarations, and a recommendation whose answers are seen only as row-level security allows.
 */
class DemoDecisionsIntegrationTest extends IntegrationTest {

    private static final UUID RECOMMENDATION = DemoYearReader.recommendationId("blekinge", "lsvo-barnahus-samordnare-bun");

    @Autowired
    Flyway flyway;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient db;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> decidedLsvoMatters() {
        return (List<Map<String, Object>>) (List<?>) as("sekreterare.lsvo").document("""
                { body(county: "blekinge", shortName: "LSVO") { matters(state: DECIDED, first: 200) { edges { node {
                    id decisionCategory meeting { date }
                    decision { outcome supporting { code } notSupporting { code } rule } } } } } }""")
                .execute().path("body.matters.edges[*].node").entityList(Map.class).get();
    }

    private static String demoId(Map<String, Object> matter) {
        return (String) matter.get("id");
    }

    @Test
    void LSVO_16_LSVO_17_LSVO_18_LSVO_19_decidedLsvoMattersOf2026HaveOutcomesUnderTheirCategoriesQuorumRules() {
        List<Map<String, Object>> demo = decidedLsvoMatters().stream()
                .filter(m -> m.get("meeting") != null && ((String) ((Map<?, ?>) m.get("meeting")).get("date")).startsWith("2026-"))
                .filter(m -> List.of("lsvo-verksamhetsplan-2026", "lsvo-utskrivningsrutin", "lsvo-barnahus-samordnare",
                        "lsvo-remissvar-kompetensforsorjning").stream().anyMatch(k -> new GlobalId("Matter",
                        DemoYearReader.matterId("blekinge", k).toString()).encode().equals(demoId(m))))
                .toList();
        assertThat(demo).hasSize(4).allSatisfy(m -> assertThat(m.get("decision")).isNotNull());
        assertThat(demo).extracting(m -> m.get("decisionCategory") + " " + ((Map<?, ?>) m.get("decision")).get("rule"))
                .containsExactlyInAnyOrder("FORUM_WIDE LSVO-17", "SUBJECT_AREA LSVO-18", "FINANCIAL LSVO-19",
                        "FORUM_WIDE LSVO-17");

        Map<?, ?> financial = demo.stream().filter(m -> "FINANCIAL".equals(m.get("decisionCategory")))
                .map(m -> (Map<?, ?>) m.get("decision")).findFirst().orElseThrow();
        assertThat(financial.get("outcome")).isEqualTo("ADOPTED_BY_SOME");
        assertThat(List.copyOf((List<?>) financial.get("notSupporting"))).<Object>extracting(p -> ((Map<?, ?>) p).get("code"))
                .containsExactly("olofstrom");
        assertThat(List.copyOf((List<?>) financial.get("supporting"))).<Object>extracting(p -> ((Map<?, ?>) p).get("code"))
                .containsExactlyInAnyOrder("karlshamn", "karlskrona", "ronneby", "solvesborg", "region-blekinge");
        assertThat(demo.stream().filter(m -> !"FINANCIAL".equals(m.get("decisionCategory"))))
                .allSatisfy(m -> {
                    Map<?, ?> d = (Map<?, ?>) m.get("decision");
                    assertThat(d.get("outcome")).isEqualTo("ADOPTED_BY_ALL");
                    assertThat((List<?>) d.get("notSupporting")).isEmpty();
                });

        // the snapshot names every entitled seat (20 municipal, 5 regional) and how each declared (LSVO-20)
        UUID subjectArea = DemoYearReader.decisionId("blekinge", "lsvo-utskrivningsrutin");
        List<Map<String, Object>> snapshot = snapshot(subjectArea);
        assertThat(snapshot).hasSize(25);
        assertThat(snapshot).extracting(e -> e.get("channel")).contains("EMAIL_TO_SECRETARY", "VIA_MEMBER", "IN_MEETING");
        assertThat(snapshot).filteredOn(e -> Boolean.FALSE.equals(e.get("present"))).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("position")).isEqualTo("SUPPORT"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> snapshot(UUID decision) {
        String text = db.sql("SELECT snapshot::text AS s FROM decision WHERE id = :id").bind("id", decision)
                .map(r -> r.get("s", String.class)).one().block();
        return (List<Map<String, Object>>) (List<?>) json.readValue(text, List.class);
    }

    @Test
    void LSVO_18_LSVO_21_theMatterPostponedForLackOfDeclarationsHasNoDecisionAndTooFewPositions() {
        UUID matter = DemoYearReader.matterId("blekinge", "lsvo-lakemedelshantering");
        as("sekreterare.lsvo").document("query($m: ID!) { matter(id: $m) { state decision { outcome } } }")
                .variable("m", new GlobalId("Matter", matter.toString()).encode()).execute()
                .path("matter.state").entity(String.class).isEqualTo("POSTPONED")
                .path("matter.decision").valueIsNull();
        // 25 seats with a mandate; the two absent elderly-care heads (LSVO-18: aldre) sent no position
        assertThat(db.sql("SELECT count(*) AS n FROM declaration WHERE matter_id = :m").bind("m", matter)
                .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(23L);
        assertThat(db.sql("SELECT count(*) AS n FROM attendance WHERE meeting_id = :m AND status = 'ABSENT'")
                .bind("m", DemoYearReader.meetingId("blekinge", "LSVO", java.time.LocalDate.parse("2026-10-22")))
                .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(2L);
    }

    private static final String RECIPIENTS = """
            query($r: ID!) { recommendation(id: $r) { rule recipients { committee { code party { code } }
                answer { answer state } } } }""";

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> answers(HttpGraphQlTester as) {
        List<Map<String, Object>> recipients = (List<Map<String, Object>>) (List<?>) as.document(RECIPIENTS)
                .variable("r", new GlobalId("Recommendation", RECOMMENDATION.toString()).encode()).execute()
                .path("recommendation.rule").entity(String.class).isEqualTo("LSVO-27")
                .path("recommendation.recipients").entityList(Map.class).get();
        Map<String, Map<String, Object>> byParty = new java.util.TreeMap<>();
        recipients.forEach(r -> byParty.put((String) ((Map<?, ?>) ((Map<?, ?>) r.get("committee")).get("party")).get("code"),
                (Map<String, Object>) r.get("answer")));
        return byParty;
    }

    @Test
    void LSVO_27_theRecommendationsAnswersAreSeenAsRowLevelSecurityAllows() {
        // an LSVO member of Ronneby: the other parties' sent answers and Ronneby's own draft
        Map<String, Map<String, Object>> member = answers(as("skolchef.ronneby"));
        assertThat(member.keySet()).containsExactly("karlskrona", "olofstrom", "ronneby");
        assertThat(member.get("karlskrona")).isEqualTo(Map.of("answer", "ADOPTED", "state", "SENT"));
        assertThat(member.get("olofstrom")).isEqualTo(Map.of("answer", "DECLINED", "state", "SENT"));
        assertThat(member.get("ronneby")).isEqualTo(Map.of("answer", "ADOPTED_WITH_CHANGES", "state", "DRAFT"));

        // a reader of Ronneby sees the party's own draft
        assertThat(answers(as("handlaggare.ronneby")).get("ronneby"))
                .isEqualTo(Map.of("answer", "ADOPTED_WITH_CHANGES", "state", "DRAFT"));

        // an LSVO member of another party sees the sent answers but never Ronneby's draft
        Map<String, Map<String, Object>> other = answers(as("aldrechef.karlskrona"));
        assertThat(other.get("karlskrona")).isEqualTo(Map.of("answer", "ADOPTED", "state", "SENT"));
        assertThat(other.get("olofstrom")).isEqualTo(Map.of("answer", "DECLINED", "state", "SENT"));
        assertThat(other.get("ronneby")).isNull();
    }

    // ------------------------------------------------------------------------------------------------------ reload

    private String rows() {
        return db.sql("""
                SELECT string_agg(x, E'\\n' ORDER BY x) AS rows FROM (
                  SELECT a::text AS x FROM attendance a UNION ALL SELECT d::text FROM declaration d
                  UNION ALL SELECT d::text FROM decision d UNION ALL SELECT r::text FROM recommendation r
                  UNION ALL SELECT r::text FROM recommendation_recipient r) r""")
                .map(r -> r.get("rows", String.class)).one().block();
    }

    @Test
    void reloadingTheDecisionsAndRecommendationsChangesNothing() {
        Flyway.configure().configuration(flyway.getConfiguration())
                .callbacks(new DemoYearImport(new DemoYearProperties(true, List.of()), json)).load().migrate();
        String once = rows();
        Flyway.configure().configuration(flyway.getConfiguration())
                .callbacks(new DemoYearImport(new DemoYearProperties(true, List.of()), json)).load().migrate();
        assertThat(rows()).isEqualTo(once);
        assertThat(once).contains(DemoYearReader.decisionId("blekinge", "lsvo-barnahus-samordnare").toString());
    }

    // ---------------------------------------------------------------------------------------------------- validation

    private static Map<String, Supplier<InputStream>> file(String name, String yaml) {
        return Map.of(name, () -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void declarationsAndDecisionsAreReadStrictly() {
        assertThatThrownBy(() -> DemoYearReader.read(file("demo/meetings/bad.yaml", """
                county: blekinge
                bodies:
                  - {body: LSVO, time: "09:00", location: Karlskrona, scheduledBy: sekreterare.lsvo}
                meetings:
                  - {body: LSVO, date: 2027-02-04, state: PLANNED, absent: [karlshamn-aldre]}
                matters:
                  - {key: a, body: LSVO, title: T, description: D, type: DECISION, decisionCategory: FORUM_WIDE,
                     submittedBy: x, submitted: 2026-11-01, state: SUBMITTED, decision: {text: X}}
                  - {key: b, body: LSVO, title: T, description: D, type: DECISION, decisionCategory: FORUM_WIDE,
                     submittedBy: x, submitted: 2026-11-01, state: SUBMITTED,
                     declarations: [{seat: karlshamn-aldre, position: SUPPORT, channel: VIA_MEMBER}]}
                  - {key: c, body: LSVO, title: T, description: D, type: DECISION, decisionCategory: FORUM_WIDE,
                     submittedBy: x, submitted: 2026-11-01, state: SUBMITTED, decision: {text: X, colour: red}}
                """)))
                .isInstanceOf(DemoYearException.class)
                .satisfies(e -> assertThat(((DemoYearException) e).problems().stream().map(Object::toString).toList())
                        .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/bad.yaml:5: only a HELD meeting has "
                                + "attendance; 'absent' goes with state: HELD"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/bad.yaml:7: only a DECIDED matter has a 'decision'"))
                        .anySatisfy(p -> assertThat(p).startsWith("demo/meetings/bad.yaml:11: a position VIA_MEMBER names"))
                        .anySatisfy(p -> assertThat(p).startsWith("demo/meetings/bad.yaml:13: unknown key 'colour'")));
    }

    @Test
    void LSVO_19_LSVO_22_aDecisionWhoseQuorumIsNotMetIsRefusedByFileAndLine() throws Exception {
        DemoYear year = DemoYearReader.read(file("demo/meetings/quorum.yaml", """
                county: blekinge
                bodies:
                  - {body: LSVO, time: "09:00", location: Karlskrona, scheduledBy: sekreterare.lsvo}
                meetings:
                  - {body: LSVO, date: 2026-05-28, state: HELD, notice: {sent: ON_TIME}, absent: [karlshamn-skola]}
                matters:
                  - {key: x, body: LSVO, title: T, description: D, type: DECISION, decisionCategory: FINANCIAL,
                     submittedBy: skolchef.ronneby, submitted: 2026-04-01, state: DECIDED, meeting: 2026-05-28,
                     prepared: true, anchored: true, decision: {text: X},
                     declarations: [{seat: sammankallande-att-aldras, position: SUPPORT}]}
                """));
        try (java.sql.Connection c = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThatThrownBy(() -> DemoYearPlan.plan(year, c, json))
                    .isInstanceOf(DemoYearException.class)
                    .satisfies(e -> assertThat(((DemoYearException) e).problems().stream().map(Object::toString).toList())
                            .anySatisfy(p -> assertThat(p).isEqualTo("demo/meetings/quorum.yaml:10: the seat "
                                    + "'sammankallande-att-aldras' (CO_OPTED) carries no decision mandate and cannot declare (LSVO-22)")));
        }
        DemoYear unmet = DemoYearReader.read(file("demo/meetings/quorum.yaml", """
                county: blekinge
                bodies:
                  - {body: LSVO, time: "09:00", location: Karlskrona, scheduledBy: sekreterare.lsvo}
                meetings:
                  - {body: LSVO, date: 2026-05-28, state: HELD, notice: {sent: ON_TIME}, absent: [karlshamn-skola]}
                matters:
                  - {key: x, body: LSVO, title: T, description: D, type: DECISION, decisionCategory: FINANCIAL,
                     submittedBy: skolchef.ronneby, submitted: 2026-04-01, state: DECIDED, meeting: 2026-05-28,
                     prepared: true, anchored: true, decision: {text: X}}
                """));
        try (java.sql.Connection c = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThatThrownBy(() -> DemoYearPlan.plan(unmet, c, json))
                    .isInstanceOf(DemoYearException.class)
                    .satisfies(e -> assertThat(((DemoYearException) e).problems().stream().map(Object::toString).toList())
                            .containsExactly("demo/meetings/quorum.yaml:7: cannot be DECIDED: its quorum is not met "
                                    + "(LSVO-19): karlshamn-skola missing"));
        }
    }
}
