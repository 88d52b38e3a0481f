package se.samverkan.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samverkan.api.security.DevIssuer;

/**
 * The whole service on a random port, on a real PostgreSQL (the embedded one, a fresh database per context), in the
 * default dev profile. GraphQL goes over HTTP like any client's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected DevIssuer devIssuer;

    protected WebTestClient http;
    protected HttpGraphQlTester graphQl;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        graphQl = HttpGraphQlTester.create(http.mutate().baseUrl("http://localhost:" + port + "/graphql").build());
    }

    /** A tester that presents the dev issuer's token for a demo user. */
    protected HttpGraphQlTester as(String user) {
        return withToken(tokenFor(user));
    }

    /** The dev issuer's token for a demo user. */
    protected String tokenFor(String user) {
        return http.post().uri("/dev/tokens")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("user=" + user)
                .exchange().expectStatus().isOk()
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("access_token").toString();
    }

    /** A graphql-ws client of the server on a port, sending this payload in {@code connection_init}. */
    protected static WebSocketGraphQlTester socket(int port, java.util.Map<String, Object> init) {
        return WebSocketGraphQlTester.builder(java.net.URI.create("ws://localhost:" + port + "/graphql"),
                        new org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient())
                .interceptor(new org.springframework.graphql.client.WebSocketGraphQlClientInterceptor() {
                    @Override
                    public reactor.core.publisher.Mono<Object> connectionInitPayload() {
                        return reactor.core.publisher.Mono.just(init);
                    }
                }).build();
    }

    /** A token for whoever holds a seat of this role in the Blekinge body today, signed by the dev issuer. */
    protected HttpGraphQlTester holderOf(String body, String role) {
        java.util.Map<?, ?> holder = graphQl.document("""
                query($s: String, $r: SeatRole) { body(county: "blekinge", shortName: $s) {
                  seats(role: $r) { edges { node { holder { id party { code } } } } } } }""")
                .variable("s", body).variable("r", role).execute()
                .path("body.seats.edges[0].node.holder").entity(java.util.Map.class).get();
        String uuid = new String(java.util.Base64.getUrlDecoder().decode((String) holder.get("id")),
                java.nio.charset.StandardCharsets.UTF_8).substring("Person:".length());
        java.time.Instant now = java.time.Instant.now();
        return withToken(devIssuer.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(devIssuer.issuer())
                .subject(uuid).audience("samverkan-api").issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(300)))
                .claim("organisation", ((java.util.Map<?, ?>) holder.get("party")).get("code"))
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("member"))).build()));
    }

    protected HttpGraphQlTester withToken(String token) {
        return graphQl.mutate().header("Authorization", "Bearer " + token).build();
    }
}
