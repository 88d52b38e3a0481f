package se.samverkan.api.national;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import se.samverkan.api.db.StartupImport;
import se.samverkan.api.national.NationalStructure.GenBody;
import se.samverkan.api.national.NationalStructure.GenCounty;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national data set (issue 7): generated once into the database, then reused. Runs after every migration as the
 * last start-up import ({@link #NAME} sorts after the structure import's and the demo year's, which Flyway orders its
 * callbacks by), in Flyway's session, as the database owner.
 *
 * <p>A marker table, {@code national_dataset}, records the seed, the scale and the generator's version of the data in
 * the database. The same three: the data are reused as they are. None, and none of the generated counties in the
 * database: the data are generated. Anything else — another seed or scale, an older generator, or generated counties
 * without a marker — stops start-up saying so, since regenerating would mean throwing away a database someone made on
 * purpose: start with an empty data directory (the profile's default directory is named after seed and scale), or with
 * the settings it was made with.
 *
 * <p>The generation is one transaction: interrupted, it leaves nothing behind, and the next start begins again.
 */
@Component
@ConditionalOnProperty(name = "samverkan.national.enabled", havingValue = "true")
public class NationalDataset implements Callback, Ordered {

    /** Sorts after {@code samverkan-structure-import} and {@code samverkan-structure-import+demo-year}. */
    static final String NAME = "samverkan-structure-import+national";
    /** The version of what the generator makes; a database made by another version is not reused. */
    static final String GENERATOR = "national-1";

    /**
     * Party codes of the structure files' counties (Blekinge, Norrbotten) that no synthetic municipality may take.
     * Fixed here rather than read from the database, so the generated data depend on the seed alone.
     */
    private static final Set<String> RESERVED = Set.of("karlshamn", "karlskrona", "olofstrom", "ronneby", "solvesborg",
            "landstinget-blekinge", "region-blekinge-kf", "region-blekinge", "region-norrbotten",
            "kommunforbundet-norrbotten", "arjeplog", "arvidsjaur", "boden", "gallivare", "haparanda", "jokkmokk", "kalix",
            "kiruna", "lulea", "pajala", "pitea", "alvsbyn", "overkalix", "overtornea");

    private static final List<String> STRUCTURE_TABLES = List.of("county", "party", "committee", "body",
            "body_relation", "rulebook", "seat", "person", "appointment", "agreement", "agreement_party");

    private static final Log log = LogFactory.getLog(NationalDataset.class);

    private final NationalProperties properties;
    private final JsonMapper json;

    NationalDataset(NationalProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return NAME;
    }

    @Override
    public void handle(Event event, Context context) {
        ensure(context.getConnection(), properties.seed(), properties.scale());
    }

    /**
     * Reuses the data set in the database when its marker names this seed, scale and generator; generates it into an
     * empty one; refuses anything else. Returns whether it generated.
     */
    boolean ensure(Connection c, long seed, double scale) {
        try {
            Marker marker = marker(c);
            if (marker != null && marker.seed() == seed && marker.scale() == scale && marker.generator().equals(GENERATOR)) {
                log.info("National data set reused: seed " + seed + ", scale " + scale + ", generated " + marker.finishedAt()
                        + " " + marker.rows());
                return false;
            }
            if (marker != null) {
                throw new IllegalStateException("This database holds the national data set of seed " + marker.seed()
                        + ", scale " + marker.scale() + " (" + marker.generator() + "), not of seed " + seed + ", scale " + scale
                        + " (" + GENERATOR + "). Start with those settings, or with an empty data directory "
                        + "(samverkan.embedded-postgres.data-dir) to generate this one.");
            }
            if (generatedCounties(c) > 0) {
                throw new IllegalStateException("This database holds generated counties but no national_dataset marker: "
                        + "it was not made by this generator's last step. Start with an empty data directory "
                        + "(samverkan.embedded-postgres.data-dir) to generate the national data set.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the national data set's marker: " + e.getMessage(), e);
        }
        log.info("No national data set in this database yet: generating seed " + seed + " at scale " + scale
                + " (a few minutes at scale 1.0; later starts reuse it)");
        generate(c, seed, scale);
        return true;
    }

    /** What the marker says about the data set in the database. */
    record Marker(long seed, double scale, String generator, String finishedAt, String rows) {
    }

    private static @Nullable Marker marker(Connection c) throws SQLException {
        createMarker(c);
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT seed, scale, generator, finished_at, rows::text FROM national_dataset")) {
                return r.next() ? new Marker(r.getLong(1), r.getDouble(2), r.getString(3), r.getString(4), r.getString(5))
                        : null;
            }
        }
    }

    /**
     * The marker table: tooling of this generator, made by it rather than by a migration, so that no other database
     * (production's) carries it.
     */
    private static void createMarker(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS national_dataset (
                        seed        bigint      NOT NULL,
                        scale       float8      NOT NULL,
                        generator   text        NOT NULL,
                        finished_at timestamptz NOT NULL,
                        rows        jsonb       NOT NULL)""");
        }
    }

    private static long generatedCounties(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM county WHERE code = ANY(?)")) {
            p.setArray(1, c.createArrayOf("text", Counties.ALL.stream().map(Counties.CountySpec::code).toArray()));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Generates the data set into the database of the connection (as its owner), and records it in the marker. Public
     * for tests that generate into a database of their own.
     */
    public Map<String, Long> generate(Connection c, long seed, double scale) {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        NationalStructure structure = NationalStructure.build(seed, scale, RESERVED);
        Tables tables = new Tables(json, structure);
        List<GenBody> bodies = structure.bodies();
        List<String> loaded = new ArrayList<>(STRUCTURE_TABLES);
        tables.activity.forEach(a -> loaded.add(a.table()));
        int phases = 1 + loaded.size() + 3;
        try (Spool spool = new Spool()) {
            // 1. every row, in one pass over the bodies: each body's ten years are made once, into the tables' spools
            Progress generation = new Progress(log, 1, phases, "generate", bodies.size());
            for (Tables.Structure t : tables.structure()) {
                t.rows().write(spool.table(t.table(), t.columns()));
            }
            int count = 0;
            for (GenCounty county : structure.counties) {
                Map<String, BodyHistory> sources = new LinkedHashMap<>();
                for (GenBody body : county.bodies) {
                    BodyHistory history = BodyHistory.of(structure, body,
                            body.source() == null ? null : sources.remove(body.source().key()));
                    if (body.forwards()) {
                        sources.put(body.key(), history); // the political council's, which comes next (PSVO-08)
                    }
                    for (Tables.Activity t : tables.activity) {
                        t.rows().write(history, spool.table(t.table(), t.columns()));
                    }
                    generation.step(++count, spool.rows());
                }
            }
            Map<String, Spool.Table> files = spool.finish();
            files.forEach((name, t) -> rows.put(name, t.out.rows()));
            generation.done(rows.values().stream().mapToLong(Long::longValue).sum());

            // 2. one transaction: the tables copied in, then their indexes and checked foreign keys, then the marker
            int[] phase = {1};
            StartupImport.inTransaction(c, "the national data set", connection -> {
                try (Statement s = connection.createStatement()) {
                    // the owner's load: no audit or outbox rows for ten years of history, and the immutability
                    // triggers of signed minutes (IMP-02) need not watch rows that are signed when they arrive
                    s.execute("SET LOCAL session_replication_role = replica");
                    s.execute("SET LOCAL maintenance_work_mem = '512MB'");
                }
                BulkLoad load = BulkLoad.prepare(connection, loaded);
                for (Spool.Table t : files.values()) {
                    long size = spool.bytes(t);
                    Progress copy = new Progress(log, ++phase[0], phases, t.name, size);
                    long tableRows = t.out.rows();
                    Spool.copyIn(connection, t, read -> copy.step(read, size == 0 ? 0 : tableRows * read / size));
                    copy.done(tableRows);
                }
                Progress indexes = new Progress(log, ++phase[0], phases, "indexes", load.indexes.size());
                int built = 0;
                try (Statement s = connection.createStatement()) {
                    for (BulkLoad.Definition index : load.indexes) {
                        s.execute(index.sql());
                        indexes.step(++built, built);
                    }
                }
                indexes.done(built);
                Progress keys = new Progress(log, ++phase[0], phases, "foreign keys (checked)", load.foreignKeys.size());
                int checked = 0;
                try (Statement s = connection.createStatement()) {
                    for (BulkLoad.Definition fk : load.foreignKeys) {
                        s.execute(fk.sql());
                        keys.step(++checked, checked);
                    }
                }
                keys.done(checked);
                createMarker(connection);
                try (PreparedStatement p = connection.prepareStatement("""
                        INSERT INTO national_dataset (seed, scale, generator, finished_at, rows)
                        VALUES (?, ?, ?, clock_timestamp(), ?::jsonb)""")) {
                    p.setLong(1, seed);
                    p.setDouble(2, scale);
                    p.setString(3, GENERATOR);
                    p.setString(4, json.writeValueAsString(rows));
                    p.executeUpdate();
                }
            });
        }
        // 3. hint bits and visibility maps set once, and statistics, so the first benchmark queries neither write nor guess
        Progress analyze = new Progress(log, phases, phases, "vacuum analyze", rows.size());
        try (Statement s = c.createStatement()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true); // VACUUM runs outside a transaction
            int done = 0;
            for (String table : rows.keySet()) {
                s.execute("VACUUM (ANALYZE) " + table);
                analyze.step(++done, done);
            }
            c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new IllegalStateException("could not vacuum the national data set: " + e.getMessage(), e);
        }
        analyze.done(rows.size());
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        log.info(String.format(java.util.Locale.ROOT, "National data set generated: seed %d, scale %s, %,d rows in %.1f s: %s",
                seed, scale, total, (System.nanoTime() - started) / 1e9, rows));
        return rows;
    }
}
