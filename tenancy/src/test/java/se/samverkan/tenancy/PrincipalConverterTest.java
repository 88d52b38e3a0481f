package se.samverkan.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import se.samverkan.domain.structure.SeatId;

class PrincipalConverterTest {

    private static final SeatId CHAIR = SeatId.of("karlskrona/kommunstyrelsen/ordforande");
    private static final SeatId MEMBER = SeatId.of("karlskrona/barn-och-ungdomsnamnden/ledamot-3");

    private static Jwt token() {
        return Tokens.valid()
                .claim("preferred_username", "anna.andersson")
                .claim("functions", List.of("namnd-sekreterare"))
                .claim("realm_access", Map.of("roles", List.of("secretary", "member", "offline_access")))
                .build();
    }

    @Test
    void theSeatsTheMandatesGiveEndUpInThePrincipal() {
        Mandates mandates = (subject, party) -> Mono.just(List.of(CHAIR, MEMBER));

        StepVerifier.create(new PrincipalConverter(mandates).convert(token()))
                .assertNext(auth -> assertThat(principalOf(auth).seats()).containsExactly(CHAIR, MEMBER))
                .verifyComplete();
    }

    @Test
    void theMandatesAreAskedForTheTokensSubjectAndOrganisation() {
        List<String> asked = new ArrayList<>();
        Mandates mandates = (subject, party) -> {
            asked.add(subject + "@" + party);
            return Mono.just(List.of());
        };

        StepVerifier.create(new PrincipalConverter(mandates).convert(token())).expectNextCount(1).verifyComplete();

        assertThat(asked).containsExactly(Tokens.SUBJECT + "@" + Tokens.ORGANISATION);
    }

    @Test
    void theRestOfThePrincipalComesFromTheToken() {
        Mandates mandates = (subject, party) -> Mono.just(List.of(CHAIR));

        StepVerifier.create(new PrincipalConverter(mandates).convert(token()))
                .assertNext(auth -> {
                    Principal principal = principalOf(auth);
                    assertThat(principal.subject()).isEqualTo(Tokens.SUBJECT);
                    assertThat(principal.username()).isEqualTo("anna.andersson");
                    assertThat(principal.partyCode()).isEqualTo(Tokens.ORGANISATION);
                    assertThat(principal.roles()).containsExactlyInAnyOrder(Role.SECRETARY, Role.MEMBER);
                    assertThat(principal.functions()).containsExactly("namnd-sekreterare");
                })
                .verifyComplete();
    }

    @Test
    void aCallerWhoHoldsNoSeatsIsStillAuthenticated() {
        Mandates mandates = (subject, party) -> Mono.just(List.of());

        StepVerifier.create(new PrincipalConverter(mandates).convert(token()))
                .assertNext(auth -> {
                    assertThat(auth.isAuthenticated()).isTrue();
                    assertThat(principalOf(auth).seats()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void theAuthenticationCarriesTheTokenAndGrantsOnlyTheKnownRoles() {
        Jwt token = token();
        Mandates mandates = (subject, party) -> Mono.just(List.of(CHAIR));

        StepVerifier.create(new PrincipalConverter(mandates).convert(token))
                .assertNext(auth -> {
                    assertThat(auth.isAuthenticated()).isTrue();
                    assertThat(auth.getCredentials()).isSameAs(token);
                    assertThat(auth.getName()).isEqualTo(Tokens.SUBJECT);
                    assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                            .containsExactlyInAnyOrder("ROLE_SECRETARY", "ROLE_MEMBER");
                })
                .verifyComplete();
    }

    @Test
    void aTokenWhoseOrganisationIsNoPartyIsRefusedAsAnInvalidToken() {
        Mandates unknownParty = (subject, party) -> Mono.empty();

        StepVerifier.create(new PrincipalConverter(unknownParty).convert(token()))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(InvalidBearerTokenException.class)
                        .hasMessageContaining(Tokens.ORGANISATION))
                .verify();
    }

    private static Principal principalOf(AbstractAuthenticationToken auth) {
        assertThat(auth).isInstanceOf(PrincipalAuthentication.class);
        return ((PrincipalAuthentication) auth).getPrincipal();
    }
}
