package se.samverkan.domain.decision;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.DeclarationRule;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.SeatRole;

class DeclarationsTest {

    private static final DeclarationRule LSVO_20 = new DeclarationRule(Set.of(DeclarationChannel.IN_MEETING,
            DeclarationChannel.VIA_MEMBER, DeclarationChannel.EMAIL_TO_SECRETARY), true, "LSVO-20");

    private static Seat seat(SeatRole role, boolean mandate) {
        return new Seat(SeatId.of("s"), BodyId.of("LSVO"), "s", PartyId.of("ronneby"), null, "f", "Titel", role,
                List.of("skola-barn-unga"), mandate, null, Period.ALWAYS);
    }

    @Test
    void LSVO_22_anOfficialWhoChairsWithoutBeingAMemberCannotDeclare() {
        assertThatThrownBy(() -> Declarations.check(seat(SeatRole.CHAIR, false), DeclarationChannel.IN_MEETING, LSVO_20,
                true, false))
                .isInstanceOf(DomainException.class).hasMessageContaining("LSVO-22")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((DomainException) e).ruleId()).isEqualTo("LSVO-22"));
    }

    @Test
    void LSVO_22_aCoOptedConvenerCannotDeclare() {
        assertThatThrownBy(() -> Declarations.check(seat(SeatRole.CO_OPTED, false), DeclarationChannel.IN_MEETING, LSVO_20,
                true, false)).hasMessageContaining("LSVO-22");
    }

    @Test
    void PSVO_04_anExpertCannotDeclare() {
        assertThatThrownBy(() -> Declarations.check(seat(SeatRole.EXPERT, false), DeclarationChannel.IN_MEETING, LSVO_20,
                true, false)).hasMessageContaining("PSVO-04");
    }

    @Test
    void LSVO_20_aPositionByEmailCountsOnlyBeforeTheMeetingStarts() {
        assertThatCode(() -> Declarations.check(seat(SeatRole.MEMBER, true), DeclarationChannel.EMAIL_TO_SECRETARY,
                LSVO_20, false, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Declarations.check(seat(SeatRole.MEMBER, true), DeclarationChannel.EMAIL_TO_SECRETARY,
                LSVO_20, true, false)).hasMessageContaining("LSVO-20").hasMessageContaining("before the meeting starts");
    }

    @Test
    void LSVO_20_aPositionViaAnotherMemberNamesThatMember() {
        assertThatThrownBy(() -> Declarations.check(seat(SeatRole.MEMBER, true), DeclarationChannel.VIA_MEMBER, LSVO_20,
                true, false)).hasMessageContaining("LSVO-20");
        assertThatCode(() -> Declarations.check(seat(SeatRole.MEMBER, true), DeclarationChannel.VIA_MEMBER, LSVO_20,
                true, true)).doesNotThrowAnyException();
    }

    @Test
    void aRulebookWithoutDeclarationChannelsAllowsOnlyTheMeeting() {
        DeclarationRule inMeetingOnly = new DeclarationRule(Set.of(DeclarationChannel.IN_MEETING), false, "PSVO-10");
        assertThatThrownBy(() -> Declarations.check(seat(SeatRole.MEMBER, true), DeclarationChannel.VIA_MEMBER,
                inMeetingOnly, true, true)).hasMessageContaining("PSVO-10");
        assertThatThrownBy(() -> Declarations.check(seat(SeatRole.MEMBER, true), DeclarationChannel.EMAIL_TO_SECRETARY,
                null, false, false)).isInstanceOf(DomainException.class);
        assertThatCode(() -> Declarations.check(seat(SeatRole.MEMBER, true), DeclarationChannel.IN_MEETING, null, true,
                false)).doesNotThrowAnyException();
    }
}
