package se.samverkan.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

class TokenValidationTest {

    private final OAuth2TokenValidator<Jwt> validator = TokenValidation.validator(Tokens.ISSUER, Tokens.AUDIENCE);

    private OAuth2TokenValidatorResult validate(Jwt.Builder token) {
        return validator.validate(token.build());
    }

    private static List<String> descriptions(OAuth2TokenValidatorResult result) {
        return result.getErrors().stream().map(OAuth2Error::getDescription).toList();
    }

    /** The result has errors, every error is an invalid_token, and one of them names what was wrong. */
    private static void assertRefusedFor(OAuth2TokenValidatorResult result, String reason) {
        assertThat(result.hasErrors()).as("token refused").isTrue();
        assertThat(result.getErrors()).extracting(OAuth2Error::getErrorCode).containsOnly("invalid_token");
        assertThat(descriptions(result)).as("error descriptions").anyMatch(d -> d.contains(reason));
    }

    private static Jwt.Builder expiredSecondsAgo(long seconds) {
        Instant now = Instant.now();
        return Tokens.valid().issuedAt(now.minusSeconds(600)).notBefore(now.minusSeconds(600))
                .expiresAt(now.minusSeconds(seconds));
    }

    @Test
    void aValidTokenPasses() {
        OAuth2TokenValidatorResult result = validate(Tokens.valid());

        assertThat(result.hasErrors()).as("errors: %s", descriptions(result)).isFalse();
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIsRefused() {
        assertThat(TokenValidation.CLOCK_SKEW).hasSeconds(30);

        assertRefusedFor(validate(expiredSecondsAgo(45)), "expired");
    }

    @Test
    void aTokenExpiredWithinTheClockSkewStillPasses() {
        OAuth2TokenValidatorResult result = validate(expiredSecondsAgo(10));

        assertThat(result.hasErrors()).as("errors: %s", descriptions(result)).isFalse();
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertRefusedFor(validate(Tokens.valid().notBefore(Instant.now().plusSeconds(120))), "used before");
    }

    @Test
    void aTokenValidWithinTheClockSkewOfItsNotBeforePasses() {
        OAuth2TokenValidatorResult result = validate(Tokens.valid().notBefore(Instant.now().plusSeconds(10)));

        assertThat(result.hasErrors()).as("errors: %s", descriptions(result)).isFalse();
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefusedFor(validate(Tokens.valid().claims(c -> c.remove(JwtClaimNames.EXP))), "exp");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertRefusedFor(validate(Tokens.valid().claims(c -> c.remove(JwtClaimNames.SUB))), "sub");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aTokenWithABlankSubjectIsRefused(String subject) {
        assertRefusedFor(validate(Tokens.valid().subject(subject)), "sub");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefusedFor(validate(Tokens.valid().issuer("https://login.samverkan.test/realms/other")), "iss");
    }

    @Test
    void anIssuerThatOnlyStartsWithOursIsRefused() {
        assertRefusedFor(validate(Tokens.valid().issuer(Tokens.ISSUER + "-evil")), "iss");
    }

    @Test
    void aTokenWithoutIssuerIsRefused() {
        assertRefusedFor(validate(Tokens.valid().claims(c -> c.remove(JwtClaimNames.ISS))), "iss");
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        assertRefusedFor(validate(Tokens.valid().claims(c -> c.remove(JwtClaimNames.AUD))), "aud");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefusedFor(validate(Tokens.valid().audience(List.of("account", "broker"))), "aud");
    }

    @Test
    void aTokenForSeveralAudiencesIncludingOursPasses() {
        OAuth2TokenValidatorResult result = validate(
                Tokens.valid().audience(List.of("account", Tokens.AUDIENCE, "broker")));

        assertThat(result.hasErrors()).as("errors: %s", descriptions(result)).isFalse();
    }

    @Test
    void aTokenWithoutOrganisationIsRefused() {
        assertRefusedFor(validate(Tokens.valid().claims(c -> c.remove(KeycloakClaims.ORGANISATION))),
                "organisation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Karlskrona", "KARLSKRONA", "karls krona", " karlskrona", "karlskrona ", "", "1karlskrona",
            "-karlskrona", "karlskrona_kommun", "karlskröna"})
    void anOrganisationThatIsNoWellFormedPartyCodeIsRefused(String organisation) {
        assertRefusedFor(validate(Tokens.valid().claim(KeycloakClaims.ORGANISATION, organisation)), "organisation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ronneby", "region-blekinge", "k2"})
    void aWellFormedPartyCodeIsAccepted(String organisation) {
        OAuth2TokenValidatorResult result = validate(Tokens.valid().claim(KeycloakClaims.ORGANISATION, organisation));

        assertThat(result.hasErrors()).as("errors: %s", descriptions(result)).isFalse();
    }
}
