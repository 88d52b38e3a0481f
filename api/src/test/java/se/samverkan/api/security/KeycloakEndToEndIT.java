package se.samverkan.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samverkan.api.support.KeycloakServer;
import tools.jackson.databind.JsonNode;

/**
 * The service against a real Keycloak 26: the distribution from Maven Central, started on loopback with the
 * repository's realm export, and the service configured with that realm as its only issuer — no dev issuer. Tokens
 * come from Keycloak's password grant for the demo users, so this proves what the signed-by-ourselves tests cannot:
 * that the realm export's mappers give the claims the service reads (audience, {@code organisation}, realm roles,
 * {@code sub} = person id), that discovery and Keycloak's keys work, and that Keycloak's own expiry is enforced.
 *
 * <p>Run by {@code ./mvnw verify -Pkeycloak} (and {@code .ci/run}); see the README's "Keycloak end to end".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the dev profile's demo people and meetings, but tokens only from Keycloak
        properties = "samverkan.security.dev-issuer.enabled=false")
@DirtiesContext
class KeycloakEndToEndIT {

    private static final String PORTAL = "samverkan-portal";
    private static final String PASSWORD = "demo";
    private static final String ME = "{ me { authenticated subject username party { code } roles functions seats { role body { shortName } } } }";
    private static final String INBOX = """
            query($c: ID!) { inbox(committee: $c) { totalCount edges { node { id kind rule committee { code party { code } } } } } }""";
    private static final String ISSUE = """
            mutation($d: ID!, $text: String!, $to: [ID!]!) {
              issueRecommendation(input: { decision: $d, text: $text, to: $to }) {
                recommendation { id rule } errors { code rule } } }""";
    private static final String SCHEDULE = """
            mutation($body: ID!, $at: DateTime!) {
              scheduleMeeting(input: { body: $body, startsAt: $at, location: "Regionhuset, Karlskrona" }) {
                meeting { id state } errors { code rule } } }""";

    private static KeycloakServer keycloak;

    @LocalServerPort
    int port;

    private WebTestClient http;

    /** Keycloak boots while the service's context starts: the service fetches the realm's keys on the first token. */
    @BeforeAll
    static void launchKeycloak() {
        keycloak = KeycloakServer.launch("samverkan", "keycloak/samverkan-realm.json");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            System.out.println(keycloak);
            keycloak.close();
        }
    }

    /** The service's one issuer is the Keycloak realm. */
    @DynamicPropertySource
    static void keycloakIssuer(DynamicPropertyRegistry registry) {
        registry.add("samverkan.security.issuer-uri", () -> keycloak.issuer());
    }

    @BeforeEach
    void connect() {
        keycloak.awaitReady();
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(http.mutate().baseUrl("http://localhost:" + port + "/graphql").build());
    }

    private HttpGraphQlTester withToken(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    /** The demo user signed in through Keycloak (password grant at the portal client). */
    private HttpGraphQlTester signedIn(String username) {
        return withToken(keycloak.passwordGrant(PORTAL, username, PASSWORD));
    }

    private EntityExchangeResult<byte[]> me(String token) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { authenticated party { code } } }"))
                .exchange().expectBody().returnResult();
    }

    private static void assertRefusedWith401(EntityExchangeResult<byte[]> result, String why) {
        assertThat(result.getStatus().value()).as(why).isEqualTo(401);
        assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate")).as(why).startsWith("Bearer");
        assertThat(result.getResponseBody() == null ? "" : new String(result.getResponseBody())).as(why).doesNotContain("\"data\"");
    }

    private String committee(String party, String code) {
        return anonymous().document("query($p: String!) { party(code: $p) { committees { id code } } }").variable("p", party)
                .execute().path("party.committees[?(@.code == '" + code + "')].id").entityList(String.class).hasSize(1)
                .get().getFirst();
    }

    private String bodyId(String shortName) {
        return anonymous().document("query($s: String) { body(county: \"blekinge\", shortName: $s) { id } }")
                .variable("s", shortName).execute().path("body.id").entity(String.class).get();
    }

    // ------------------------------------------------------------------------------------------------------ tests

    @Test
    void theServiceTrustsTheKeycloakRealmAndRunsNoDevIssuer() {
        String token = keycloak.passwordGrant(PORTAL, "handlaggare.karlskrona", PASSWORD);
        assertThat(KeycloakServer.claims(token).path("iss").asString()).isEqualTo(keycloak.issuer());
        http.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("user=admin")
                .exchange().expectStatus().isNotFound();
        http.get().uri("/dev/.well-known/openid-configuration").exchange().expectStatus().isNotFound();
    }

    @Test
    void readersOfTwoPartiesSignedInThroughKeycloakAreEachPlacedInTheirOwnParty() {
        for (var reader : Map.of("handlaggare.karlskrona", "karlskrona", "handlaggare.ronneby", "ronneby").entrySet()) {
            signedIn(reader.getKey()).document(ME).execute()
                    .path("me.authenticated").entity(Boolean.class).isEqualTo(true)
                    .path("me.username").entity(String.class).isEqualTo(reader.getKey())
                    .path("me.party.code").entity(String.class).isEqualTo(reader.getValue())
                    .path("me.roles").entityList(String.class).containsExactly("reader")
                    .path("me.seats").entityList(Object.class).hasSize(0);
        }
    }

    @Test
    void theKeycloakSubjectIsThePersonSoTheSecretaryHoldsTheirSeats() {
        signedIn("sekreterare.lsvo").document(ME).execute()
                .path("me.subject").entity(String.class).isEqualTo("a3b53ffc-b5ed-3dea-b8e5-ab9ce39119e9")
                .path("me.party.code").entity(String.class).isEqualTo("region-blekinge")
                .path("me.roles").entityList(String.class).containsExactly("secretary")
                .path("me.functions").entityList(String.class).satisfies(f -> assertThat(f).containsExactlyInAnyOrder("sekreterare-lsvo", "sekreterare-psvo"))
                .path("me.seats[?(@.role == 'SECRETARY')].body.shortName").entityList(String.class).contains("LSVO", "PSVO");
    }

    @Test
    void LSVO_27_eachPartyReadsItsOwnCommitteesInboxAndNothingOfAnotherPartys() {
        HttpGraphQlTester secretary = signedIn("sekreterare.lsvo");
        // a decision of LSVO that some party adopted (the demo year's), readable by its secretary through the seat held
        List<Map<String, Object>> decided = secretary.document("""
                { body(county: "blekinge", shortName: "LSVO") {
                    matters(state: DECIDED, first: 50) { edges { node { decision { id outcome } } } } } }""")
                .execute().path("body.matters.edges[*].node.decision").entityList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        String decision = decided.stream().filter(d -> "ADOPTED_BY_ALL".equals(d.get("outcome"))).map(d -> (String) d.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no decision adopted by all in " + decided));
        String karlskronaBun = committee("karlskrona", "bun");
        String ronnebyBun = committee("ronneby", "bun");

        String recommendation = secretary.document(ISSUE).variable("d", decision)
                .variable("text", "Rekommendation till barn- och utbildningsnämnderna (Keycloak end to end)")
                .variable("to", List.of(karlskronaBun, ronnebyBun)).execute()
                .path("issueRecommendation.errors").entityList(Object.class).hasSize(0)
                .path("issueRecommendation.recommendation.rule").entity(String.class).isEqualTo("LSVO-27")
                .path("issueRecommendation.recommendation.id").entity(String.class).get();
        assertThat(recommendation).isNotBlank();

        // Karlskrona's reader: its own committee's inbox is a connection holding the recommendation
        HttpGraphQlTester karlskrona = signedIn("handlaggare.karlskrona");
        String karlskronaItem = karlskrona.document(INBOX).variable("c", karlskronaBun).execute()
                .path("inbox.totalCount").entity(Integer.class).isEqualTo(1)
                .path("inbox.edges[0].node.kind").entity(String.class).isEqualTo("RECOMMENDATION")
                .path("inbox.edges[0].node.committee.party.code").entity(String.class).isEqualTo("karlskrona")
                .path("inbox.edges[0].node.id").entity(String.class).get();

        // Ronneby's reader sees Ronneby's own copy, and of Karlskrona's inbox nothing: neither by the list nor by id
        HttpGraphQlTester ronneby = signedIn("handlaggare.ronneby");
        ronneby.document(INBOX).variable("c", ronnebyBun).execute()
                .path("inbox.totalCount").entity(Integer.class).isEqualTo(1)
                .path("inbox.edges[0].node.committee.party.code").entity(String.class).isEqualTo("ronneby")
                .path("inbox.edges[0].node.id").entity(String.class).satisfies(id -> assertThat(id).isNotEqualTo(karlskronaItem));
        ronneby.document(INBOX).variable("c", karlskronaBun).execute()
                .path("inbox.totalCount").entity(Integer.class).isEqualTo(0)
                .path("inbox.edges").entityList(Object.class).hasSize(0);
        ronneby.document("query($i: ID!) { node(id: $i) { id } }").variable("i", karlskronaItem).execute()
                .path("node").valueIsNull();
        karlskrona.document(INBOX).variable("c", ronnebyBun).execute()
                .path("inbox.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aReaderIsRefusedTheSecretarysMutationsThatTheSecretaryMayDo() {
        String lsvo = bodyId("LSVO");
        HttpGraphQlTester reader = signedIn("handlaggare.karlskrona");
        GraphQlTester.Response refused = reader.document(SCHEDULE).variable("body", lsvo)
                .variable("at", "2027-11-25T09:00:00+01:00").execute();
        refused.path("scheduleMeeting.meeting").valueIsNull()
                .path("scheduleMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");

        signedIn("sekreterare.lsvo").document(SCHEDULE).variable("body", lsvo)
                .variable("at", "2027-11-25T09:00:00+01:00").execute()
                .path("scheduleMeeting.errors").entityList(Object.class).hasSize(0)
                .path("scheduleMeeting.meeting.state").entity(String.class).isEqualTo("PLANNED");
    }

    @Test
    void aKeycloakTokenIsAcceptedUntilItExpiresAndThenRefusedWith401() {
        Duration lifespan = keycloak.accessTokenLifespan();
        String token;
        try {
            keycloak.accessTokenLifespan(Duration.ofSeconds(1));
            token = keycloak.passwordGrant(PORTAL, "handlaggare.karlskrona", PASSWORD);
        } finally {
            keycloak.accessTokenLifespan(lifespan);
        }
        assertThat(lifespan).as("the realm export's lifespan").isEqualTo(Duration.ofMinutes(5));
        JsonNode claims = KeycloakServer.claims(token);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("Keycloak's exp - iat").isEqualTo(1);
        Instant expiry = Instant.ofEpochSecond(claims.path("exp").asLong());

        // the service allows 30 s of clock skew (TokenValidation), so the token is still good right after issue
        EntityExchangeResult<byte[]> fresh = me(token);
        assertThat(fresh.getStatus().value()).isEqualTo(200);
        assertThat(new String(fresh.getResponseBody())).contains("\"authenticated\":true").contains("\"code\":\"karlskrona\"");

        Instant deadline = expiry.plusSeconds(90);
        EntityExchangeResult<byte[]> later = me(token);
        while (later.getStatus().value() == 200 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(1));
            later = me(token);
        }
        Instant refusedAt = Instant.now();
        assertRefusedWith401(later, "the same token after it expired");
        assertThat(later.getResponseHeaders().getFirst("WWW-Authenticate")).contains("invalid_token").contains("expired");
        assertThat(refusedAt).as("refused only once expired").isAfter(expiry);
    }

    @Test
    void aKeycloakTokenOfTheRealmForAnotherClientWithoutTheApiAudienceIsRefusedWith401() {
        // a client of the same realm that puts the organisation in its tokens but has no audience mapper for the API
        keycloak.admin("POST", "/clients", Map.of(
                "clientId", "another-app",
                "publicClient", true,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "protocolMappers", List.of(Map.of(
                        "name", "organisation",
                        "protocol", "openid-connect",
                        "protocolMapper", "oidc-usermodel-attribute-mapper",
                        "config", Map.of("user.attribute", "organisation", "claim.name", "organisation",
                                "jsonType.label", "String", "access.token.claim", "true")))));
        String token = keycloak.passwordGrant("another-app", "handlaggare.karlskrona", PASSWORD);
        JsonNode claims = KeycloakServer.claims(token);
        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer());
        assertThat(claims.path("organisation").asString()).isEqualTo("karlskrona");
        assertThat(claims.path("azp").asString()).isEqualTo("another-app");
        assertThat(claims.path("aud").toString()).doesNotContain("samverkan-api");

        assertRefusedWith401(me(token), "a token for another audience");
        // while the same user's token for the portal, which carries the audience, is accepted
        assertThat(me(keycloak.passwordGrant(PORTAL, "handlaggare.karlskrona", PASSWORD)).getStatus().value()).isEqualTo(200);
    }

    @Test
    void aTokenKeycloakSignedInAnotherRealmIsRefusedWith401() {
        String token = keycloak.masterRealmAdminToken();
        assertThat(KeycloakServer.claims(token).path("iss").asString()).endsWith("/realms/master");
        assertRefusedWith401(me(token), "a token of the master realm");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
