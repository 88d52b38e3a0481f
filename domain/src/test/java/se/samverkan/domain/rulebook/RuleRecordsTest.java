package se.samverkan.domain.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.structure.PartyKind;
import se.samverkan.domain.structure.PartySide;

/** Validation of the smaller rule records of a rulebook. */
class RuleRecordsTest {

    @Test
    void PSVO_03_aChairHeldByAPartyKindNamesThatKind() {
        ChairRule psvo = new ChairRule(ChairSelection.HELD_BY_PARTY_KIND, PartyKind.REGION, false, false, Actor.CHAIR,
                "PSVO-03");

        assertThat(psvo.heldBy()).isEqualTo(PartyKind.REGION);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new ChairRule(ChairSelection.HELD_BY_PARTY_KIND, null, false, false, null, "PSVO-03"))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("PSVO-03"));
    }

    @Test
    void LSVO_02_anElectedChairNamesNoPartyKind() {
        ChairRule lsvo = new ChairRule(ChairSelection.ELECTED_BY_BODY, null, true, false, null, "LSVO-02");

        assertThat(lsvo.officialMayChair()).isTrue();
        assertThat(lsvo.officialChairHasMandate()).isFalse();
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new ChairRule(ChairSelection.ELECTED_BY_BODY, PartyKind.REGION, true, false, null,
                        "LSVO-02"))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("LSVO-02"));
    }

    @Test
    void LSVO_13_anAppointedMemberSignsForASide() {
        SignatoryRequirement forTheMunicipalities = new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER,
                PartySide.MUNICIPAL, 1, SignatoryRequirement.Act.SIGNS);

        assertThat(forTheMunicipalities.side()).isEqualTo(PartySide.MUNICIPAL);
    }

    @Test
    void LSVO_13_onlyAnAppointedMemberSignsForASide() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new SignatoryRequirement(SignatoryKind.MEETING_CHAIR, PartySide.REGIONAL, 1,
                        SignatoryRequirement.Act.SIGNS));
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new SignatoryRequirement(SignatoryKind.SECRETARY, PartySide.REGIONAL, 1,
                        SignatoryRequirement.Act.SIGNS));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 21, -1})
    void PSVO_10_signatoryCountOutside1To20IsRejected(int count) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER, null, count,
                        SignatoryRequirement.Act.ADJUSTS));
    }

    @Test
    void LSVO_20_aDeclarationRuleNeedsAtLeastOneChannel() {
        DeclarationRule lsvo = new DeclarationRule(Set.of(DeclarationChannel.IN_MEETING, DeclarationChannel.VIA_MEMBER,
                DeclarationChannel.EMAIL_TO_SECRETARY), true, "LSVO-20");

        assertThat(lsvo.channels()).hasSize(3);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new DeclarationRule(Set.of(), true, "LSVO-20"))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("LSVO-20"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 366})
    void LSVO_06_meetingMinimumWithin1To366IsAccepted(int perYear) {
        assertThat(new MeetingMinimum(perYear, "LSVO-06").perYear()).isEqualTo(perYear);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -4, 367})
    void LSVO_06_meetingMinimumOutside1To366IsRejected(int perYear) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new MeetingMinimum(perYear, "LSVO-06"))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("LSVO-06"));
    }

    @Test
    void PSVO_08_aStandingAgendaItemNamesItsRule() {
        StandingAgendaItem lsvoMinutes = new StandingAgendaItem(StandingAgendaItem.Kind.MINUTES_OF_BODY, "LSVO",
                "PSVO-08");

        assertThat(lsvoMinutes.fromBody()).isEqualTo("LSVO");
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new StandingAgendaItem(StandingAgendaItem.Kind.MINUTES_OF_BODY, "LSVO", "PSVO-8"));
    }
}
