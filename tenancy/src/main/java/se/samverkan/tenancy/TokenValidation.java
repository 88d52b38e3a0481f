package se.samverkan.tenancy;

import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The checks every token passes, whoever issued it: signature (by the decoder, against the issuer's keys), a required
 * expiry and not-before with a small clock skew, a subject, the exact issuer, our audience, and an {@code organisation} claim — a token
 * that cannot say which party its holder belongs to cannot be placed in a tenant.
 */
public final class TokenValidation {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private TokenValidation() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        JwtTimestampValidator lifetime = new JwtTimestampValidator(CLOCK_SKEW);
        lifetime.setAllowEmptyExpiryClaim(false); // a token without exp would never expire
        return new DelegatingOAuth2TokenValidator<>(List.of(
                lifetime,
                new JwtClaimValidator<String>("sub", sub -> sub != null && !sub.isBlank()),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                TokenValidation::hasOrganisation));
    }

    private static OAuth2TokenValidatorResult hasOrganisation(Jwt jwt) {
        String organisation = jwt.getClaimAsString(KeycloakClaims.ORGANISATION);
        return organisation != null && organisation.matches("[a-z][a-z0-9-]*")
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token has no valid 'organisation' claim", null));
    }
}
