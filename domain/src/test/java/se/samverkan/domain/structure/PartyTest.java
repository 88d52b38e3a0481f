package se.samverkan.domain.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

class PartyTest {

    private static final PartyId LANDSTINGET = PartyId.of("blekinge/landstinget-blekinge");
    private static final PartyId REGION = PartyId.of("blekinge/region-blekinge");

    @Test
    void AGR_02_successorWithoutEndIsRejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> party("landstinget-blekinge", null, Period.ALWAYS, REGION))
                .withMessageContaining("landstinget-blekinge")
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("AGR-02"));
    }

    @Test
    void AGR_02_partyThatEndsMayNameItsSuccessor() {
        Party landstinget = party("landstinget-blekinge", null, new Period(null, LocalDate.of(2018, 12, 31)), REGION);

        assertThat(landstinget.successor()).isEqualTo(REGION);
        assertThat(landstinget.existsOn(LocalDate.of(2018, 12, 31))).isTrue();
        assertThat(landstinget.existsOn(LocalDate.of(2019, 1, 1))).isFalse();
    }

    @Test
    void partyExistsOnlyWithinItsValidity() {
        Party region = party("region-blekinge", null, Period.from(LocalDate.of(2019, 1, 1)), null);

        assertThat(region.existsOn(LocalDate.of(2018, 12, 31))).isFalse();
        assertThat(region.existsOn(LocalDate.of(2019, 1, 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2321000057", "232100-005", "232100-00577", "2321000-057", "abcdef-ghij", "232100 0057", ""})
    void badOrganisationNumberIsRejected(String organisationNumber) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> party("region-blekinge", organisationNumber, Period.ALWAYS, null))
                .withMessageContaining("'" + organisationNumber + "'")
                .satisfies(e -> assertThat(e.ruleId()).isEmpty());
    }

    @Test
    void organisationNumberOfTheFormNNNNNNDashNNNNIsAccepted() {
        assertThat(party("region-blekinge", "232100-0057", Period.ALWAYS, null).organisationNumber())
                .isEqualTo("232100-0057");
    }

    @Test
    void organisationNumberMayBeUnknown() {
        assertThatCode(() -> party("region-blekinge", null, Period.ALWAYS, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"karlskrona", "region-blekinge", "landstinget-blekinge", "k2", "solvesborg"})
    void codeOfLowerCaseLettersDigitsAndDashesIsAccepted(String code) {
        assertThat(party(code, null, Period.ALWAYS, null).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Karlskrona", "1karlskrona", "-karlskrona", "karls krona", "region_blekinge",
            "sölvesborg", "blekinge/karlskrona", ""})
    void codeOtherThanLowerCaseLettersDigitsAndDashesIsRejected(String code) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> party(code, null, Period.ALWAYS, null))
                .withMessageContaining("'" + code + "'");
    }

    @Test
    void formerNamesAreCopiedNotShared() {
        List<Party.FormerName> formerNames = new ArrayList<>();
        formerNames.add(new Party.FormerName("Norrbottens läns landsting", LocalDate.of(2016, 12, 31)));
        Party region = new Party(PartyId.of("norrbotten/region-norrbotten"), "region-norrbotten", "norrbotten",
                "Region Norrbotten", PartyKind.REGION, null, Period.ALWAYS, null, formerNames);

        formerNames.clear();

        assertThat(region.formerNames()).extracting(Party.FormerName::name).containsExactly("Norrbottens läns landsting");
    }

    @Test
    void LSVO_17_countyCouncilAndRegionStandOnTheRegionalSideAndAssociationsOnTheMunicipalSide() {
        assertThat(PartyKind.MUNICIPALITY.side()).isEqualTo(PartySide.MUNICIPAL);
        assertThat(PartyKind.MUNICIPAL_ASSOCIATION.side()).isEqualTo(PartySide.MUNICIPAL);
        assertThat(PartyKind.REGION.side()).isEqualTo(PartySide.REGIONAL);
        assertThat(PartyKind.COUNTY_COUNCIL.side()).isEqualTo(PartySide.REGIONAL);
        assertThat(PartyKind.COUNTY_ADMINISTRATIVE_BOARD.side()).isEqualTo(PartySide.STATE);
    }

    private static Party party(String code, @Nullable String organisationNumber, Period validity,
            @Nullable PartyId successor) {
        return new Party(LANDSTINGET, code, "blekinge", "Part", PartyKind.COUNTY_COUNCIL, organisationNumber, validity,
                successor, List.of());
    }
}
