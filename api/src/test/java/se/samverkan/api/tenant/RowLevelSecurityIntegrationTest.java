package se.samverkan.api.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.api.support.LsvoFlow;
import se.samverkan.tenancy.DataClassification;
import se.samverkan.tenancy.Visibility;

/**
 * Tenant isolation proven in SQL, below the service: what the database itself lets the service's role see and write.
 * The owner connection (Flyway's) is used only to count what is really there.
 */
class RowLevelSecurityIntegrationTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    DatabaseClient db;

    private String serviceRole;

    /**
     * Which rows of a PARTY table are the party's alone; the rest of the table is shared. An answer to a
     * recommendation is its party's while a draft; once sent, the issuing body's members read it.
     */
    private static String partyRows(String table) {
        return table.equals("recommendation_answer") ? "state = 'DRAFT'" : "true";
    }

    @BeforeEach
    void somePartyDataExists() throws SQLException {
        serviceRole = environment.getRequiredProperty("spring.r2dbc.username");
        if (ownerCount("SELECT count(*) FROM inbox_item") == 0) {
            LsvoFlow flow = new LsvoFlow(this);
            flow.publish(flow.signedMinutes(14, "Skolfrånvaro, radsäkerhetsprov"));
        }
        assertThat(ownerCount("SELECT count(DISTINCT party_code) FROM inbox_item")).isGreaterThan(1);
    }

    @Test
    void everyTableIsClassifiedAndEveryClassifiedTableExists() throws SQLException {
        List<String> tables = ownerStrings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        assertThat(new TreeSet<>(tables)).as("tables without a line in DataClassification, or listed there but gone")
                .isEqualTo(new TreeSet<>(DataClassification.tables()));
    }

    @Test
    void everyPartyTableHasRowLevelSecurityEnabledAndForcedAndCarriesItsParty() throws SQLException {
        for (String table : DataClassification.tables(Visibility.PARTY)) {
            assertThat(ownerStrings("SELECT relrowsecurity::text || ' ' || relforcerowsecurity::text FROM pg_class "
                    + "WHERE oid = 'public." + table + "'::regclass")).as(table).containsExactly("true true");
            assertThat(ownerStrings("SELECT qual FROM pg_policies WHERE tablename = '" + table + "' AND qual IS NOT NULL"))
                    .as("what the policies of " + table + " let be read").isNotEmpty()
                    .allSatisfy(qual -> assertThat(qual).contains("current_setting('samverkan.party'"));
            assertThat(ownerStrings("SELECT is_nullable FROM information_schema.columns WHERE table_name = '" + table
                    + "' AND column_name = 'party_code'")).as(table + " carries its party (Citus-ready)").containsExactly("NO");
        }
    }

    @Test
    void theServiceConnectsAsARoleThatOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        assertThat(db.sql("SELECT current_user AS u").map(r -> r.get("u", String.class)).one().block()).isEqualTo(serviceRole);
        assertThat(ownerStrings("SELECT rolsuper::text || ' ' || rolbypassrls::text FROM pg_roles WHERE rolname = '"
                + serviceRole + "'")).containsExactly("false false");
        assertThat(ownerStrings("SELECT relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                + "WHERE r.rolname = '" + serviceRole + "'")).as("objects owned by the service role").isEmpty();
        try (Connection service = serviceConnection()) {
            assertThatThrownBy(() -> service.createStatement().execute("ALTER TABLE inbox_item DISABLE ROW LEVEL SECURITY"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> service.createStatement().execute("SET row_security = off; SELECT * FROM inbox_item"))
                    .as("with row_security off, a query that RLS would filter fails instead of showing everything")
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void aTransactionWithoutThePartySettingSeesNoPartyRows() throws SQLException {
        for (String table : DataClassification.tables(Visibility.PARTY)) {
            try (Connection service = serviceConnection()) {
                String sql = "SELECT count(*) FROM " + table + " WHERE " + partyRows(table);
                assertThat(count(service, sql)).as(table + " without a setting").isZero();
                service.setAutoCommit(false);
                exec(service, "SELECT set_config('samverkan.party', '', true)");
                assertThat(count(service, sql)).as(table + " with an empty setting").isZero();
                service.rollback();
            }
        }
        assertThat(ownerCount("SELECT count(*) FROM inbox_item")).as("the rows are there all the same").isPositive();
    }

    @Test
    void aPartyTransactionSeesExactlyItsOwnPartyRows() throws SQLException {
        for (String party : ownerStrings("SELECT DISTINCT party_code FROM inbox_item")) {
            try (Connection service = asParty(party)) {
                for (String table : DataClassification.tables(Visibility.PARTY)) {
                    String own = "SELECT count(*) FROM " + table + " WHERE " + partyRows(table) + " AND party_code = '" + party + "'";
                    assertThat(count(service, own)).as(table + " as " + party).isEqualTo(ownerCount(own));
                    assertThat(count(service, "SELECT count(*) FROM " + table + " WHERE " + partyRows(table)
                            + " AND party_code <> '" + party + "'")).as("other parties' " + table + " rows seen as " + party).isZero();
                }
                service.rollback();
            }
        }
    }

    @Test
    void aPartyCannotWriteIntoAnotherPartysHandlingNorDeliverUnderAFalseParty() throws SQLException {
        Map.Entry<String, String> ronnebyItem = ownerPair(
                "SELECT id::text, committee_id::text FROM inbox_item WHERE party_code = 'ronneby' LIMIT 1");
        String karlskronaItem = ownerStrings("SELECT id::text FROM inbox_item WHERE party_code = 'karlskrona' LIMIT 1").getFirst();
        try (Connection karlskrona = asParty("karlskrona")) {
            assertThatThrownBy(() -> attempt(karlskrona, "INSERT INTO inbox_handling (item_id, party_code, handled_by) "
                    + "VALUES ('" + ronnebyItem.getKey() + "', 'karlskrona', 'x')"))
                    .as("a handling row claiming Karlskrona for Ronneby's item").hasMessageContaining("row-level security");
            assertThatThrownBy(() -> attempt(karlskrona, "INSERT INTO inbox_handling (item_id, party_code, handled_by) "
                    + "VALUES ('" + ronnebyItem.getKey() + "', 'ronneby', 'x')"))
                    .as("a handling row written for Ronneby by Karlskrona").hasMessageContaining("row-level security");
            assertThatThrownBy(() -> attempt(karlskrona, "INSERT INTO inbox_item (id, committee_id, party_code, kind, from_body, title) "
                    + "SELECT '" + UUID.randomUUID() + "', '" + ronnebyItem.getValue() + "', 'karlskrona', 'MINUTES', from_body, 'x' "
                    + "FROM inbox_item WHERE id = '" + karlskronaItem + "'"))
                    .as("an item for Ronneby's committee labelled Karlskrona").hasMessageContaining("row-level security");
            assertThat(count(karlskrona, "SELECT count(*) FROM inbox_item WHERE id = '" + ronnebyItem.getKey() + "'"))
                    .as("Ronneby's item read by id as Karlskrona").isZero();
            assertThat(karlskrona.createStatement().executeUpdate("UPDATE inbox_handling SET note = 'x' WHERE party_code = 'ronneby'"))
                    .isZero();
            assertThat(karlskrona.createStatement().executeUpdate("DELETE FROM inbox_handling WHERE party_code = 'ronneby'"))
                    .isZero();
            assertThat(karlskrona.createStatement().executeUpdate("INSERT INTO inbox_handling (item_id, party_code, handled_by) "
                    + "VALUES ('" + karlskronaItem + "', 'karlskrona', 'x') ON CONFLICT (item_id) DO NOTHING"))
                    .as("while its own item it may handle").isBetween(0, 1);
            karlskrona.rollback();
        }
        assertThat(ownerCount("SELECT count(*) FROM inbox_handling WHERE handled_by = 'x'")).as("nothing was written").isZero();
    }

    private Connection serviceConnection() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"), serviceRole,
                environment.getRequiredProperty("spring.r2dbc.password"));
    }

    private Connection asParty(String party) throws SQLException {
        Connection c = serviceConnection();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('samverkan.party', ?, true)")) {
            s.setString(1, party);
            s.execute();
        }
        return c;
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password", ""));
    }

    private long ownerCount(String sql) throws SQLException {
        try (Connection c = owner()) {
            return count(c, sql);
        }
    }

    private List<String> ownerStrings(String sql) throws SQLException {
        try (Connection c = owner(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private Map.Entry<String, String> ownerPair(String sql) throws SQLException {
        try (Connection c = owner(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return Map.entry(rs.getString(1), rs.getString(2));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        c.createStatement().execute(sql);
    }

    /** A statement that may fail, rolled back to a savepoint so the transaction (and its party setting) lives on. */
    private static void attempt(Connection c, String sql) throws SQLException {
        java.sql.Savepoint before = c.setSavepoint();
        try {
            exec(c, sql);
        } finally {
            c.rollback(before);
        }
    }
}
