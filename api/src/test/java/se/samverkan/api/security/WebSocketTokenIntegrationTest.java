package se.samverkan.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import se.samverkan.api.support.IntegrationTest;

/** Tokens over graphql-ws: checked at {@code connection_init}, and no subscription outlives its token. */
class WebSocketTokenIntegrationTest extends IntegrationTest {

    private String tokenExpiringIn(Duration left) {
        Instant now = Instant.now();
        return devIssuer.sign(new JWTClaimsSet.Builder().issuer(devIssuer.issuer())
                .subject("3e3e3e3e-0000-0000-0000-000000000000").audience(List.of("samverkan-api"))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(left)))
                .claim("organisation", "karlskrona").claim("realm_access", Map.of("roles", List.of("reader"))).build());
    }

    /** The close status the server sends after this {@code connection_init} payload (JSON). */
    private CloseStatus closeAfterInit(String payload) {
        AtomicReference<CloseStatus> status = new AtomicReference<>();
        new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/graphql"), new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return session.send(Mono.just(session.textMessage("{\"type\":\"connection_init\",\"payload\":" + payload + "}")))
                        .then(session.closeStatus().doOnNext(status::set)).then();
            }
        }).block(Duration.ofSeconds(10));
        return status.get();
    }

    @Test
    void aBadTokenAtConnectionInitClosesTheSocketWith4401() {
        assertThat(closeAfterInit("{\"Authorization\":\"Bearer not-a-token\"}").getCode()).isEqualTo(4401);
        assertThat(closeAfterInit("{\"Authorization\":\"Bearer " + tokenExpiringIn(Duration.ofSeconds(-120)) + "\"}").getCode())
                .as("an expired token").isEqualTo(4401);
        assertThat(closeAfterInit("{\"Authorization\":\"Basic dXNlcjpwdw==\"}").getCode()).as("not a bearer token").isEqualTo(4401);
    }

    @Test
    void aRunningSubscriptionEndsWhenItsTokenExpires() {
        WebSocketGraphQlTester socket = socket(port, Map.of("Authorization", "Bearer " + tokenExpiringIn(Duration.ofSeconds(3))));
        try {
            Instant opened = Instant.now();
            socket.document("subscription { minutesPublished { cursor } }").executeSubscription().toFlux()
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("token expired"))
                    .verify(Duration.ofSeconds(15));
            assertThat(Duration.between(opened, Instant.now())).as("ended at the expiry, not before")
                    .isGreaterThan(Duration.ofSeconds(1));
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSubscriptionWithALongerLivedTokenKeepsRunning() {
        WebSocketGraphQlTester socket = socket(port, Map.of("Authorization", "Bearer " + tokenExpiringIn(Duration.ofMinutes(5))));
        try {
            socket.document("subscription { minutesPublished { cursor } }").executeSubscription().toFlux()
                    .as(StepVerifier::create).expectSubscription().expectNoEvent(Duration.ofSeconds(3)).thenCancel()
                    .verify(Duration.ofSeconds(10));
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }
}
