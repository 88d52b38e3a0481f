package se.samverkan.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import se.samverkan.api.support.IntegrationTest;

/**
 * {@code Body.compliance(year)} counts what the body did against its rulebook. Assertions are on differences, so that
 * whatever else the database holds (demo data, other tests) does not matter.
 */
class ComplianceIntegrationTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    private static final String COMPLIANCE = """
            query($year: Int!) { body(county: "blekinge", shortName: "LSVO") { compliance(year: $year) {
                year rulebookVersion
                meetings { minimum rule held planned cancelled extra meetsMinimum }
                notices { onTime late overdue rule }
                mattersByState { state count }
                revision { nextRevisionDue pastRevision }
                agreements { agreement { caseNumber } evaluationDue pastEvaluation } } } }""";

    private Map<String, Object> compliance(int year) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = graphQl.document(COMPLIANCE).variable("year", year).execute()
                .path("body.compliance").entity(Map.class).get();
        return result;
    }

    @SuppressWarnings("unchecked")
    private static int at(Map<String, Object> compliance, String group, String field) {
        return ((Number) ((Map<String, Object>) compliance.get(group)).get(field)).intValue();
    }

    @SuppressWarnings("unchecked")
    private static int matters(Map<String, Object> compliance, String state) {
        return ((java.util.List<Map<String, Object>>) compliance.get("mattersByState")).stream()
                .filter(s -> s.get("state").equals(state)).mapToInt(s -> ((Number) s.get("count")).intValue())
                .findFirst().orElseThrow();
    }

    private String schedule(HttpGraphQlTester as, LocalDate date) {
        String body = graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { id } }").execute()
                .path("body.id").entity(String.class).get();
        return as.document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Ronneby" }) {
                  meeting { id } errors { message } } }""")
                .variable("b", body).variable("at", date + "T10:00:00+01:00").execute()
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
    }

    @Test
    void LSVO_06_LSVO_29_theMinimumAndTheRevisionComeFromTheRulebook() {
        Map<String, Object> c = compliance(2031);
        assertThat(c.get("rulebookVersion")).isEqualTo("1.0");
        assertThat(at(c, "meetings", "minimum")).isEqualTo(8);
        assertThat(((Map<?, ?>) c.get("meetings")).get("rule")).isEqualTo("LSVO-06");
        assertThat(((Map<?, ?>) c.get("notices")).get("rule")).isEqualTo("LSVO-08");
        assertThat(((Map<?, ?>) c.get("revision")).get("nextRevisionDue")).isEqualTo("2026-12-31");
        assertThat(((Map<?, ?>) c.get("revision")).get("pastRevision")).isEqualTo(TODAY.isAfter(LocalDate.of(2026, 12, 31)));
        assertThat((java.util.List<?>) c.get("mattersByState")).hasSize(se.samverkan.domain.meeting.MatterState.values().length);
        assertThat((java.util.List<Map<String, Object>>) (java.util.List<?>) c.get("agreements"))
                .singleElement().satisfies(a -> {
                    assertThat(a.get("evaluationDue")).isNull();
                    assertThat(a.get("pastEvaluation")).isEqualTo(false);
                });
    }

    @Test
    void LSVO_06_plannedAndCancelledMeetingsCountAgainstTheMinimum() {
        int year = 2031;
        Map<String, Object> before = compliance(year);
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        for (int month = 1; month <= 8; month++) {
            schedule(secretary, LocalDate.of(year, month, 10));
        }
        String cancelled = schedule(secretary, LocalDate.of(year, 11, 13));
        holderOf("LSVO", "CHAIR").document("""
                mutation($m: ID!) { cancelMeeting(input: { meeting: $m, reason: "Hög frånvaro" }) { errors { code } } }""")
                .variable("m", cancelled).execute().path("cancelMeeting.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> after = compliance(year);
        assertThat(at(after, "meetings", "planned") - at(before, "meetings", "planned")).isEqualTo(8);
        assertThat(at(after, "meetings", "cancelled") - at(before, "meetings", "cancelled")).isEqualTo(1);
        assertThat(((Map<?, ?>) after.get("meetings")).get("meetsMinimum")).isEqualTo(true);
    }

    @Test
    void LSVO_08_aPlannedMeetingPastItsNoticeDateIsOverdueAndASentNoticeIsOnTime() {
        LocalDate soon = TODAY.plusDays(3);
        Map<String, Object> before = compliance(soon.getYear());
        schedule(as("sekreterare.lsvo"), soon);
        Map<String, Object> after = compliance(soon.getYear());
        assertThat(at(after, "notices", "overdue") - at(before, "notices", "overdue")).isEqualTo(1);

        LocalDate later = TODAY.plusDays(60);
        Map<String, Object> beforeSent = compliance(later.getYear());
        String meeting = schedule(as("sekreterare.lsvo"), later);
        as("sekreterare.lsvo").document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code } } }")
                .variable("m", meeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> afterSent = compliance(later.getYear());
        assertThat(at(afterSent, "notices", "onTime") - at(beforeSent, "notices", "onTime")).isEqualTo(1);
        assertThat(at(afterSent, "notices", "late")).isEqualTo(at(beforeSent, "notices", "late"));
    }

    @Test
    void aSubmittedMatterIsCountedByItsState() {
        Map<String, Object> before = compliance(TODAY.getYear());
        String body = graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { id } }").execute()
                .path("body.id").entity(String.class).get();
        as("skolchef.ronneby").document("""
                mutation($b: ID!) { submitMatter(input: { body: $b, title: "Skolnärvaro", description: "Läget",
                  type: INFORMATION }) { errors { code } } }""").variable("b", body).execute()
                .path("submitMatter.errors").entityList(Object.class).hasSize(0);
        assertThat(matters(compliance(TODAY.getYear()), "SUBMITTED") - matters(before, "SUBMITTED")).isEqualTo(1);
    }

    @Test
    void NB_07_norrbottensAgreementIsPastEvaluationTwoYearsAfterItStarted() {
        graphQl.document("""
                { body(county: "norrbotten", shortName: "PB") { compliance(year: 2026) {
                    meetings { minimum rule } agreements { evaluationDue pastEvaluation } } } }""").execute()
                .path("body.compliance.meetings.minimum").entity(Integer.class).isEqualTo(4)
                .path("body.compliance.meetings.rule").entity(String.class).isEqualTo("NB-04")
                .path("body.compliance.agreements[0].pastEvaluation").entity(Boolean.class).isEqualTo(true);
    }
}
