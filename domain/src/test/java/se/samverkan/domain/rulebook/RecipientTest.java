package se.samverkan.domain.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.structure.PartySide;

class RecipientTest {

    @Test
    void LSVO_14_committeeRecipientIsWrittenPartyCommittee() {
        Recipient hsn = new Recipient(RecipientKind.COMMITTEE, "region-blekinge/hsn", null);

        assertThat(hsn.target()).isEqualTo("region-blekinge/hsn");
    }

    @Test
    void LSVO_14_committeeRecipientWithoutPartyIsRejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.COMMITTEE, "hsn", null))
                .withMessageContaining("party/committee")
                .withMessageContaining("'hsn'");
    }

    @Test
    void committeeRecipientNeedsATarget() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.COMMITTEE, null, null))
                .withMessageContaining("needs a target");
    }

    @Test
    void PSVO_11_executiveBoardsNeedASide() {
        assertThat(new Recipient(RecipientKind.EXECUTIVE_BOARDS, null, PartySide.MUNICIPAL).side())
                .isEqualTo(PartySide.MUNICIPAL);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.EXECUTIVE_BOARDS, null, null))
                .withMessageContaining("needs a side");
    }

    @Test
    void PSVO_11_executiveBoardsTakeNoTarget() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.EXECUTIVE_BOARDS, "karlskrona", PartySide.MUNICIPAL))
                .withMessageContaining("takes no target");
    }

    @Test
    void LSVO_14_committeesConcernedNeedASide() {
        assertThat(new Recipient(RecipientKind.COMMITTEES_CONCERNED, null, PartySide.MUNICIPAL).side())
                .isEqualTo(PartySide.MUNICIPAL);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.COMMITTEES_CONCERNED, null, null));
    }

    @ParameterizedTest
    @EnumSource(value = RecipientKind.class, names = {"BODY", "PARTY", "COMMITTEE"})
    void namedRecipientsTakeNoSide(RecipientKind kind) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(kind, "region-blekinge/hsn", PartySide.REGIONAL))
                .withMessageContaining("takes no side");
    }

    @Test
    void LSVO_14_theBodysOwnMembersTakeNeitherTargetNorSide() {
        assertThat(new Recipient(RecipientKind.BODY_MEMBERS, null, null).kind()).isEqualTo(RecipientKind.BODY_MEMBERS);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.BODY_MEMBERS, "LSVO", null));
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.BODY_MEMBERS, null, PartySide.MUNICIPAL));
    }

    @Test
    void LSVO_14_anotherBodyIsNamedByItsShortName() {
        assertThat(new Recipient(RecipientKind.BODY, "PSVO", null).target()).isEqualTo("PSVO");
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Recipient(RecipientKind.BODY, null, null));
    }

    @Test
    void LSVO_14_distributionListKeepsItsRecipientsInOrder() {
        List<Recipient> lsvo14 = List.of(
                new Recipient(RecipientKind.BODY_MEMBERS, null, null),
                new Recipient(RecipientKind.BODY, "PSVO", null),
                new Recipient(RecipientKind.COMMITTEE, "region-blekinge/hsn", null),
                new Recipient(RecipientKind.COMMITTEES_CONCERNED, null, PartySide.MUNICIPAL));

        DistributionRule rule = new DistributionRule(lsvo14, "LSVO-14");

        assertThat(rule.recipients()).containsExactlyElementsOf(lsvo14);
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new DistributionRule(lsvo14, "LSVO14"));
    }
}
