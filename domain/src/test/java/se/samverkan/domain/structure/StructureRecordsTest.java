package se.samverkan.domain.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

/** Validation of the smaller structure records: counties, bodies, relations, committees, people, appointments. */
class StructureRecordsTest {

    private static final BodyId LSVO = BodyId.of("blekinge/LSVO");
    private static final BodyId PSVO = BodyId.of("blekinge/PSVO");

    @Test
    void countyNeedsALowerCaseCodeAndANumberIn1To99() {
        assertThat(new County("blekinge", 10, "Blekinge län").number()).isEqualTo(10);
        assertThat(new County("norrbotten", 25, "Norrbottens län").code()).isEqualTo("norrbotten");

        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new County("Blekinge", 10, "Blekinge län"));
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new County("blekinge", 0, "Blekinge län"));
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new County("blekinge", 100, "Blekinge län"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSVO", "PSVO", "Att-växa-upp", "Mitt_i_livet", "Åldras"})
    void bodyShortNameOfLettersDigitsDashAndUnderscoreIsAccepted(String shortName) {
        assertThat(body(shortName).shortName()).isEqualTo(shortName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-LSVO", "LSVO PSVO", "LSVO/1"})
    void bodyShortNameWithOtherCharactersIsRejected(String shortName) {
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> body(shortName));
    }

    @Test
    void LSVO_28_aBodyCannotBeRelatedToItself() {
        assertThat(new BodyRelation(LSVO, RelationKind.REPORTS_TO, PSVO, "LSVO-28", Period.ALWAYS).to())
                .isEqualTo(PSVO);
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new BodyRelation(LSVO, RelationKind.REPORTS_TO, LSVO, "LSVO-28", Period.ALWAYS));
    }

    @Test
    void committeeCodeIsLowerCaseAndItsSubjectAreasAreCopied() {
        List<String> areas = new ArrayList<>(List.of("halso-och-sjukvard"));
        Committee hsn = new Committee(CommitteeId.of("blekinge/region-blekinge/hsn"),
                PartyId.of("blekinge/region-blekinge"), "hsn", "Hälso- och sjukvårdsnämnden", CommitteeKind.COMMITTEE,
                areas, Period.ALWAYS);
        areas.add("skola");

        assertThat(hsn.subjectAreas()).containsExactly("halso-och-sjukvard");
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Committee(CommitteeId.of("x"), PartyId.of("x"), "HSN", "HSN",
                        CommitteeKind.COMMITTEE, List.of(), Period.ALWAYS));
    }

    @Test
    void subjectAreaCodeIsLowerCase() {
        assertThat(new SubjectArea("ifo", "Individ- och familjeomsorg").code()).isEqualTo("ifo");
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new SubjectArea("IFO", "IFO"));
    }

    @Test
    void personNeedsANameAndIsIdentifiedByItsId() {
        PersonId id = PersonId.of("blekinge/sekreterare.lsvo");
        Person secretary = new Person(id, "Sekreterare LSVO", "sekreterare.lsvo", "region-blekinge");

        assertThat(secretary.subject()).isEqualTo(id.value().toString());
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new Person(id, "  ", null, null));
    }

    @Test
    void appointmentIsActiveWithinItsPeriodInclusive() {
        Appointment appointment = new Appointment(AppointmentId.of("a"), PersonId.of("p"), SeatId.of("s"),
                new Period(LocalDate.of(2024, 2, 16), LocalDate.of(2026, 12, 31)));

        assertThat(appointment.activeOn(LocalDate.of(2024, 2, 15))).isFalse();
        assertThat(appointment.activeOn(LocalDate.of(2024, 2, 16))).isTrue();
        assertThat(appointment.activeOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(appointment.activeOn(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void idsAreStableForANaturalKeyAndDistinctPerKindOfThing() {
        assertThat(PartyId.of("blekinge/karlskrona")).isEqualTo(PartyId.of("blekinge/karlskrona"));
        assertThat(PartyId.of("blekinge/karlskrona")).isNotEqualTo(PartyId.of("blekinge/ronneby"));
        assertThat(PartyId.of("blekinge/lsvo").value()).isNotEqualTo(BodyId.of("blekinge/lsvo").value());
        assertThat(PartyId.of("blekinge/karlskrona").toString())
                .isEqualTo(PartyId.of("blekinge/karlskrona").value().toString());
    }

    private static Body body(String shortName) {
        return new Body(BodyId.of("blekinge/" + shortName), "blekinge", shortName, shortName,
                BodyKind.LEADERSHIP_GROUP, BodyLevel.OFFICIALS, false, null, null, Period.ALWAYS);
    }
}
