package se.samverkan.domain.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.rulebook.MinutesRule;
import se.samverkan.domain.rulebook.SignatoryKind;
import se.samverkan.domain.rulebook.SignatoryRequirement;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.PersonId;

class SigningTest {

    private static final MinutesRule LSVO_13 = new MinutesRule(List.of(
            new SignatoryRequirement(SignatoryKind.MEETING_CHAIR, null, 1, SignatoryRequirement.Act.SIGNS),
            new SignatoryRequirement(SignatoryKind.SECRETARY, null, 1, SignatoryRequirement.Act.SIGNS),
            new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER, PartySide.MUNICIPAL, 1, SignatoryRequirement.Act.SIGNS),
            new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER, PartySide.REGIONAL, 1, SignatoryRequirement.Act.SIGNS)),
            "LSVO-13");

    private static final MinutesRule PSVO_10 = new MinutesRule(List.of(
            new SignatoryRequirement(SignatoryKind.MEETING_CHAIR, null, 1, SignatoryRequirement.Act.SIGNS),
            new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER, null, 1, SignatoryRequirement.Act.ADJUSTS)),
            "PSVO-10");

    private static final PersonId CHAIR = PersonId.of("chair");
    private static final PersonId SECRETARY = PersonId.of("secretary");
    private static final PersonId KARLSKRONA = PersonId.of("karlskrona-member");
    private static final PersonId REGION = PersonId.of("region-member");
    private static final PersonId OTHER = PersonId.of("other-member");

    private static final List<Signatory> CHOSEN = List.of(
            new Signatory(CHAIR, SignatoryKind.MEETING_CHAIR, null),
            new Signatory(SECRETARY, SignatoryKind.SECRETARY, null),
            new Signatory(KARLSKRONA, SignatoryKind.APPOINTED_MEMBER, PartySide.MUNICIPAL),
            new Signatory(REGION, SignatoryKind.APPOINTED_MEMBER, PartySide.REGIONAL));

    @Test
    void LSVO_13_chairSecretaryAndOneAppointedMemberOfEachSideCompleteTheMinutes() {
        List<PersonId> signed = new ArrayList<>();
        for (PersonId signer : List.of(REGION, CHAIR, KARLSKRONA)) {
            Signing.fill(LSVO_13, CHOSEN, signed, signer);
            signed.add(signer);
            assertThat(Signing.complete(LSVO_13, CHOSEN, signed)).isFalse();
        }
        assertThat(Signing.missing(LSVO_13, CHOSEN, signed)).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(SignatoryKind.SECRETARY));
        assertThat(Signing.fill(LSVO_13, CHOSEN, signed, SECRETARY).kind()).isEqualTo(SignatoryKind.SECRETARY);
        signed.add(SECRETARY);
        assertThat(Signing.complete(LSVO_13, CHOSEN, signed)).isTrue();
    }

    @Test
    void LSVO_13_someoneNotChosenToSignIsRefusedWithTheRule() {
        assertThatThrownBy(() -> Signing.fill(LSVO_13, CHOSEN, List.of(), OTHER))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).ruleId()).isEqualTo("LSVO-13"));
    }

    @Test
    void LSVO_13_aSignatoryCannotSignTwice() {
        assertThatThrownBy(() -> Signing.fill(LSVO_13, CHOSEN, List.of(CHAIR), CHAIR)).hasMessageContaining("already signed");
    }

    @Test
    void LSVO_13_twoMunicipalMembersDoNotMakeUpForTheRegion() {
        List<Signatory> twoMunicipal = List.of(
                new Signatory(CHAIR, SignatoryKind.MEETING_CHAIR, null),
                new Signatory(SECRETARY, SignatoryKind.SECRETARY, null),
                new Signatory(KARLSKRONA, SignatoryKind.APPOINTED_MEMBER, PartySide.MUNICIPAL),
                new Signatory(OTHER, SignatoryKind.APPOINTED_MEMBER, PartySide.MUNICIPAL));
        List<PersonId> signed = new ArrayList<>(List.of(CHAIR, SECRETARY, KARLSKRONA));
        assertThatThrownBy(() -> Signing.fill(LSVO_13, twoMunicipal, signed, OTHER)).hasMessageContaining("LSVO-13");
        assertThat(Signing.complete(LSVO_13, twoMunicipal, signed)).isFalse();
    }

    @Test
    void PSVO_10_theServingChairSignsAndOneAppointedMemberAdjusts() {
        List<Signatory> chosen = List.of(new Signatory(CHAIR, SignatoryKind.MEETING_CHAIR, null),
                new Signatory(OTHER, SignatoryKind.APPOINTED_MEMBER, PartySide.MUNICIPAL));
        assertThat(Signing.fill(PSVO_10, chosen, List.of(), OTHER).act()).isEqualTo(SignatoryRequirement.Act.ADJUSTS);
        assertThat(Signing.complete(PSVO_10, chosen, List.of(OTHER, CHAIR))).isTrue();
        assertThatThrownBy(() -> Signing.fill(PSVO_10, chosen, List.of(), SECRETARY)).hasMessageContaining("PSVO-10");
    }
}
