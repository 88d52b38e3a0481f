package se.samverkan.api.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the application at a database before anything connects.
 *
 * <p>With {@code spring.r2dbc.url} configured, that database is used, and Flyway gets the matching JDBC URL unless
 * {@code spring.flyway.url} says otherwise. Without it (and outside the {@code prod} profile) a real PostgreSQL is
 * started from the binaries on the classpath — one server per JVM, one fresh database per application context, so
 * that test contexts never see each other's writes. The server runs as the current user; as root it is started in a
 * user namespace, because PostgreSQL refuses to run as root.
 *
 * <p>With {@code samverkan.embedded-postgres.data-dir} set, the server keeps its data in that directory between runs
 * instead: one database of a fixed name ({@code samverkan.embedded-postgres.database}, default {@code samverkan}),
 * created if absent, so that a large generated data set (the {@code national} profile) is made once and reused, and
 * other tools (psql, pgbench, PostGraphile) can connect to it by a known port, name and password. A server still
 * running on that directory (left by {@code kill -9}, or by {@code samverkan.embedded-postgres.keep-running}) is used
 * as it is.
 *
 * <p>Migrations run as the database owner; the application connects as {@code samverkan_app}, which owns nothing and
 * cannot bypass row-level security.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String APP_ROLE = "samverkan_app";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Map<String, CompletableFuture<Void>> PENDING = new ConcurrentHashMap<>();
    private static @Nullable Server server;

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yaml and profiles are known
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
        if (StringUtils.hasText(r2dbcUrl)) {
            // Flyway migrates the same database unless told otherwise; what the user set is never overridden
            setIfAbsent(environment, props, "spring.flyway.url", r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", "jdbc:"));
            setIfAbsent(environment, props, "spring.flyway.user", environment.getProperty("spring.r2dbc.username", ""));
            setIfAbsent(environment, props, "spring.flyway.password", environment.getProperty("spring.r2dbc.password", ""));
            setIfAbsent(environment, props, "spring.flyway.placeholders.appRole",
                    environment.getProperty("spring.r2dbc.username", "samverkan"));
        } else if (Arrays.asList(environment.getActiveProfiles()).contains("prod")
                || !environment.getProperty("samverkan.embedded-postgres.enabled", Boolean.class, true)) {
            return; // production names its database; the missing URL is reported by ProductionSettings
        } else {
            props.putAll(embeddedDatabase(environment));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("samverkan-database", props));
    }

    private static void setIfAbsent(ConfigurableEnvironment environment, Map<String, Object> props, String key, Object value) {
        if (!StringUtils.hasText(environment.getProperty(key))) {
            props.put(key, value);
        }
    }

    private Map<String, Object> embeddedDatabase(ConfigurableEnvironment environment) {
        Settings settings = Settings.of(environment);
        Server pg = server(settings);
        String database = settings.persistent() ? settings.database() : "samverkan_" + DATABASES.incrementAndGet();
        String host = "localhost:" + pg.port() + "/" + database;
        String jdbcUrl = "jdbc:postgresql://" + host;
        // the server starts and the database is created while the application context builds; Flyway waits for it
        PENDING.put(jdbcUrl, pg.admin().thenAccept(admin -> createDatabase(admin, database, settings.persistent())));
        log.info(settings.persistent()
                ? "Embedded PostgreSQL on port " + pg.port() + ", database " + database + ", data kept in "
                        + settings.dataDir() + " (owner postgres/postgres, service role " + APP_ROLE + ")"
                : "Embedded PostgreSQL on port " + pg.port() + ", database " + database
                        + " (set spring.r2dbc.url to use another database)");
        return Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://" + host,
                "spring.r2dbc.username", APP_ROLE,
                "spring.r2dbc.password", pg.appPassword(),
                "spring.flyway.url", jdbcUrl,
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "postgres",
                "spring.flyway.placeholders.appRole", APP_ROLE);
    }

    /** A fresh database; in a kept data directory, the one database, created the first time. */
    private static void createDatabase(DataSource admin, String database, boolean keepExisting) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            if (keepExisting) {
                try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet found = exists.executeQuery()) {
                        if (found.next()) {
                            return;
                        }
                    }
                }
            }
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on the embedded PostgreSQL", e);
        }
    }

    /**
     * Waits until the embedded database at this JDBC URL exists (every pending one when the URL is unknown); returns at
     * once for any other database.
     */
    static void awaitDatabase(@Nullable String jdbcUrl) {
        CompletableFuture<Void> pending = jdbcUrl == null
                ? CompletableFuture.allOf(PENDING.values().toArray(CompletableFuture[]::new))
                : PENDING.get(jdbcUrl);
        if (pending != null) {
            try {
                pending.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /**
     * The embedded server as configured under {@code samverkan.embedded-postgres}: {@code port} (0: any free one),
     * {@code data-dir} (unset: a throw-away directory), {@code database}, {@code app-password} (unset: a random one),
     * {@code settings} (PostgreSQL server settings, e.g. {@code shared_buffers}) and {@code keep-running} (the server
     * outlives the service, for tools that read the data afterwards).
     */
    private record Settings(int port, @Nullable File dataDir, String database, @Nullable String appPassword,
            Map<String, String> serverSettings, boolean keepRunning) {

        static Settings of(ConfigurableEnvironment environment) {
            String dir = environment.getProperty("samverkan.embedded-postgres.data-dir");
            String password = environment.getProperty("samverkan.embedded-postgres.app-password");
            return new Settings(environment.getProperty("samverkan.embedded-postgres.port", Integer.class, 0),
                    StringUtils.hasText(dir) ? new File(dir).getAbsoluteFile() : null,
                    environment.getProperty("samverkan.embedded-postgres.database", "samverkan"),
                    StringUtils.hasText(password) ? password : null,
                    Binder.get(environment).bind("samverkan.embedded-postgres.settings",
                            Bindable.mapOf(String.class, String.class)).orElse(Map.of()),
                    environment.getProperty("samverkan.embedded-postgres.keep-running", Boolean.class, false));
        }

        boolean persistent() {
            return dataDir != null;
        }
    }

    /** The one server of this JVM: its port, the service role's password, and the owner's connection once it is up. */
    private record Server(int port, String appPassword, CompletableFuture<DataSource> admin) {
    }

    private static synchronized Server server(Settings settings) {
        if (server == null) {
            int chosen = settings.port() > 0 ? settings.port() : freePort();
            String password = settings.appPassword() != null ? settings.appPassword()
                    : HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            server = new Server(chosen, password, CompletableFuture.supplyAsync(() -> start(settings, chosen, password)));
        }
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
        }
    }

    private static DataSource start(Settings settings, int port, String appPassword) {
        try {
            DataSource running = settings.persistent() ? alreadyRunning(settings.dataDir(), port) : null;
            if (running != null) {
                createAppRole(running, appPassword);
                return running;
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            settings.serverSettings().forEach(builder::setServerConfig);
            if (settings.persistent()) {
                // a large database may need crash recovery before it answers
                builder.setDataDirectory(settings.dataDir()).setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofMinutes(5));
            }
            if (settings.keepRunning()) {
                builder.setRegisterShutdownHook(false);
            }
            EmbeddedPostgres started = builder.start();
            if (!settings.keepRunning()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; nothing left to tell
                    }
                }, "embedded-postgres-shutdown"));
            }
            createAppRole(started.getPostgresDatabase(), appPassword);
            return started.getPostgresDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the application role on the embedded PostgreSQL", e);
        }
    }

    /**
     * The server already serving this data directory on this port, or null when none does. A server on the port with
     * another data directory is an error: it is not ours to use.
     */
    private static @Nullable DataSource alreadyRunning(File dataDir, int port) throws IOException {
        if (!new File(dataDir, "postmaster.pid").exists()) {
            return null;
        }
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setServerNames(new String[] {"localhost"});
        admin.setPortNumbers(new int[] {port});
        admin.setDatabaseName("postgres");
        admin.setUser("postgres");
        admin.setPassword("postgres");
        admin.setConnectTimeout(2);
        String serving;
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW data_directory")) {
            r.next();
            serving = r.getString(1);
        } catch (SQLException e) {
            return null; // a stale pid file: PostgreSQL starts anyway
        }
        if (!new File(serving).getCanonicalFile().equals(dataDir.getCanonicalFile())) {
            throw new IllegalStateException("port " + port + " is served by another PostgreSQL (data directory " + serving
                    + "), not by the one of " + dataDir);
        }
        return admin;
    }

    /** The service's role: it owns nothing, so row-level security holds it. Kept data directories already have it. */
    private static void createAppRole(DataSource admin, String appPassword) throws SQLException {
        String password = appPassword.replace("'", "''");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN\n"
                    + "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN\n"
                    + "    ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + password + "';\n"
                    + "  ELSE\n"
                    + "    CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + password + "';\n"
                    + "  END IF;\n"
                    + "END $$");
        }
    }
}
