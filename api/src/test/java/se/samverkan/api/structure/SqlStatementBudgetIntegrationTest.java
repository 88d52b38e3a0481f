package se.samverkan.api.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samverkan.api.db.SqlStatementCounter;
import se.samverkan.api.support.IntegrationTest;

/**
 * The number of SQL statements a request costs is bounded by the depth of the query, not by the length of its lists:
 * a county of 60 generated bodies, each with seats, holders and a rulebook, costs the same for 5 bodies as for 50.
 */
class SqlStatementBudgetIntegrationTest extends IntegrationTest {

    static final int BODIES = 60;

    @DynamicPropertySource
    static void syntheticCounty(DynamicPropertyRegistry registry) {
        Path file = writeSyntheticCounty();
        registry.add("samverkan.structure.locations",
                () -> "classpath:structure/*.yaml, classpath:demo/*.yaml, " + file.toUri());
    }

    private static final String QUERY = """
            query($first: Int) { bodies(county: "testlan", first: $first) { totalCount edges { node {
                shortName county { code }
                rulebook { version notice { lead { amount unit } rule } quorum { rule } }
                seats { totalCount edges { node { title role party { name kind } subjectAreas { name } holder { name party { code } } } } }
                members { edges { node { person { name } seat { key } } } }
                relations { kind to { shortName } }
            } } } }""";

    @Autowired
    SqlStatementCounter statements;

    /**
     * The statements of one request, the fewest of three tries: the counter sees every statement of the service, and
     * background work (the outbox poll, the webhook sweep) may add one to a try now and then. It cannot take any away.
     */
    private long statementsFor(int first) {
        return java.util.stream.LongStream.range(0, 3).map(i -> statementsOfOneRequest(first)).min().orElseThrow();
    }

    private long statementsOfOneRequest(int first) {
        long before = statements.total();
        graphQl.document(QUERY).variable("first", first).execute()
                .path("bodies.edges").entityList(Object.class).hasSize(first)
                .path("bodies.edges[*].node.seats.edges[*].node.holder.name").entityList(String.class)
                .hasSize(first * 4);
        return statements.total() - before;
    }

    @Test
    void fiftyBodiesWithSeatsHoldersAndRulebooksCostAsManyStatementsAsFive() {
        // warm-up at full width: a connection the pool opens runs type look-ups of its own, which are not the query's
        statementsFor(50);
        statementsFor(50);
        long five = statementsFor(5);
        long fifty = statementsFor(50);
        System.out.printf("SQL statements: 5 bodies -> %d, 50 bodies -> %d%n", five, fifty);
        assertThat(fifty).isEqualTo(five);
        // one statement per field that reads the database: 13 such fields in the query above
        assertThat(fifty).isLessThanOrEqualTo(13);
    }

    private static final String DASHBOARD = """
            query($counties: [String!]) { dashboard(counties: $counties, year: 2026) { counties {
              county { name } bodies { body { shortName } rulebookVersion meetings { held minimum } notices { onTimeShare }
                medianDaysToDecision mattersByState { count } decisions { count } revision { pastRevision } }
              recommendationsByParty { party { name } pending } agreements { evaluationDue } } } }""";

    private long dashboardStatements(List<String> counties) {
        return java.util.stream.LongStream.range(0, 3).map(i -> {
            long before = statements.total();
            graphQl.document(DASHBOARD).variable("counties", counties).execute()
                    .path("dashboard.counties").entityList(Object.class).hasSize(counties.size());
            return statements.total() - before;
        }).min().orElseThrow();
    }

    @Test
    void theDashboardOfThreeCountiesCostsAsManyStatementsAsOneCounty() {
        dashboardStatements(List.of("testlan"));
        long one = dashboardStatements(List.of("blekinge"));
        long sixty = dashboardStatements(List.of("testlan"));
        long three = dashboardStatements(List.of("blekinge", "norrbotten", "testlan"));
        System.out.printf("SQL statements of the dashboard: blekinge -> %d, testlan (60 bodies) -> %d, three counties -> %d%n",
                one, sixty, three);
        assertThat(List.of(sixty, three)).containsOnly(one);
        // counties, the four aggregates, agreements, then the bodies and the parties they name
        assertThat(three).isLessThanOrEqualTo(8);
    }

    private static Path writeSyntheticCounty() {
        StringBuilder yaml = new StringBuilder("""
                county: {code: testlan, number: 99, name: Testlän}
                functions: {test-chef: Testchef}
                parties:
                  - {code: testkommun, name: Testkommun, kind: MUNICIPALITY}
                  - {code: testregion, name: Region Test, kind: REGION}
                bodies:
                """);
        StringBuilder people = new StringBuilder("people:\n");
        for (int b = 0; b < BODIES; b++) {
            yaml.append("""
                      - shortName: B%02d
                        name: Testorgan %02d
                        kind: COLLABORATION_GROUP
                        level: OFFICIALS
                        bindsParties: false
                        seats:
                          - {key: k1, party: testkommun, function: test-chef, role: CHAIR, decisionMandate: false, subjectAreas: [aldre]}
                          - {key: k2, party: testkommun, function: test-chef, role: MEMBER, decisionMandate: true, subjectAreas: [skola-barn-unga]}
                          - {key: r1, party: testregion, function: test-chef, role: MEMBER, decisionMandate: true, subjectAreas: [halso-sjukvard]}
                          - {key: r2, party: testregion, function: test-chef, role: SECRETARY}
                        rulebooks:
                          - version: "1.0"
                            inForceFrom: 2020-01-01
                            notice: {sentBy: SECRETARY, lead: {amount: 10, unit: WEEKDAYS}, rule: LSVO-08}
                            quorum: [{category: FINANCIAL, kind: ALL_MEMBERS_DECLARED, rule: LSVO-19}]
                    """.formatted(b, b));
            for (String seat : new String[] {"k1", "k2", "r1", "r2"}) {
                people.append("  - {key: p%02d-%s, name: Person %02d %s, party: %s, appointments: [{body: B%02d, seat: %s, from: 2020-01-01}]}\n"
                        .formatted(b, seat, b, seat, seat.startsWith("k") ? "testkommun" : "testregion", b, seat));
            }
        }
        yaml.append("relations:\n");
        for (int b = 1; b < BODIES; b++) {
            yaml.append("  - {from: B%02d, kind: REPORTS_TO, to: B00}\n".formatted(b));
        }
        try {
            Path file = Files.createTempFile("testlan-", ".yaml");
            Files.writeString(file, yaml + people.toString());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
