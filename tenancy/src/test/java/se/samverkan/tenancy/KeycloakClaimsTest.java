package se.samverkan.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakClaimsTest {

    private static Jwt token(Map<String, Object> claims) {
        return Tokens.bare().subject(Tokens.SUBJECT).claims(c -> c.putAll(claims)).build();
    }

    @Test
    void theOrganisationClaimBecomesThePartyCode() {
        Principal principal = KeycloakClaims.principal(token(Map.of("organisation", "ronneby")));

        assertThat(principal.partyCode()).isEqualTo("ronneby");
    }

    @Test
    void theSubjectAndPreferredUsernameAreCarriedOver() {
        Principal principal = KeycloakClaims.principal(token(Map.of("preferred_username", "anna.andersson")));

        assertThat(principal.subject()).isEqualTo(Tokens.SUBJECT);
        assertThat(principal.username()).isEqualTo("anna.andersson");
        assertThat(principal.authenticated()).isTrue();
    }

    @Test
    void aTokenWithoutPreferredUsernameGivesNoUsername() {
        Principal principal = KeycloakClaims.principal(token(Map.of("organisation", "ronneby")));

        assertThat(principal.username()).isNull();
    }

    @Test
    void functionsGivenAsAListAreAllKeptInOrder() {
        Principal principal = KeycloakClaims.principal(
                token(Map.of("functions", List.of("namnd-sekreterare", "registrator"))));

        assertThat(principal.functions()).containsExactly("namnd-sekreterare", "registrator");
    }

    @Test
    void aSingleFunctionGivenAsAStringBecomesAListOfOne() {
        Principal principal = KeycloakClaims.principal(token(Map.of("functions", "registrator")));

        assertThat(principal.functions()).containsExactly("registrator");
    }

    @Test
    void aBlankFunctionStringGivesNoFunctions() {
        Principal principal = KeycloakClaims.principal(token(Map.of("functions", "  ")));

        assertThat(principal.functions()).isEmpty();
    }

    @Test
    void aTokenWithoutFunctionsGivesNoFunctions() {
        Principal principal = KeycloakClaims.principal(token(Map.of("organisation", "ronneby")));

        assertThat(principal.functions()).isEmpty();
    }

    @Test
    void realmRolesAreReadFromRealmAccess() {
        Principal principal = KeycloakClaims.principal(
                token(Map.of("realm_access", Map.of("roles", List.of("secretary", "member")))));

        assertThat(principal.roles()).containsExactlyInAnyOrder(Role.SECRETARY, Role.MEMBER);
    }

    @Test
    void everyRealmRoleIsRecognisedByItsKeycloakName() {
        Principal principal = KeycloakClaims.principal(token(Map.of("realm_access", Map.of("roles",
                List.of("samverkan-admin", "secretary", "member", "reader", "integration")))));

        assertThat(principal.roles()).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void unknownRealmRolesAreIgnoredNotTrusted() {
        Principal principal = KeycloakClaims.principal(token(Map.of("realm_access", Map.of("roles",
                List.of("offline_access", "uma_authorization", "default-roles-samverkan", "ADMIN", "admin",
                        "reader")))));

        assertThat(principal.roles()).containsExactly(Role.READER);
    }

    @Test
    void rolesOutsideRealmAccessAreNotTrusted() {
        Principal principal = KeycloakClaims.principal(token(Map.of(
                "roles", List.of("samverkan-admin"),
                "resource_access", Map.of("samverkan-api", Map.of("roles", List.of("samverkan-admin"))))));

        assertThat(principal.roles()).isEmpty();
    }

    @Test
    void aTokenWithoutRealmAccessHasNoRoles() {
        Principal principal = KeycloakClaims.principal(token(Map.of("organisation", "ronneby")));

        assertThat(principal.roles()).isEmpty();
    }

    @Test
    void realmAccessWithoutRolesGivesNoRoles() {
        Principal principal = KeycloakClaims.principal(token(Map.of("realm_access", Map.of("other", "x"))));

        assertThat(principal.roles()).isEmpty();
    }

    @Test
    void thePrincipalReadFromATokenHoldsNoSeatsYet() {
        Principal principal = KeycloakClaims.principal(token(Map.of("organisation", "ronneby")));

        assertThat(principal.seats()).isEmpty();
    }
}
