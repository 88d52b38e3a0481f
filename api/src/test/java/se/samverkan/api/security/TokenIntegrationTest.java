package se.samverkan.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import se.samverkan.api.support.IntegrationTest;

/**
 * Tokens are validated for signature, lifetime, issuer, audience and organisation; a token that fails any check gets
 * 401 — never public data — while a request without a token is served public data.
 */
class TokenIntegrationTest extends IntegrationTest {

    private static final String ME = "{\"query\":\"{ me { authenticated username party { code } roles seats { body { shortName } } } }\"}";

    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(devIssuer.issuer())
                .subject("3e3e3e3e-0000-0000-0000-000000000000")
                .audience(List.of("samverkan-api"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("organisation", "karlskrona")
                .claim("realm_access", Map.of("roles", List.of("reader")));
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return devIssuer.sign(change.apply(validClaims()).build());
    }

    private void assertUnauthorized(String token) {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .bodyValue(ME)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", v -> assertThat(v).startsWith("Bearer"))
                .expectBody().consumeWith(body -> assertThat(body.getResponseBody() == null
                        ? "" : new String(body.getResponseBody())).doesNotContain("\"data\""));
    }

    @Test
    void withoutATokenTheCallerIsAnonymousAndSeesPublicData() {
        graphQl.document("{ me { authenticated roles seats { id } } counties { code } }")
                .execute()
                .path("me.authenticated").entity(Boolean.class).isEqualTo(false)
                .path("me.roles").entityList(String.class).hasSize(0)
                .path("counties[*].code").entityList(String.class).containsExactly("blekinge", "norrbotten");
    }

    @Test
    void aValidDemoTokenGivesTheCallersPartyRolesAndSeats() {
        as("sekreterare.lsvo").document("{ me { authenticated username party { code } roles seats { role body { shortName } } } }")
                .execute()
                .path("me.authenticated").entity(Boolean.class).isEqualTo(true)
                .path("me.username").entity(String.class).isEqualTo("sekreterare.lsvo")
                .path("me.party.code").entity(String.class).isEqualTo("region-blekinge")
                .path("me.roles").entityList(String.class).contains("secretary")
                .path("me.seats[?(@.role == 'SECRETARY')].body.shortName").entityList(String.class)
                .contains("LSVO", "PSVO");
    }

    @Test
    void aReaderHoldsNoSeats() {
        as("handlaggare.ronneby").document("{ me { party { code } roles seats { id } } }")
                .execute()
                .path("me.party.code").entity(String.class).isEqualTo("ronneby")
                .path("me.roles").entityList(String.class).containsExactly("reader")
                .path("me.seats").entityList(Object.class).hasSize(0);
    }

    @Test
    void aTokenSignedByTheIssuerWithAllClaimsIsAccepted() {
        withToken(signed(c -> c)).document("{ me { authenticated party { code } } }")
                .execute()
                .path("me.authenticated").entity(Boolean.class).isEqualTo(true)
                .path("me.party.code").entity(String.class).isEqualTo("karlskrona");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertUnauthorized(signed(c -> c.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertUnauthorized(signed(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertUnauthorized(signed(c -> c.issuer("https://evil.example/realms/samverkan")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertUnauthorized(signed(c -> c.audience(List.of("some-other-api"))));
    }

    @Test
    void aTokenWithoutOrganisationIsRefused() {
        assertUnauthorized(signed(c -> c.claim("organisation", null)));
    }

    @Test
    void aTokenForAPartyThatDoesNotExistIsRefused() {
        assertUnauthorized(signed(c -> c.claim("organisation", "stockholm")));
    }

    @Test
    void AGR_02_aTokenForAPartyThatMergedAwayIsRefused() {
        assertUnauthorized(signed(c -> c.claim("organisation", "landstinget-blekinge")));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertUnauthorized(signed(c -> c.expirationTime(null)));
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertUnauthorized(signed(c -> c.subject(null)));
    }

    @Test
    void aTokenWithABadSignatureIsRefused() throws Exception {
        assertUnauthorized(signedByAStranger(devIssuer.publicKeys().getKeys().getFirst().getKeyID()));
    }

    /** Valid claims, RS256-signed by a key the issuer never published, under this key id. */
    private String signedByAStranger(String keyId) throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(keyId).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), validClaims().build());
        jwt.sign(new RSASSASigner(stranger));
        return jwt.serialize();
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIdIsRefused() throws Exception {
        assertUnauthorized(signedByAStranger("not-a-key-of-the-issuer"));
    }

    /** The classic algorithm confusion: HS256 "signed" with the issuer's public RSA key as the shared secret. */
    @Test
    void aTokenHmacSignedWithTheIssuersPublicKeyIsRefused() throws Exception {
        RSAKey published = devIssuer.publicKeys().getKeys().getFirst().toRSAKey();
        byte[] secret = published.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                validClaims().build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret));
        assertUnauthorized(jwt.serialize());
        SignedJWT pem = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), validClaims().build());
        pem.sign(new com.nimbusds.jose.crypto.MACSigner(published.toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertUnauthorized(pem.serialize());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String body = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(validClaims().build().toString().getBytes());
        assertUnauthorized(header + "." + body + ".");
    }

    @Test
    void garbageIsRefused() {
        assertUnauthorized("not-a-token");
    }

    @Test
    void devTokensAreOnlyForDemoUsers() {
        http.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("user=nobody")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
        http.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theDevIssuerPublishesDiscoveryAndKeys() {
        assertThat(devIssuer.issuer()).isEqualTo("http://localhost:" + port + "/dev");
        http.get().uri("/dev/.well-known/openid-configuration").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.issuer").isEqualTo(devIssuer.issuer())
                .jsonPath("$.jwks_uri").value(v -> assertThat(v.toString()).endsWith("/dev/jwks"));
        http.get().uri("/dev/jwks").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].d").doesNotExist();
    }
}
