package se.samverkan.domain.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

class SeatTest {

    private static final BodyId LSVO = BodyId.of("blekinge/LSVO");
    private static final BodyId PSVO = BodyId.of("blekinge/PSVO");
    private static final PartyId KARLSKRONA = PartyId.of("blekinge/karlskrona");
    private static final PartyId REGION = PartyId.of("blekinge/region-blekinge");

    @Test
    void LSVO_22_coOptedSeatCannotCarryMandate() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> seat(LSVO, "sammankallande-att-vaxa-upp", REGION, null, SeatRole.CO_OPTED, true))
                .withMessageContaining("sammankallande-att-vaxa-upp")
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("LSVO-22"));
    }

    @Test
    void LSVO_22_secretarySeatCannotCarryMandate() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> seat(LSVO, "sekreterare", REGION, null, SeatRole.SECRETARY, true))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("LSVO-22"));
    }

    @Test
    void PSVO_04_expertSeatCannotCarryMandate() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> seat(PSVO, "sakkunnig", KARLSKRONA, null, SeatRole.EXPERT, true))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("PSVO-04"));
    }

    @ParameterizedTest
    @EnumSource(value = SeatRole.class, names = {"CO_OPTED", "EXPERT", "SECRETARY"})
    void LSVO_03_seatsWithoutPartInDecisionsAreAcceptedWithoutMandate(SeatRole role) {
        Seat seat = seat(LSVO, "utan-mandat", REGION, null, role, false);

        assertThat(seat.decisionMandate()).isFalse();
        assertThat(role.mayCarryMandate()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SeatRole.class, names = {"MEMBER", "CHAIR", "VICE_CHAIR", "SUBSTITUTE"})
    void LSVO_16_membersChairsAndSubstitutesMayDecideWithinTheirOwnMandate(SeatRole role) {
        Seat seat = seat(LSVO, "forvaltningschef-aldre", KARLSKRONA, null, role, true);

        assertThat(seat.decisionMandate()).isTrue();
        assertThat(role.mayCarryMandate()).isTrue();
    }

    @Test
    void aSeatWithoutPartyAndWithoutExternalOrganisationIsRejected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> seat(LSVO, "ingen", null, null, SeatRole.MEMBER, false))
                .withMessageContaining("'ingen'");
    }

    @Test
    void POL_03_aSeatOfAnOutsideOrganisationNeedsNoParty() {
        Seat lansstyrelsen = seat(BodyId.of("blekinge/tjansteperson-styrgrupp"), "landshovding", null,
                "Länsstyrelsen Blekinge", SeatRole.MEMBER, true);

        assertThat(lansstyrelsen.party()).isNull();
        assertThat(lansstyrelsen.externalOrganisation()).isEqualTo("Länsstyrelsen Blekinge");
    }

    @Test
    void subjectAreasAreCopiedNotShared() {
        List<String> areas = new ArrayList<>(List.of("aldre"));
        Seat seat = new Seat(SeatId.of("lsvo/karlskrona/aldre"), LSVO, "karlskrona-aldre", KARLSKRONA, null,
                "forvaltningschef-aldre", "Förvaltningschef äldreomsorg", SeatRole.MEMBER, areas, true, null,
                Period.ALWAYS);

        areas.add("skola");

        assertThat(seat.subjectAreas()).containsExactly("aldre");
    }

    private static Seat seat(BodyId body, String key, @Nullable PartyId party, @Nullable String externalOrganisation,
            SeatRole role, boolean decisionMandate) {
        return new Seat(SeatId.of(body + "/" + key), body, key, party, externalOrganisation, key, key, role, List.of(),
                decisionMandate, null, Period.ALWAYS);
    }
}
