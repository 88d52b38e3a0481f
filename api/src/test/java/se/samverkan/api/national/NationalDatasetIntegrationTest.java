package se.samverkan.api.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.support.IntegrationTest;

/**
 * The national data set at a small scale, generated at start-up into this context's own database: its counts, its
 * constraints (those of the migrations, every foreign key checked), its determinism (two generations of one seed are
 * identical row for row, another seed differs), a second start that reuses it, and the service reading it over HTTP.
 */
@TestPropertySource(properties = {"samverkan.test.context=national", "samverkan.national.enabled=true",
        "samverkan.national.seed=1", "samverkan.national.scale=" + NationalDatasetIntegrationTest.SCALE})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalDatasetIntegrationTest extends IntegrationTest {

    static final double SCALE = 0.006;

    /** The tables the generator fills, in a fixed order for the digest. */
    private static final List<String> TABLES = List.of("county", "party", "committee", "body", "body_relation", "rulebook",
            "seat", "person", "appointment", "agreement", "agreement_party", "meeting", "notice", "matter", "document",
            "attendance", "declaration", "decision", "recommendation", "recommendation_recipient", "recommendation_answer",
            "minutes", "minutes_signature", "minutes_item", "inbox_item", "inbox_handling");

    @Value("${spring.flyway.url}")
    String url;

    @Autowired
    NationalDataset dataset;

    @Autowired
    Flyway flyway;

    private final Map<String, Long> counts = new LinkedHashMap<>();

    /** A database migrated and nothing else: the schema to compare with, and the template of the test's databases. */
    private String fresh;

    @BeforeAll
    void countRowsAndMigrateATemplate() throws SQLException {
        fresh = database("national_schema", null);
        migrate(fresh);
        try (Connection c = owner(url)) {
            for (String table : TABLES) {
                counts.put(table, single(c, "SELECT count(*) FROM " + table));
            }
        }
    }

    @Test
    void countsAreThoseOfTheScale() throws SQLException {
        try (Connection c = owner(url)) {
            assertThat(single(c, "SELECT count(*) FROM county")).isEqualTo(21);
            // every party and committee is made at any scale: 271 municipalities and 19 regions besides the files' 24
            assertThat(single(c, "SELECT count(*) FROM party WHERE county_code NOT IN ('blekinge', 'norrbotten')"))
                    .isEqualTo(290);
            long bodies = single(c, "SELECT count(*) FROM body WHERE county_code NOT IN ('blekinge', 'norrbotten')");
            assertThat(bodies).isBetween(Math.round(5000 * SCALE * 0.4), Math.round(5000 * SCALE * 2.5));
            long matters = single(c, "SELECT count(*) FROM matter m JOIN body b ON b.id = m.body_id "
                    + "WHERE b.county_code NOT IN ('blekinge', 'norrbotten')");
            assertThat(matters).isBetween(Math.round(1_000_000 * SCALE * 0.3), Math.round(1_000_000 * SCALE * 3));
            assertThat(matters / (double) bodies).as("matters per body over ten years").isBetween(80.0, 400.0);
            // every body has a rulebook, and there are meetings in each of the ten years
            assertThat(single(c, "SELECT count(*) FROM body b WHERE county_code NOT IN ('blekinge', 'norrbotten') "
                    + "AND NOT EXISTS (SELECT 1 FROM rulebook r WHERE r.body_id = b.id)")).isZero();
            assertThat(single(c, "SELECT count(DISTINCT extract(year FROM starts_at AT TIME ZONE 'Europe/Stockholm')) "
                    + "FROM meeting WHERE starts_at < '2027-01-01'")).isEqualTo(10);
            assertThat(strings(c, "SELECT DISTINCT state FROM meeting")).contains("HELD", "CANCELLED");
            assertThat(strings(c, "SELECT DISTINCT state FROM matter")).contains("DECIDED", "HANDLED", "POSTPONED");
            assertThat(strings(c, "SELECT DISTINCT outcome FROM decision")).contains("ADOPTED_BY_ALL", "ADOPTED_BY_SOME");
            assertThat(strings(c, "SELECT DISTINCT state FROM minutes")).contains("SIGNED");
            assertThat(single(c, "SELECT count(*) FROM notice WHERE sent_on > due_on")).as("late notices").isPositive();
            assertThat(single(c, "SELECT count(*) FROM meeting WHERE kind = 'EXTRA'")).isPositive();
            assertThat(single(c, "SELECT count(*) FROM inbox_handling")).isPositive();
            // the marker says what is there
            assertThat(single(c, "SELECT count(*) FROM national_dataset WHERE seed = 1 AND generator = '"
                    + NationalDataset.GENERATOR + "'")).isEqualTo(1);
        }
    }

    @Test
    void everyConstraintOfTheMigrationsIsBackAndChecked() throws SQLException {
        try (Connection generated = owner(url); Connection migrated = owner(fresh)) {
            assertThat(schema(generated)).isEqualTo(schema(migrated));
            assertThat(single(generated, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated")).isZero();
            assertThat(single(generated, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameDatabaseAnotherSeedAnotherOne() throws SQLException {
        String a = generated("national_a", 1);
        String b = generated("national_b", 1);
        String c = generated("national_c", 2);
        assertThat(digest(a)).isEqualTo(digest(b));
        assertThat(digest(a)).isNotEqualTo(digest(c));
    }

    @Test
    void aSecondStartReusesTheDataAndKeepsItWhole() throws SQLException {
        flyway.migrate(); // the start-up imports again: the structure files, the demo year, the national data set
        try (Connection c = owner(url)) {
            for (String table : TABLES) {
                assertThat(single(c, "SELECT count(*) FROM " + table)).as(table).isEqualTo(counts.get(table));
            }
            assertThatThrownBy(() -> dataset.ensure(c, 2, SCALE)).hasMessageContaining("seed 1");
        }
    }

    @Test
    void theServiceReadsACountysBodiesRulebooksAndCompliance() throws SQLException {
        String county;
        String shortName;
        long held;
        try (Connection c = owner(url)) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT b.county_code, b.short_name, count(*) FILTER (WHERE m.state = 'HELD') AS held
                    FROM body b JOIN meeting m ON m.body_id = b.id AND m.kind <> 'PREPARATION'
                     AND m.starts_at >= '2025-01-01 00:00 Europe/Stockholm' AND m.starts_at < '2026-01-01 00:00 Europe/Stockholm'
                    WHERE b.county_code NOT IN ('blekinge', 'norrbotten')
                    GROUP BY b.id ORDER BY count(*) DESC, b.id LIMIT 1""")) {
                r.next();
                county = r.getString(1);
                shortName = r.getString(2);
                held = r.getLong(3);
            }
        }
        List<Map<String, Object>> bodies = graphQl.document("""
                query($c: String!) { county(code: $c) { name bodies(first: 500) { totalCount edges { node {
                  shortName kind
                  rulebook { version meetingMinimum { perYear rule } notice { lead { amount unit } rule }
                             quorum { category kind rule } distribution { recipients { kind target side } } }
                  seats(first: 3) { totalCount edges { node { title role holder { name } } } }
                  compliance(year: 2025) { meetings { minimum held meetsMinimum } notices { onTime late }
                                           mattersByState { state count } } } } } } }""")
                .variable("c", county).execute()
                .path("county.bodies.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(bodies).isNotEmpty();
        assertThat(bodies).allSatisfy(b -> assertThat(b.get("rulebook")).isNotNull());
        Map<String, Object> busiest = bodies.stream().filter(b -> b.get("shortName").equals(shortName)).findFirst().orElseThrow();
        Map<?, ?> meetings = (Map<?, ?>) ((Map<?, ?>) busiest.get("compliance")).get("meetings");
        assertThat(((Number) meetings.get("held")).longValue()).isEqualTo(held);

        graphQl.document("""
                query($c: String!) { publishedMinutes(county: $c, first: 5) { edges { node {
                  state verified contentHash items { title } } } } }""")
                .variable("c", county).execute()
                .path("publishedMinutes.edges[*].node.verified").entityList(Boolean.class)
                .satisfies(verified -> assertThat(verified).isNotEmpty().containsOnly(true));

        graphQl.document("""
                query($c: [String!]) { dashboard(counties: $c, year: 2025) { counties { county { code }
                  bodies { body { shortName } decided } recommendationsByParty { party { code } received } } } }""")
                .variable("c", List.of(county)).execute()
                .path("dashboard.counties[0].bodies").entityList(Map.class).hasSizeGreaterThan(0);
    }

    @Test
    void aPartysReaderReadsItsBusiestCommitteesInbox() throws SQLException {
        UUID committee;
        String party;
        long items;
        try (Connection c = owner(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT committee_id, party_code, count(*) FROM inbox_item GROUP BY committee_id, party_code
                ORDER BY count(*) DESC, committee_id LIMIT 1""")) {
            r.next();
            committee = r.getObject(1, UUID.class);
            party = r.getString(2);
            items = r.getLong(3);
        }
        assertThat(items).isGreaterThan(20);
        String id = new GlobalId("Committee", committee.toString()).encode();
        as("handlaggare." + party).document("""
                query($c: ID!) { inbox(committee: $c, first: 20) { totalCount edges { node {
                  kind title arrivedAt state fromBody { shortName } minutes { state meeting { startsAt } }
                  recommendation { text } } } } }""")
                .variable("c", id).execute()
                .path("inbox.totalCount").entity(Integer.class).isEqualTo((int) items)
                .path("inbox.edges").entityList(Object.class).hasSize(20);
        // another party's reader sees nothing of it
        String other = party.startsWith("region-") ? "handlaggare.karlskrona" : "handlaggare.region-skane";
        as(other).document("query($c: ID!) { inbox(committee: $c) { totalCount } }").variable("c", id).execute()
                .path("inbox.totalCount").entity(Integer.class).isEqualTo(0);
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** A database of its own on the same server, migrated and generated into with the seed, at the test's scale. */
    private String generated(String name, long seed) throws SQLException {
        String database = database(name, "national_schema");
        try (Connection c = owner(database)) {
            dataset.generate(c, seed, SCALE);
        }
        return database;
    }

    private String database(String name, @Nullable String template) throws SQLException {
        try (Connection c = owner(url); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private static void migrate(String database) {
        Flyway.configure().dataSource(database, "postgres", "postgres").locations("classpath:db/migration")
                .placeholders(Map.of("appRole", "samverkan_app")).load().migrate();
    }

    /** One digest over every generated table's rows, each row as PostgreSQL's text of it, in a fixed order. */
    private static String digest(String database) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = owner(database)) {
            for (String table : TABLES) {
                all.append(table).append('=').append(strings(c, "SELECT coalesce(md5(string_agg(md5(t::text), '' "
                        + "ORDER BY md5(t::text))), '') FROM " + table + " t").get(0)).append(';');
            }
        }
        return all.toString();
    }

    /** The schema's constraints and indexes, as definitions. */
    private static List<String> schema(Connection c) throws SQLException {
        List<String> all = strings(c, """
                SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace ORDER BY 1""");
        all.addAll(strings(c, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'national_dataset' "
                + "ORDER BY 1"));
        return all;
    }

    private static Connection owner(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
