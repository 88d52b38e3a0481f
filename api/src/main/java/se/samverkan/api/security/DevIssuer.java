package se.samverkan.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The service's own small token issuer for the demo users (dev profile). Its RSA key is generated at start-up and
 * never stored; its public half is served as a JWKS, and its tokens are validated by the same checks as Keycloak's.
 */
public final class DevIssuer {

    private final Supplier<String> issuer;
    private final String audience;
    private final RSAKey key;
    private final Clock clock;

    /** @param issuer resolved on first use: the default names the server's port, known only once it listens */
    public DevIssuer(Supplier<String> issuer, String audience, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("dev-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the dev signing key", e);
        }
    }

    public String issuer() {
        return issuer.get();
    }

    /** The public keys, as served at {@code /dev/jwks}. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** The claims of a demo user, as Keycloak's mappers would put them in a token. */
    public record DemoClaims(String subject, String username, String name, String organisation, List<String> roles,
            List<String> functions) {
    }

    public String mint(DemoClaims user, java.time.Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(user.subject())
                .audience(List.of(audience))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", user.username())
                .claim("name", user.name())
                .claim("organisation", user.organisation())
                .claim("functions", user.functions())
                .claim("realm_access", Map.of("roles", user.roles()))
                .build();
        return sign(claims);
    }

    /** Signs arbitrary claims with the dev key; tests use it to build tokens that must be refused. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }
}
