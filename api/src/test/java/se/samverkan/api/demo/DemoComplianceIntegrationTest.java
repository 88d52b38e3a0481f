package se.samverkan.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.Lead;

/**
 * {@code compliance(year)} for LSVO reflects the demo year exactly (demo/meetings/blekinge.yaml). A context of its own,
 * so that no other test's meetings or matters are in its database.
 */
@TestPropertySource(properties = "samverkan.test.context=demo-compliance")
class DemoComplianceIntegrationTest extends IntegrationTest {

    private static final String COMPLIANCE = """
            query($year: Int!) { body(county: "blekinge", shortName: "LSVO") { compliance(year: $year) {
                meetings { minimum held planned cancelled extra meetsMinimum }
                notices { onTime late overdue rule } mattersByState { state count } } } }""";

    private Map<String, Integer> matters(int year) {
        return graphQl.document(COMPLIANCE).variable("year", year).execute()
                .path("body.compliance.mattersByState").entityList(Map.class).get().stream()
                .filter(s -> ((Number) s.get("count")).intValue() > 0)
                .collect(Collectors.toMap(s -> (String) s.get("state"), s -> ((Number) s.get("count")).intValue()));
    }

    @Test
    void LSVO_06_LSVO_08_the2026DemoYearIsCompliantWithOneLateNotice() {
        graphQl.document(COMPLIANCE).variable("year", 2026).execute()
                // 7 ordinary meetings and 1 extra held; the 3 December meeting is called, not yet held
                .path("body.compliance.meetings").entity(Map.class).isEqualTo(Map.of("minimum", 8, "held", 8,
                        "planned", 1, "cancelled", 0, "extra", 1, "meetsMinimum", true))
                // nine notices, the one of 17 September two days late
                .path("body.compliance.notices").entity(Map.class).isEqualTo(Map.of("onTime", 8, "late", 1,
                        "overdue", 0, "rule", "LSVO-08"));
        assertThat(matters(2026)).isEqualTo(Map.of("SUBMITTED", 1, "COMPLEMENT_REQUESTED", 1, "TRIAGED", 2,
                "DEFERRED", 1, "REJECTED", 1, "ON_AGENDA", 2, "POSTPONED", 1, "DECIDED", 3, "HANDLED", 2, "FORWARDED", 1));
    }

    @Test
    void LSVO_06_the2027DemoYearFallsShortOfTheMinimumAfterTheJuneCancellation() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        List<LocalDate> planned = List.of(LocalDate.of(2027, 1, 28), LocalDate.of(2027, 3, 4), LocalDate.of(2027, 4, 15),
                LocalDate.of(2027, 5, 27), LocalDate.of(2027, 9, 16), LocalDate.of(2027, 10, 21), LocalDate.of(2027, 12, 9));
        // no 2027 notice is sent in the demo: a planned meeting is overdue once its notice date (LSVO-08) has passed
        long overdue = planned.stream().filter(d -> today.isAfter(Deadlines.due(d, new Lead(10, DayUnit.WEEKDAYS)))).count();
        graphQl.document(COMPLIANCE).variable("year", 2027).execute()
                .path("body.compliance.meetings").entity(Map.class).isEqualTo(Map.of("minimum", 8, "held", 0,
                        "planned", 7, "cancelled", 1, "extra", 0, "meetsMinimum", false))
                .path("body.compliance.notices").entity(Map.class).isEqualTo(Map.of("onTime", 0, "late", 0,
                        "overdue", (int) overdue, "rule", "LSVO-08"));
        assertThat(matters(2027)).isEmpty();
    }
}
