package se.samverkan.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak server for end-to-end tests: the distribution the {@code keycloak} Maven profile unpacks into
 * {@code target/keycloak}, started with {@code kc.sh start-dev} on loopback ports of its own, with an in-memory
 * database (every start is a fresh realm) and the repository's realm export imported. It runs on the JDK that runs the
 * tests. Its output goes to {@code target/keycloak/keycloak.log}, whose tail is part of every start-up failure.
 *
 * <p>Closing it ends its process tree; a JVM shutdown hook does the same should the test JVM stop first.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Set by the {@code keycloak} profile: where the distribution was unpacked. */
    public static final String HOME_PROPERTY = "samverkan.keycloak.home";
    /** How long to wait for the realm to answer, in seconds (default 600: a cold start took 250 s on a 2-core machine at load average 11). */
    public static final String START_TIMEOUT_PROPERTY = "samverkan.keycloak.start-timeout";

    private static final String ADMIN = "e2e-admin";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String realm;
    private final int port;
    private final Path log;
    private final String adminPassword;
    private final Process process;
    private final Thread shutdownHook;
    private final Instant launchedAt;
    private Duration startedIn = Duration.ZERO;
    private @Nullable RuntimeException startFailure;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(String realm, int port, Path log, String adminPassword, Process process, Thread shutdownHook,
            Instant launchedAt) {
        this.realm = realm;
        this.port = port;
        this.log = log;
        this.adminPassword = adminPassword;
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.launchedAt = launchedAt;
    }

    /**
     * Starts Keycloak with the realm export on the classpath at {@code realmResource} and waits until the realm's
     * discovery document is served. Skips the calling test (an assumption) only when there is no distribution to
     * run because the tests run outside the {@code keycloak} profile; anything else that goes wrong fails.
     */
    public static KeycloakServer start(String realm, String realmResource) {
        KeycloakServer server = launch(realm, realmResource);
        server.awaitReady();
        return server;
    }

    /**
     * Starts the Keycloak process and returns at once: its issuer (the port) is known, so whatever needs only the
     * address can be set up while Keycloak boots; {@link #awaitReady()} before the first request.
     */
    public static KeycloakServer launch(String realm, String realmResource) {
        Path home = distribution();
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            try (Stream<Path> stale = Files.list(imports)) {
                for (Path file : stale.toList()) {
                    Files.delete(file);
                }
            }
            try (InputStream export = KeycloakServer.class.getClassLoader().getResourceAsStream(realmResource)) {
                if (export == null) {
                    throw new IllegalStateException(realmResource + " is not on the test classpath");
                }
                Files.copy(export, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freeLoopbackPort();
            int managementPort = freeLoopbackPort();
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String adminPassword = HexFormat.of().formatHex(secret);
            Path log = home.getParent().resolve("keycloak.log");

            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--db=dev-mem", "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            // nothing from the caller's environment reconfigures this server
            env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                    || name.startsWith("JAVA_OPTS") || name.equals("JAVA_ADD_OPENS") || name.equals("DEBUG"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // jboss-threads asks for this on JDK 24 and later, else it logs an IllegalAccessError at shutdown
            env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);

            Instant begun = Instant.now();
            Process process = builder.start();
            Thread hook = new Thread(() -> stop(process), "keycloak-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            return new KeycloakServer(realm, port, log, adminPassword, process, hook, begun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the realm's discovery document names its issuer (at most the seconds of the system property
     * {@code samverkan.keycloak.start-timeout}, default 600). A failure, with the tail of Keycloak's log, stops the
     * server and is repeated to later callers.
     */
    public synchronized void awaitReady() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (!startedIn.isZero()) {
            return;
        }
        try {
            awaitRealm(Duration.ofSeconds(Long.getLong(START_TIMEOUT_PROPERTY, 600)));
            startedIn = Duration.between(launchedAt, Instant.now());
        } catch (RuntimeException e) {
            startFailure = e;
            close();
            throw e;
        }
    }

    /** The unpacked distribution: as the profile says, or (run from an IDE) the one a previous build left. */
    private static Path distribution() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null) {
            Path home = Path.of(configured);
            if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                // the profile ran, so the distribution should be there: a broken build, not a reason to skip
                throw new IllegalStateException(HOME_PROPERTY + "=" + configured + " holds no Keycloak distribution "
                        + "(bin/kc.sh); the keycloak profile unpacks org.keycloak:keycloak-quarkus-dist there");
            }
            return home;
        }
        Path target = Path.of("target/keycloak");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> dirs = Files.list(target)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("bin/kc.sh"))).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Assumptions.assumeTrue(found.size() == 1, () -> "No Keycloak distribution to run (looked for " + HOME_PROPERTY
                + " and target/keycloak/keycloak-*/bin/kc.sh). Run `./mvnw verify -Pkeycloak` (fetches "
                + "org.keycloak:keycloak-quarkus-dist from Maven Central, about 165 MB once) — offline, it must already "
                + "be in the local Maven repository.");
        return found.getFirst();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitRealm(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before its realm " + realm + " was served. Last lines of " + log + ":\n" + logTail(60));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && issuer().equals(JSON.readTree(response.body()).path("issuer").asString())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak did not serve " + discovery + " within " + timeout.toSeconds()
                + " s (" + START_TIMEOUT_PROPERTY + "). Last lines of " + log + ":\n" + logTail(60));
    }

    /** The last lines Keycloak wrote. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** The realm's issuer, exactly as Keycloak writes it into {@code iss}. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    /** From starting the process to the realm's discovery document answering (zero until then). */
    public Duration startedIn() {
        return startedIn;
    }

    /** An access token by the password grant (direct access grant) of a client of the realm. */
    public String passwordGrant(String clientId, String username, String password) {
        return token(realm, clientId, username, password);
    }

    private String token(String inRealm, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/realms/" + inRealm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the password grant for " + username + " at " + clientId
                    + " in realm " + inRealm + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** A token of Keycloak's own administrator, signed in the {@code master} realm (another issuer, other keys). */
    public String masterRealmAdminToken() {
        return token("master", "admin-cli", ADMIN, adminPassword);
    }

    /**
     * Calls the admin REST API ({@code /admin/realms/<realm><path>}) as the bootstrap administrator.
     *
     * @return the response body, empty for 201/204
     */
    public String admin(String method, String path, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/realms/" + realm + path))
                .header("Authorization", "Bearer " + masterRealmAdminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak's admin API refused " + method + " " + path + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Sets the realm's access-token lifespan (Keycloak's {@code accessTokenLifespan}), for tokens issued from now on. */
    public void accessTokenLifespan(Duration lifespan) {
        admin("PUT", "", Map.of("accessTokenLifespan", Math.toIntExact(lifespan.toSeconds())));
    }

    /** The realm's access-token lifespan now. */
    public Duration accessTokenLifespan() {
        return Duration.ofSeconds(JSON.readTree(admin("GET", "", null)).path("accessTokenLifespan").asLong());
    }

    /** A token's claims, decoded but not verified: for stating what a test's token is. */
    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT");
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not answer. Last lines of " + log + ":\n" + logTail(30), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) anyway
        }
    }

    /** SIGTERM to kc.sh and its java (Keycloak stops in well under a second); SIGKILL to whatever is left after 30 s. */
    private static void stop(Process process) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(30);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // forced below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Keycloak at " + issuer() + ", started in " + startedIn.toMillis() + " ms";
    }
}
