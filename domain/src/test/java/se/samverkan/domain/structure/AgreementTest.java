package se.samverkan.domain.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static se.samverkan.domain.structure.Blekinge.AGREEMENT_IN_FORCE;
import static se.samverkan.domain.structure.Blekinge.KARLSHAMN;
import static se.samverkan.domain.structure.Blekinge.KARLSKRONA;
import static se.samverkan.domain.structure.Blekinge.LANDSTINGET;
import static se.samverkan.domain.structure.Blekinge.LAST_DAY_BEFORE_MERGER;
import static se.samverkan.domain.structure.Blekinge.MERGER;
import static se.samverkan.domain.structure.Blekinge.MUNICIPALITIES;
import static se.samverkan.domain.structure.Blekinge.REGION;
import static se.samverkan.domain.structure.Blekinge.REGIONFORBUNDET;
import static se.samverkan.domain.structure.Blekinge.RONNEBY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

class AgreementTest {

    private final Map<PartyId, Party> parties = Blekinge.parties();
    private final Agreement blekinge = Blekinge.agreement(Blekinge.foundingParties());

    @Test
    void AGR_02_sevenPartiesIn2018AndSixFrom2019() {
        assertThat(blekinge.partiesOn(LocalDate.of(2018, 6, 1), parties)).hasSize(7);
        assertThat(blekinge.partiesOn(MERGER, parties)).hasSize(6);
    }

    @Test
    void AGR_02_in2018ThePartiesAreTheFoundingParties() {
        assertThat(blekinge.partiesOn(LocalDate.of(2018, 6, 1), parties))
                .containsExactlyElementsOf(Blekinge.foundingParties());
    }

    @Test
    void AGR_02_theLastDayBeforeTheMergerStillHasSevenParties() {
        assertThat(blekinge.partiesOn(LAST_DAY_BEFORE_MERGER, parties))
                .hasSize(7)
                .contains(LANDSTINGET, REGIONFORBUNDET)
                .doesNotContain(REGION);
    }

    @Test
    void AGR_02_fromTheMergerTheNewRegionReplacesLandstingetAndTheMunicipalAssociation() {
        List<PartyId> expected = new ArrayList<>(MUNICIPALITIES);
        expected.add(REGION);

        assertThat(blekinge.partiesOn(MERGER, parties)).containsExactlyElementsOf(expected);
        assertThat(blekinge.partiesOn(LocalDate.of(2025, 3, 1), parties)).containsExactlyElementsOf(expected);
    }

    @Test
    void AGR_02_theMergedSuccessorIsCountedOnce() {
        assertThat(blekinge.partiesOn(MERGER, parties))
                .filteredOn(REGION::equals)
                .hasSize(1);
    }

    @Test
    void AGR_02_noPartiesBeforeTheAgreementIsInForce() {
        assertThat(blekinge.partiesOn(AGREEMENT_IN_FORCE.minusDays(1), parties)).isEmpty();
        assertThat(blekinge.partiesOn(AGREEMENT_IN_FORCE, parties)).hasSize(7);
    }

    @Test
    void AGR_02_successorsAreFollowedThroughAChainOfMergers() {
        // Hypothetical: Karlskrona and Ronneby merge in 2021; the merged municipality merges with Karlshamn in 2023.
        PartyId karlskronaRonneby = PartyId.of("blekinge/karlskrona-ronneby");
        PartyId ostraBlekinge = PartyId.of("blekinge/ostra-blekinge");
        Blekinge.put(parties, Blekinge.party(KARLSKRONA, "karlskrona", "Karlskrona kommun", PartyKind.MUNICIPALITY,
                new Period(null, LocalDate.of(2020, 12, 31)), karlskronaRonneby));
        Blekinge.put(parties, Blekinge.party(RONNEBY, "ronneby", "Ronneby kommun", PartyKind.MUNICIPALITY,
                new Period(null, LocalDate.of(2020, 12, 31)), karlskronaRonneby));
        Blekinge.put(parties, Blekinge.party(karlskronaRonneby, "karlskrona-ronneby", "Karlskrona-Ronneby kommun",
                PartyKind.MUNICIPALITY, new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31)), ostraBlekinge));
        Blekinge.put(parties, Blekinge.party(KARLSHAMN, "karlshamn", "Karlshamns kommun", PartyKind.MUNICIPALITY,
                new Period(null, LocalDate.of(2022, 12, 31)), ostraBlekinge));
        Blekinge.put(parties, Blekinge.party(ostraBlekinge, "ostra-blekinge", "Östra Blekinge kommun",
                PartyKind.MUNICIPALITY, Period.from(LocalDate.of(2023, 1, 1)), null));

        assertThat(blekinge.partiesOn(LocalDate.of(2021, 6, 1), parties))
                .containsExactly(karlskronaRonneby, KARLSHAMN, Blekinge.SOLVESBORG, Blekinge.OLOFSTROM, REGION);
        assertThat(blekinge.partiesOn(LocalDate.of(2023, 6, 1), parties))
                .containsExactly(ostraBlekinge, Blekinge.SOLVESBORG, Blekinge.OLOFSTROM, REGION);
    }

    @Test
    void AGR_02_aSuccessorCycleIsRejected() {
        PartyId a = PartyId.of("blekinge/a");
        PartyId b = PartyId.of("blekinge/b");
        Blekinge.put(parties, Blekinge.party(a, "a", "A", PartyKind.MUNICIPALITY,
                new Period(null, LocalDate.of(2018, 12, 31)), b));
        Blekinge.put(parties, Blekinge.party(b, "b", "B", PartyKind.MUNICIPALITY,
                new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)), a));
        Agreement agreement = Blekinge.agreement(List.of(a, KARLSKRONA));

        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> agreement.partiesOn(LocalDate.of(2020, 6, 1), parties))
                .withMessageContaining("cycle")
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("AGR-02"));
    }

    @Test
    void AGR_02_aPartyThatSucceedsItselfIsACycle() {
        PartyId a = PartyId.of("blekinge/a");
        Blekinge.put(parties, Blekinge.party(a, "a", "A", PartyKind.MUNICIPALITY,
                new Period(null, LocalDate.of(2018, 12, 31)), a));
        Agreement agreement = Blekinge.agreement(List.of(a, KARLSKRONA));

        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> agreement.partiesOn(MERGER, parties))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("AGR-02"));
    }

    @Test
    void AGR_01_anUnknownFoundingPartyIsRejected() {
        parties.remove(RONNEBY);

        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> blekinge.partiesOn(LocalDate.of(2018, 6, 1), parties))
                .withMessageContaining(RONNEBY.toString())
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("AGR-01"));
    }

    @Test
    void AGR_01_anUnknownSuccessorIsRejectedOnceTheMergerIsFollowed() {
        parties.remove(REGION);

        assertThat(blekinge.partiesOn(LocalDate.of(2018, 6, 1), parties)).hasSize(7);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> blekinge.partiesOn(MERGER, parties))
                .withMessageContaining(REGION.toString())
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("AGR-01"));
    }

    @Test
    void aPartyThatEndsWithoutSuccessorLeavesTheAgreement() {
        Blekinge.put(parties, Blekinge.party(KARLSHAMN, "karlshamn", "Karlshamns kommun", PartyKind.MUNICIPALITY,
                new Period(null, LocalDate.of(2020, 12, 31)), null));

        assertThat(blekinge.partiesOn(LocalDate.of(2020, 12, 31), parties)).contains(KARLSHAMN);
        assertThat(blekinge.partiesOn(LocalDate.of(2021, 1, 1), parties)).doesNotContain(KARLSHAMN).hasSize(5);
    }

    @Test
    void aFoundingPartyNotYetInExistenceIsNotYetAParty() {
        // The new Region Blekinge named as a founding party of a 2018 agreement is no party before it exists.
        Agreement agreement = Blekinge.agreement(List.of(KARLSKRONA, REGION));

        assertThat(agreement.partiesOn(LAST_DAY_BEFORE_MERGER, parties)).containsExactly(KARLSKRONA);
        assertThat(agreement.partiesOn(MERGER, parties)).containsExactly(KARLSKRONA, REGION);
    }

    @Test
    void AGR_01_anAgreementNeedsAtLeastTwoParties() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Blekinge.agreement(List.of(KARLSKRONA)))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("AGR-01"));
    }

    @Test
    void foundingPartiesAreCopiedNotShared() {
        List<PartyId> founding = new ArrayList<>(List.of(KARLSKRONA, RONNEBY));
        Agreement agreement = Blekinge.agreement(founding);

        founding.add(KARLSHAMN);

        assertThat(agreement.foundingParties()).containsExactly(KARLSKRONA, RONNEBY);
    }

    @Test
    void NB_07_agreementIsEvaluatedAfterTwoYears() {
        Agreement norrbotten = norrbotten(LocalDate.of(2016, 3, 1), 2);

        assertThat(norrbotten.evaluationDue()).isEqualTo(LocalDate.of(2018, 3, 1));
    }

    @Test
    void NB_07_agreementIsPastEvaluationOnlyAfterTheDueDate() {
        Agreement norrbotten = norrbotten(LocalDate.of(2016, 3, 1), 2);

        assertThat(norrbotten.pastEvaluation(LocalDate.of(2018, 2, 28))).isFalse();
        assertThat(norrbotten.pastEvaluation(LocalDate.of(2018, 3, 1))).isFalse();
        assertThat(norrbotten.pastEvaluation(LocalDate.of(2018, 3, 2))).isTrue();
    }

    @Test
    void AGR_02_untilFurtherNoticeHasNoEvaluationDate() {
        assertThat(blekinge.validityYears()).isNull();
        assertThat(blekinge.evaluationDue()).isNull();
        assertThat(blekinge.pastEvaluation(LocalDate.of(2099, 12, 31))).isFalse();
    }

    @Test
    void NB_07_validityMustBeAtLeastOneYear() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> norrbotten(LocalDate.of(2016, 3, 1), 0))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("NB-07"));
    }

    private static Agreement norrbotten(LocalDate inForceFrom, @Nullable Integer validityYears) {
        return new Agreement(AgreementId.of("norrbotten/politisk-samverkan"), "norrbotten",
                "Avtal om politisk samverkan", null, inForceFrom, validityYears, AmendmentRule.BY_EACH_PARTY_BOARD,
                List.of(PartyId.of("norrbotten/region-norrbotten"), PartyId.of("norrbotten/kommunforbundet-norrbotten")),
                List.of("NB-07"));
    }
}
