package se.samverkan.api.security;

import graphql.GraphQLError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.tenancy.Mandates;
import se.samverkan.tenancy.PrincipalConverter;

/**
 * Who is calling over graphql-ws. Browsers cannot set headers on a WebSocket, so graphql-ws clients send the token in
 * {@code connection_init} ({@code {"Authorization": "Bearer …"}}); it passes exactly the validation an HTTP request's
 * token does, and a token that fails it closes the socket with 4401. Without one, the handshake's own
 * {@code Authorization} header counts, and without that the caller is anonymous and sees public data only. Every
 * operation on the socket then runs as that caller.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketAuthentication.class.getName() + ".authentication";

    private final ReactiveJwtDecoder decoder;
    private final PrincipalConverter converter;

    WebSocketAuthentication(ReactiveJwtDecoder decoder, Mandates mandates) {
        this.decoder = decoder;
        this.converter = new PrincipalConverter(mandates);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String token;
        try {
            token = bearer(payload);
        } catch (IllegalArgumentException e) {
            return Mono.error(new org.springframework.security.authentication.BadCredentialsException(e.getMessage()));
        }
        if (token == null) {
            return Mono.just(Map.of());
        }
        return decoder.decode(token).flatMap(converter::convert)
                .doOnNext(authentication -> session.getAttributes().put(AUTHENTICATION, authentication))
                .thenReturn(Map.of());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        Object fromInit = socket.getSessionInfo().getAttributes().get(AUTHENTICATION);
        Mono<Authentication> caller = fromInit instanceof Authentication authentication ? Mono.just(authentication)
                : socket.getSessionInfo().getPrincipal().ofType(Authentication.class);
        return caller.map(authentication -> chain.next(request)
                        .map(response -> endingAtExpiry(response, authentication))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication)))
                .defaultIfEmpty(Mono.defer(() -> chain.next(request)))
                .flatMap(response -> response);
    }

    /**
     * A subscription lives no longer than the token it was opened with: at the token's expiry the stream ends with
     * an UNAUTHORIZED error, and the client subscribes again with a fresh token (and its last cursor, losing nothing).
     * Without this a token revoked by expiry would keep receiving party events for as long as the socket stays open.
     */
    private static WebGraphQlResponse endingAtExpiry(WebGraphQlResponse response, Authentication authentication) {
        if (!(response.getData() instanceof Publisher<?> events)
                || !(authentication.getCredentials() instanceof Jwt jwt)
                || jwt.getExpiresAt() == null) {
            return response;
        }
        Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
        Mono<Object> expiry = Mono.delay(left.isNegative() ? Duration.ZERO : left)
                .then(Mono.error(() -> new SubscriptionPublisherException(
                        List.of(GraphQLError.newError()
                                .errorType(ErrorType.UNAUTHORIZED)
                                .message("the token expired at " + jwt.getExpiresAt()
                                        + "; subscribe again with a fresh token and your last cursor").build()),
                        null)));
        Flux<Object> bounded = Flux.<Object>from(events)
                .mergeWith(expiry);
        return response.transform(builder -> builder.data(bounded));
    }

    /**
     * The token of a {@code connection_init} payload: {@code Authorization: Bearer …} (key in any case), or
     * {@code token}; null when there is none. An {@code Authorization} that is not a bearer token is refused.
     */
    static @Nullable String bearer(Map<String, Object> payload) {
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("authorization")) {
                if (entry.getValue() instanceof String value && value.regionMatches(true, 0, "Bearer ", 0, 7)
                        && !value.substring(7).isBlank()) {
                    return value.substring(7).strip();
                }
                throw new IllegalArgumentException("Authorization must be 'Bearer <token>'");
            }
            if (entry.getKey().equals("token")) {
                if (entry.getValue() instanceof String value && !value.isBlank()) {
                    return value.strip();
                }
                throw new IllegalArgumentException("token must be a non-empty string");
            }
        }
        return null;
    }
}
