package se.samverkan.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import se.samverkan.api.support.IntegrationTest;

/**
 * {@code dashboard(counties, year)} shows the demo year (demo/meetings/blekinge.yaml) exactly, agrees with each body's
 * own {@code compliance(year)}, and is the same for every caller. The demo-compliance context, whose database holds the
 * demo data alone (its tests only read).
 */
@TestPropertySource(properties = "samverkan.test.context=demo-compliance")
class DashboardIntegrationTest extends IntegrationTest {

    @Autowired
    private Flyway flyway;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    private static final String DASHBOARD = """
            query($counties: [String!], $year: Int!) { dashboard(counties: $counties, year: $year) { year counties {
              county { code }
              bodies { body { shortName } rulebookVersion
                meetings { minimum rule held planned cancelled extra meetsMinimum }
                notices { sent onTime late onTimeShare rule } decided medianDaysToDecision
                mattersByState { state count } decisions { category outcome count } recommendationsIssued
                revision { nextRevisionDue pastRevision } }
              recommendationsByParty { party { code } received adopted adoptedWithChanges declined pending }
              agreements { agreement { name } evaluationDue pastEvaluation } } } }""";

    @SuppressWarnings("unchecked")
    private Map<String, Object> county(List<String> counties, int year, String code) {
        List<Map<String, Object>> all = graphQl.document(DASHBOARD).variable("counties", counties).variable("year", year)
                .execute().path("dashboard.counties").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        return all.stream().filter(c -> ((Map<?, ?>) c.get("county")).get("code").equals(code)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> county, String shortName) {
        return ((List<Map<String, Object>>) county.get("bodies")).stream()
                .filter(b -> ((Map<?, ?>) b.get("body")).get("shortName").equals(shortName)).findFirst().orElseThrow();
    }

    @Test
    void LSVO_06_LSVO_08_LSVO_29_lsvoIn2026KeptItsMinimumAndSentOneNoticeLate() {
        Map<String, Object> lsvo = body(county(List.of("blekinge"), 2026, "blekinge"), "LSVO");
        assertThat(lsvo.get("rulebookVersion")).isEqualTo("1.0");
        // 7 ordinary meetings and 1 extra held; the 3 December meeting is called, not yet held
        assertThat(lsvo.get("meetings")).isEqualTo(Map.of("minimum", 8, "rule", "LSVO-06", "held", 8, "planned", 1,
                "cancelled", 0, "extra", 1, "meetsMinimum", true));
        // nine notices, the one of 17 September two days late
        assertThat(lsvo.get("notices")).isEqualTo(Map.of("sent", 9, "onTime", 8, "late", 1, "onTimeShare", 8.0 / 9,
                "rule", "LSVO-08"));
        assertThat(lsvo.get("revision")).isEqualTo(Map.of("nextRevisionDue", "2026-12-31",
                "pastRevision", TODAY.isAfter(LocalDate.of(2026, 12, 31))));
    }

    @Test
    void LSVO_16_to_LSVO_19_lsvosDecisionsOf2026ByCategoryAndOutcome() {
        Map<String, Object> lsvo = body(county(List.of("blekinge"), 2026, "blekinge"), "LSVO");
        assertThat(lsvo.get("decided")).isEqualTo(4);
        // the action plan and the consultation reply forum-wide, the discharge routine by subject area, and the
        // Barnahus funding financial, adopted by some: Olofström opposed (LSVO-16)
        assertThat(lsvo.get("decisions")).isEqualTo(List.of(
                Map.of("category", "FINANCIAL", "outcome", "ADOPTED_BY_SOME", "count", 1),
                Map.of("category", "FORUM_WIDE", "outcome", "ADOPTED_BY_ALL", "count", 2),
                Map.of("category", "SUBJECT_AREA", "outcome", "ADOPTED_BY_ALL", "count", 1)));
        assertThat(lsvo.get("recommendationsIssued")).isEqualTo(1);
    }

    @Test
    void theMedianDaysToDecisionIsTheMedianOfTheMattersTheSecretarySees() {
        List<Double> days = as("sekreterare.lsvo").document("""
                { body(county: "blekinge", shortName: "LSVO") { matters(first: 100) { edges { node {
                  submittedAt decision { decidedAt } } } } } }""")
                .execute().path("body.matters.edges[*].node").entityList(Map.class).get().stream()
                .filter(m -> m.get("decision") != null)
                .map(m -> new OffsetDateTime[] {OffsetDateTime.parse((String) m.get("submittedAt")),
                        OffsetDateTime.parse((String) ((Map<?, ?>) m.get("decision")).get("decidedAt"))})
                .filter(t -> t[1].atZoneSameInstant(ZoneId.of("Europe/Stockholm")).getYear() == 2026)
                .map(t -> Duration.between(t[0], t[1]).toSeconds() / 86400.0)
                .sorted().toList();
        assertThat(days).hasSize(4);
        double median = (days.get(1) + days.get(2)) / 2;
        Map<String, Object> lsvo = body(county(List.of("blekinge"), 2026, "blekinge"), "LSVO");
        assertThat((Double) lsvo.get("medianDaysToDecision")).isCloseTo(median, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void LSVO_27_answersPerParty_aDraftIsPending() {
        Map<String, Object> blekinge = county(List.of("blekinge"), 2026, "blekinge");
        assertThat(blekinge.get("recommendationsByParty")).isEqualTo(List.of(
                Map.of("party", Map.of("code", "karlskrona"), "received", 1, "adopted", 1, "adoptedWithChanges", 0,
                        "declined", 0, "pending", 0),
                Map.of("party", Map.of("code", "olofstrom"), "received", 1, "adopted", 0, "adoptedWithChanges", 0,
                        "declined", 1, "pending", 0),
                // Ronneby's answer is still its own draft
                Map.of("party", Map.of("code", "ronneby"), "received", 1, "adopted", 0, "adoptedWithChanges", 0,
                        "declined", 0, "pending", 1)));
    }

    @Test
    void theDashboardIsTheSameForEveryCaller_evenTheDraftingParty() {
        String anonymous = json(graphQl);
        assertThat(json(as("handlaggare.ronneby"))).isEqualTo(anonymous);
        assertThat(json(as("skolchef.ronneby"))).isEqualTo(anonymous);
        assertThat(json(as("sekreterare.lsvo"))).isEqualTo(anonymous);
    }

    private static String json(org.springframework.graphql.test.tester.HttpGraphQlTester as) {
        return as.document(DASHBOARD).variable("counties", null).variable("year", 2026).execute()
                .path("dashboard").entity(Map.class).get().toString();
    }

    @Test
    void NB_07_withoutCountiesEveryCountyByNumber_norrbottensAgreementIsPastItsEvaluation() {
        List<String> codes = graphQl.document(DASHBOARD).variable("counties", null).variable("year", 2026).execute()
                .path("dashboard.counties[*].county.code").entityList(String.class).get();
        List<String> byNumber = graphQl.document("{ counties { code number } }").execute()
                .path("counties").entityList(Map.class).get().stream()
                .sorted(java.util.Comparator.comparingInt(c -> ((Number) c.get("number")).intValue()))
                .map(c -> (String) c.get("code")).toList();
        assertThat(codes).isEqualTo(byNumber).contains("blekinge", "norrbotten");

        Map<String, Object> norrbotten = county(List.of("norrbotten"), 2026, "norrbotten");
        assertThat(norrbotten.get("agreements")).asList().singleElement().satisfies(a -> {
            assertThat(((Map<?, ?>) a).get("evaluationDue")).isEqualTo("2018-01-01");
            assertThat(((Map<?, ?>) a).get("pastEvaluation")).isEqualTo(true);
        });
        // NB-04: the political council meets at least four times a year; the demo holds no Norrbotten meetings
        assertThat(body(norrbotten, "PB").get("meetings")).isEqualTo(Map.of("minimum", 4, "rule", "NB-04", "held", 0,
                "planned", 0, "cancelled", 0, "extra", 0, "meetsMinimum", false));
        assertThat(graphQl.document(DASHBOARD).variable("counties", List.of("norrbotten")).variable("year", 2026)
                .execute().path("dashboard.counties[*].county.code").entityList(String.class).get())
                .containsExactly("norrbotten");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBodyAgreesWithItsOwnCompliance() {
        for (int year : new int[] {2025, 2026, 2027}) {
            for (String code : List.of("blekinge", "norrbotten")) {
                Map<String, Object> county = county(List.of(code), year, code);
                List<Map<String, Object>> compliance = graphQl.document("""
                        query($c: String!, $y: Int!) { bodies(county: $c, first: 100) { edges { node { shortName
                          compliance(year: $y) { rulebookVersion meetings { minimum rule held planned cancelled extra meetsMinimum }
                            notices { onTime late rule } mattersByState { state count }
                            revision { nextRevisionDue pastRevision } } } } } }""")
                        .variable("c", code).variable("y", year).execute()
                        .path("bodies.edges[*].node").entityList(Map.class).get().stream()
                        .map(m -> (Map<String, Object>) m).toList();
                // the dashboard leaves out bodies that did not exist during the year; `bodies` lists them all
                List<String> listed = compliance.stream().map(b -> (String) b.get("shortName")).toList();
                assertThat(((List<Map<String, Object>>) county.get("bodies")).stream()
                        .map(b -> (String) ((Map<?, ?>) b.get("body")).get("shortName")).toList())
                        .isNotEmpty().isSubsetOf(listed);
                for (Map<String, Object> own : compliance) {
                    if (((List<Map<String, Object>>) county.get("bodies")).stream()
                            .noneMatch(b -> ((Map<?, ?>) b.get("body")).get("shortName").equals(own.get("shortName")))) {
                        continue;
                    }
                    Map<String, Object> row = body(county, (String) own.get("shortName"));
                    Map<String, Object> c = (Map<String, Object>) own.get("compliance");
                    String at = code + " " + own.get("shortName") + " " + year;
                    assertThat(row.get("rulebookVersion")).as(at).isEqualTo(c.get("rulebookVersion"));
                    assertThat(row.get("meetings")).as(at).isEqualTo(c.get("meetings"));
                    assertThat(row.get("mattersByState")).as(at).isEqualTo(c.get("mattersByState"));
                    assertThat(row.get("revision")).as(at).isEqualTo(c.get("revision"));
                    Map<String, Object> notices = (Map<String, Object>) row.get("notices");
                    Map<String, Object> theirs = (Map<String, Object>) c.get("notices");
                    assertThat(List.of(notices.get("onTime"), notices.get("late"), Objects.toString(notices.get("rule"))))
                            .as(at).isEqualTo(List.of(theirs.get("onTime"), theirs.get("late"), Objects.toString(theirs.get("rule"))));
                }
            }
        }
    }

    @Test
    void anUnknownCountyOrAYearOutOfRangeIsTheCallersError() {
        graphQl.document(DASHBOARD).variable("counties", List.of("blekinge", "atlantis")).variable("year", 2026).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("'counties': no county 'atlantis' (");
                    assertThat(e.getExtensions()).containsEntry("code", "BAD_INPUT").containsEntry("field", "counties");
                }));
        graphQl.document(DASHBOARD).variable("counties", null).variable("year", 20260).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "year")));
        assertThat(graphQl.document(DASHBOARD).variable("counties", List.of()).variable("year", 2026).execute()
                .path("dashboard.counties").entityList(Map.class).get()).isEmpty();
    }

    @Test
    void aYearWithoutAnythingCountsZeroes_aBodyNotYetFoundedIsLeftOut() {
        assertThat((List<?>) county(List.of("blekinge"), 2018, "blekinge").get("bodies"))
                .noneMatch(b -> ((Map<?, ?>) ((Map<?, ?>) b).get("body")).get("shortName").equals("LSVO"));
        // LSVO exists since 2019 (blekinge.yaml); its first rulebook came later, and the demo year is 2026
        Map<String, Object> lsvo = body(county(List.of("blekinge"), 2019, "blekinge"), "LSVO");
        assertThat(lsvo.get("rulebookVersion")).isNull();
        assertThat(lsvo.get("decided")).isEqualTo(0);
        assertThat(lsvo.get("medianDaysToDecision")).isNull();
        assertThat(((Map<?, ?>) lsvo.get("notices")).get("onTimeShare")).isNull();
        Set<Object> counts = ((List<?>) lsvo.get("mattersByState")).stream().map(s -> ((Map<?, ?>) s).get("count"))
                .collect(Collectors.toSet());
        assertThat(counts).containsExactly(0);
    }

    /**
     * The dashboard counts a decision by the body kept on the decision row (V16), so that body must be its matter's:
     * set by PostgreSQL whatever a writer gives, and following a matter re-filed to another body. Rolled back.
     */
    @Test
    void aDecisionAlwaysCarriesItsMattersBody() throws SQLException {
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection(); Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            try {
                assertThat(single(s, "SELECT count(*) FROM decision")).isNotEqualTo("0");
                assertThat(single(s, "SELECT count(*) FROM decision d JOIN matter m ON m.id = d.matter_id "
                        + "WHERE d.body_id <> m.body_id")).isEqualTo("0");
                String decision = single(s, "SELECT id FROM decision ORDER BY id LIMIT 1");
                String matterBody = single(s, "SELECT m.body_id FROM decision d JOIN matter m ON m.id = d.matter_id "
                        + "WHERE d.id = '" + decision + "'");
                String otherBody = single(s, "SELECT id FROM body WHERE id <> '" + matterBody + "' ORDER BY id LIMIT 1");
                // a writer that names another body is overruled
                s.executeUpdate("UPDATE decision SET body_id = '" + otherBody + "' WHERE id = '" + decision + "'");
                assertThat(single(s, "SELECT body_id FROM decision WHERE id = '" + decision + "'")).isEqualTo(matterBody);
                // a matter re-filed to another body takes its decision along
                s.executeUpdate("UPDATE matter SET body_id = '" + otherBody + "' WHERE id = "
                        + "(SELECT matter_id FROM decision WHERE id = '" + decision + "')");
                assertThat(single(s, "SELECT body_id FROM decision WHERE id = '" + decision + "'")).isEqualTo(otherBody);
            } finally {
                owner.rollback();
            }
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getString(1);
        }
    }
}
