package se.samverkan.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** A token that passed is remembered briefly; an expired, stale or refused one is checked in full again. */
class RecentTokensTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private final AtomicInteger checked = new AtomicInteger();
    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** The full checks: "good" tokens pass until their expiry, everything else is refused. */
    private final ReactiveAuthenticationManager checks = authentication -> {
        checked.incrementAndGet();
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Instant expires = START.plus(Duration.ofMinutes(5));
        if (!token.startsWith("good") || !now.isBefore(expires)) {
            return Mono.error(new BadCredentialsException("refused"));
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("s").issuedAt(START).expiresAt(expires).build();
        return Mono.just(new JwtAuthenticationToken(jwt, List.of()));
    };

    private final RecentTokens tokens = new RecentTokens(checks, clock);

    private Authentication authenticate(String token) {
        return tokens.authenticate(new BearerTokenAuthenticationToken(token)).block();
    }

    @Test
    void aTokenThatPassedIsAnsweredFromMemoryUntilItIsToBeCheckedAgain() {
        Authentication first = authenticate("good-1");
        assertThat(authenticate("good-1")).isSameAs(first);
        now = START.plus(RecentTokens.KEPT_FOR).minusSeconds(1);
        assertThat(authenticate("good-1")).isSameAs(first);
        assertThat(checked).hasValue(1);
        now = START.plus(RecentTokens.KEPT_FOR);
        assertThat(authenticate("good-1")).isNotSameAs(first);
        assertThat(checked).hasValue(2);
        assertThat(authenticate("good-2")).isNotNull();
        assertThat(checked).hasValue(3);
    }

    @Test
    void aRememberedTokenIsRefusedFromTheMomentItExpires() {
        authenticate("good-1");
        now = START.plus(Duration.ofMinutes(4).plusSeconds(50));
        authenticate("good-1"); // checked again, kept until 5:20 — but it expires at 5:00
        now = START.plus(Duration.ofMinutes(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> authenticate("good-1"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> authenticate("forged"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checked).hasValue(3);
    }
}
