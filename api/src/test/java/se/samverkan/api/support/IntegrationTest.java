package se.samverkan.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
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
        String token = http.post().uri("/dev/tokens")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("user=" + user)
                .exchange().expectStatus().isOk()
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("access_token").toString();
        return withToken(token);
    }

    protected HttpGraphQlTester withToken(String token) {
        return graphQl.mutate().header("Authorization", "Bearer " + token).build();
    }
}
