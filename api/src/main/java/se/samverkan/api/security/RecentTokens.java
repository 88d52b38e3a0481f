package se.samverkan.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a short while, who a token that passed every check belongs to, so that a client sending the same
 * token with each request is not verified (an RSA signature) and looked up (its seats, one SQL statement) again each
 * time: on the portal's inbox query that was a third of the request's cost.
 *
 * <p>Only tokens that passed are kept, by their exact text; a kept token is still refused from the moment it expires,
 * and is checked afresh after {@link #KEPT_FOR}, so that a changed appointment (its seats) or a rotated signing key
 * take effect within that time. A refused token is never kept: each one is checked in full.
 */
final class RecentTokens implements ReactiveAuthenticationManager {

    static final Duration KEPT_FOR = Duration.ofSeconds(30);
    static final int KEPT = 10_000;

    private record Kept(Authentication authentication, Instant expiresAt, Instant checkAgainAt) {
    }

    private final ReactiveAuthenticationManager checks;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    RecentTokens(ReactiveAuthenticationManager checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return checks.authenticate(authentication);
        }
        String token = bearer.getToken();
        Instant now = clock.instant();
        Kept known = kept.get(token);
        if (known != null && now.isBefore(known.expiresAt()) && now.isBefore(known.checkAgainAt())) {
            return Mono.just(known.authentication());
        }
        return checks.authenticate(authentication).doOnNext(passed -> {
            if (passed.getCredentials() instanceof Jwt jwt && jwt.getExpiresAt() != null) {
                if (kept.size() >= KEPT) {
                    kept.clear();
                }
                kept.put(token, new Kept(passed, jwt.getExpiresAt(), now.plus(KEPT_FOR)));
            }
        });
    }
}
