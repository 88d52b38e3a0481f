package se.samverkan.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samverkan.domain.structure.SeatId;

class PrincipalTest {

    private static final SeatId CHAIR = SeatId.of("karlskrona/kommunstyrelsen/ordforande");
    private static final SeatId MEMBER = SeatId.of("karlskrona/kommunstyrelsen/ledamot-1");

    private static Principal secretary() {
        return new Principal("subject-1", "anna", "karlskrona", Set.of(Role.SECRETARY), List.of("namnd-sekreterare"),
                List.of());
    }

    @Test
    void theAnonymousCallerIsNotAuthenticated() {
        assertThat(Principal.ANONYMOUS.authenticated()).isFalse();
    }

    @Test
    void theAnonymousCallerBelongsToNoPartyAndHoldsNothing() {
        assertThat(Principal.ANONYMOUS.partyCode()).isNull();
        assertThat(Principal.ANONYMOUS.roles()).isEmpty();
        assertThat(Principal.ANONYMOUS.functions()).isEmpty();
        assertThat(Principal.ANONYMOUS.seats()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theAnonymousCallerHasNoRole(Role role) {
        assertThat(Principal.ANONYMOUS.has(role)).isFalse();
    }

    @Test
    void aCallerWithASubjectIsAuthenticated() {
        assertThat(secretary().authenticated()).isTrue();
    }

    @Test
    void aCallerHasOnlyTheRolesTheyWereGiven() {
        Principal secretary = secretary();

        assertThat(secretary.has(Role.SECRETARY)).isTrue();
        assertThat(EnumSet.complementOf(EnumSet.of(Role.SECRETARY))).noneMatch(secretary::has);
    }

    @Test
    void withSeatsGivesTheSameCallerHoldingTheSeats() {
        Principal before = secretary();

        Principal after = before.withSeats(List.of(CHAIR, MEMBER));

        assertThat(after.seats()).containsExactly(CHAIR, MEMBER);
        assertThat(after).usingRecursiveComparison().ignoringFields("seats").isEqualTo(before);
    }

    @Test
    void withSeatsLeavesTheOriginalPrincipalUnchanged() {
        Principal before = secretary();

        before.withSeats(List.of(CHAIR));

        assertThat(before.seats()).isEmpty();
    }

    @Test
    void laterChangesToTheListsPassedInDoNotReachThePrincipal() {
        List<SeatId> seats = new ArrayList<>(List.of(CHAIR));
        List<String> functions = new ArrayList<>(List.of("namnd-sekreterare"));
        Principal principal = new Principal("s", "u", "karlskrona", EnumSet.of(Role.MEMBER), functions, seats);

        seats.add(MEMBER);
        functions.add("registrator");

        assertThat(principal.seats()).containsExactly(CHAIR);
        assertThat(principal.functions()).containsExactly("namnd-sekreterare");
    }

    @Test
    void aPrincipalCannotBeChangedThroughItsCollections() {
        Principal principal = secretary().withSeats(List.of(CHAIR));

        assertThatThrownBy(() -> principal.seats().add(MEMBER)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> principal.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> principal.functions().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
