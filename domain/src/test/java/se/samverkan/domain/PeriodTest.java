package se.samverkan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate Y2018_01_01 = LocalDate.of(2018, 1, 1);
    private static final LocalDate Y2018_12_31 = LocalDate.of(2018, 12, 31);
    private static final LocalDate Y2019_01_01 = LocalDate.of(2019, 1, 1);

    /** Landstinget Blekinge: valid to 2018-12-31, the last day it existed. */
    private static final Period YEAR_2018 = new Period(Y2018_01_01, Y2018_12_31);

    @Test
    void containsBothEndsInclusive() {
        assertThat(YEAR_2018.contains(Y2018_01_01)).isTrue();
        assertThat(YEAR_2018.contains(LocalDate.of(2018, 6, 1))).isTrue();
        assertThat(YEAR_2018.contains(Y2018_12_31)).isTrue();
    }

    @Test
    void doesNotContainTheDayBeforeItStartsOrTheDayAfterItEnds() {
        assertThat(YEAR_2018.contains(LocalDate.of(2017, 12, 31))).isFalse();
        assertThat(YEAR_2018.contains(Y2019_01_01)).isFalse();
    }

    @Test
    void singleDayPeriodContainsExactlyThatDay() {
        Period oneDay = new Period(Y2018_12_31, Y2018_12_31);

        assertThat(oneDay.contains(Y2018_12_31)).isTrue();
        assertThat(oneDay.contains(Y2018_12_31.minusDays(1))).isFalse();
        assertThat(oneDay.contains(Y2019_01_01)).isFalse();
    }

    @Test
    void openEndContainsEveryDayFromTheStartOn() {
        Period regionBlekinge = Period.from(Y2019_01_01);

        assertThat(regionBlekinge.to()).isNull();
        assertThat(regionBlekinge.contains(Y2019_01_01)).isTrue();
        assertThat(regionBlekinge.contains(LocalDate.of(2999, 12, 31))).isTrue();
        assertThat(regionBlekinge.contains(Y2018_12_31)).isFalse();
    }

    @Test
    void openStartContainsEveryDayUpToTheEnd() {
        Period untilEndOf2018 = new Period(null, Y2018_12_31);

        assertThat(untilEndOf2018.contains(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(untilEndOf2018.contains(Y2018_12_31)).isTrue();
        assertThat(untilEndOf2018.contains(Y2019_01_01)).isFalse();
    }

    @Test
    void alwaysContainsAnyDate() {
        assertThat(Period.ALWAYS.contains(LocalDate.of(1, 1, 1))).isTrue();
        assertThat(Period.ALWAYS.contains(LocalDate.of(9999, 12, 31))).isTrue();
    }

    @Test
    void rejectsEndBeforeStart() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Period(Y2019_01_01, Y2018_12_31))
                .withMessageContaining("2018-12-31")
                .withMessageContaining("2019-01-01")
                .satisfies(e -> assertThat(e.ruleId()).isEmpty());
    }

    @Test
    void periodsSharingOneBoundaryDayOverlap() {
        Period fromLastDayOf2018 = Period.from(Y2018_12_31);

        assertThat(YEAR_2018.overlaps(fromLastDayOf2018)).isTrue();
        assertThat(fromLastDayOf2018.overlaps(YEAR_2018)).isTrue();
    }

    @Test
    void AGR_02_predecessorAndSuccessorAreAdjacentAndDoNotOverlap() {
        Period landstinget = new Period(null, Y2018_12_31);
        Period newRegion = Period.from(Y2019_01_01);

        assertThat(landstinget.overlaps(newRegion)).isFalse();
        assertThat(newRegion.overlaps(landstinget)).isFalse();
    }

    @Test
    void disjointClosedPeriodsDoNotOverlap() {
        Period year2020 = new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));

        assertThat(YEAR_2018.overlaps(year2020)).isFalse();
        assertThat(year2020.overlaps(YEAR_2018)).isFalse();
    }

    @Test
    void nestedPeriodsOverlap() {
        Period june = new Period(LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 30));

        assertThat(YEAR_2018.overlaps(june)).isTrue();
        assertThat(june.overlaps(YEAR_2018)).isTrue();
    }

    @Test
    void openEndedPeriodsOverlapWhenTheOtherReachesPastTheStart() {
        assertThat(Period.from(Y2018_01_01).overlaps(Period.from(Y2019_01_01))).isTrue();
        assertThat(Period.ALWAYS.overlaps(YEAR_2018)).isTrue();
        assertThat(new Period(null, Y2018_01_01).overlaps(YEAR_2018)).isTrue();
        assertThat(new Period(null, Y2018_01_01.minusDays(1)).overlaps(YEAR_2018)).isFalse();
    }

    @Test
    void withinAcceptsAPeriodInsideOrEqualToTheOuter() {
        Period june = new Period(LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 30));

        assertThat(june.within(YEAR_2018)).isTrue();
        assertThat(YEAR_2018.within(YEAR_2018)).isTrue();
        assertThat(YEAR_2018.within(Period.ALWAYS)).isTrue();
        assertThat(YEAR_2018.within(Period.from(Y2018_01_01))).isTrue();
    }

    @Test
    void withinRejectsAPeriodThatStartsBeforeOrEndsAfterTheOuter() {
        assertThat(new Period(LocalDate.of(2017, 12, 31), Y2018_12_31).within(YEAR_2018)).isFalse();
        assertThat(new Period(Y2018_01_01, Y2019_01_01).within(YEAR_2018)).isFalse();
    }

    @Test
    void withinRejectsAnOpenEndInsideAClosedOuter() {
        assertThat(Period.from(LocalDate.of(2018, 6, 1)).within(YEAR_2018)).isFalse();
        assertThat(new Period(null, LocalDate.of(2018, 6, 1)).within(YEAR_2018)).isFalse();
        assertThat(Period.ALWAYS.within(YEAR_2018)).isFalse();
        assertThat(Period.ALWAYS.within(Period.ALWAYS)).isTrue();
    }
}
