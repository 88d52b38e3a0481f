package se.samverkan.tenancy;

import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** Builds decoded tokens the way the resource server hands them to validators and converters. */
final class Tokens {

    static final String ISSUER = "https://login.samverkan.test/realms/samverkan";
    static final String AUDIENCE = "samverkan-api";
    static final String SUBJECT = "5b0c7a2e-8d7e-4c43-9f55-0d3f6c1b2a10";
    static final String ORGANISATION = "karlskrona";

    private Tokens() {
    }

    /** A bare token with only the given claims added by the caller; no time claims, subject or issuer. */
    static Jwt.Builder bare() {
        return Jwt.withTokenValue("t").header("alg", "RS256");
    }

    /** A token that every check accepts: issued a minute ago, valid for five more minutes, for our audience. */
    static Jwt.Builder valid() {
        Instant now = Instant.now();
        return bare()
                .subject(SUBJECT)
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .issuedAt(now.minusSeconds(60))
                .notBefore(now.minusSeconds(60))
                .expiresAt(now.plusSeconds(300))
                .claim(KeycloakClaims.ORGANISATION, ORGANISATION);
    }
}
