package se.samverkan.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SwedishCalendarTest {

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    // ---- Easter ----

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2019, 2019-04-21",
            "2000, 2000-04-23",
            "2038, 2038-04-25",
            "2008, 2008-03-23",
            "1818, 1818-03-22",
            "2285, 2285-03-22",
            "1943, 1943-04-25"})
    void IMP_01_easterSundayOfKnownYears(int year, LocalDate expected) {
        assertThat(SwedishCalendar.easterSunday(year)).isEqualTo(expected);
    }

    static IntStream years() {
        return IntStream.rangeClosed(1900, 2199);
    }

    @ParameterizedTest
    @MethodSource("years")
    void IMP_01_easterIsASundayBetweenMarch22AndApril25(int year) {
        LocalDate easter = SwedishCalendar.easterSunday(year);

        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(easter).isBetween(d(year, 3, 22), d(year, 4, 25));
    }

    // ---- the holidays of 2026 and 2027 ----

    @Test
    void IMP_01_holidaysOf2026ByDate() {
        assertThat(SwedishCalendar.holidays(2026)).containsOnlyKeys(
                d(2026, 1, 1),   // Nyårsdagen (Thu)
                d(2026, 1, 6),   // Trettondedag jul (Tue)
                d(2026, 4, 3),   // Långfredagen
                d(2026, 4, 5),   // Påskdagen
                d(2026, 4, 6),   // Annandag påsk
                d(2026, 5, 1),   // Första maj (Fri)
                d(2026, 5, 14),  // Kristi himmelsfärdsdag (Thu)
                d(2026, 5, 24),  // Pingstdagen
                d(2026, 6, 6),   // Nationaldagen (Sat)
                d(2026, 6, 19),  // Midsommarafton (Fri)
                d(2026, 6, 20),  // Midsommardagen
                d(2026, 10, 31), // Alla helgons dag (Sat)
                d(2026, 12, 24), // Julafton (Thu)
                d(2026, 12, 25), // Juldagen (Fri)
                d(2026, 12, 26), // Annandag jul (Sat)
                d(2026, 12, 31)); // Nyårsafton (Thu)
    }

    @Test
    void IMP_01_holidaysOf2027ByDate() {
        assertThat(SwedishCalendar.holidays(2027)).containsOnlyKeys(
                d(2027, 1, 1),   // Nyårsdagen (Fri)
                d(2027, 1, 6),   // Trettondedag jul (Wed)
                d(2027, 3, 26),  // Långfredagen
                d(2027, 3, 28),  // Påskdagen
                d(2027, 3, 29),  // Annandag påsk
                d(2027, 5, 1),   // Första maj (Sat)
                d(2027, 5, 6),   // Kristi himmelsfärdsdag (Thu)
                d(2027, 5, 16),  // Pingstdagen
                d(2027, 6, 6),   // Nationaldagen (Sun)
                d(2027, 6, 25),  // Midsommarafton (Fri)
                d(2027, 6, 26),  // Midsommardagen
                d(2027, 11, 6),  // Alla helgons dag (Sat between Oct 31 and Nov 6)
                d(2027, 12, 24), // Julafton (Fri)
                d(2027, 12, 25), // Juldagen (Sat)
                d(2027, 12, 26), // Annandag jul (Sun)
                d(2027, 12, 31)); // Nyårsafton (Fri)
    }

    @Test
    void IMP_01_holidaysCarryTheirSwedishNames() {
        Map<LocalDate, String> y2026 = SwedishCalendar.holidays(2026);

        assertThat(y2026)
                .containsEntry(d(2026, 4, 3), "Långfredagen")
                .containsEntry(d(2026, 4, 6), "Annandag påsk")
                .containsEntry(d(2026, 5, 14), "Kristi himmelsfärdsdag")
                .containsEntry(d(2026, 6, 6), "Sveriges nationaldag")
                .containsEntry(d(2026, 6, 19), "Midsommarafton")
                .containsEntry(d(2026, 12, 24), "Julafton")
                .containsEntry(d(2026, 12, 25), "Juldagen")
                .containsEntry(d(2026, 12, 26), "Annandag jul")
                .containsEntry(d(2026, 12, 31), "Nyårsafton")
                .containsEntry(d(2026, 1, 1), "Nyårsdagen")
                .containsEntry(d(2026, 1, 6), "Trettondedag jul")
                .containsEntry(d(2026, 5, 1), "Första maj");
    }

    @Test
    void IMP_01_nonWorkingWeekdaysOf2026AndOf2027() {
        assertThat(SwedishCalendar.nonWorkingWeekdays(2026)).containsExactly(
                d(2026, 1, 1), d(2026, 1, 6), d(2026, 4, 3), d(2026, 4, 6), d(2026, 5, 1), d(2026, 5, 14),
                d(2026, 6, 19), d(2026, 12, 24), d(2026, 12, 25), d(2026, 12, 31));
        assertThat(SwedishCalendar.nonWorkingWeekdays(2027)).containsExactly(
                d(2027, 1, 1), d(2027, 1, 6), d(2027, 3, 26), d(2027, 3, 29), d(2027, 5, 6), d(2027, 6, 25),
                d(2027, 12, 24), d(2027, 12, 31));
    }

    @Test
    void IMP_01_workingDaysPerYearAreWeekdaysLessHolidaysOnWeekdays() {
        // 2026 and 2027 each have 261 Monday-to-Friday days; 10 resp. 8 of them are holidays or eves
        assertThat(workingDaysIn(2026)).isEqualTo(251);
        assertThat(workingDaysIn(2027)).isEqualTo(253);
    }

    private static long workingDaysIn(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(SwedishCalendar::isWorkingDay).count();
    }

    @Test
    void holidaysOfAYearAreUnmodifiable() {
        Map<LocalDate, String> holidays = SwedishCalendar.holidays(2026);

        org.assertj.core.api.Assertions.assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> holidays.put(d(2026, 3, 3), "Fettisdagen"));
        assertThat(SwedishCalendar.isWorkingDay(d(2026, 3, 3))).isTrue();
    }

    // ---- isWorkingDay ----

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-02", "2027-01-03", "2026-06-20", "2026-06-21", "2027-03-27"})
    void IMP_01_weekendsAreNotWorkingDays(LocalDate weekend) {
        assertThat(weekend.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(SwedishCalendar.isWorkingDay(weekend)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-06-19",
            "2026-12-24", "2026-12-25", "2026-12-31",
            "2027-01-01", "2027-01-06", "2027-03-26", "2027-03-29", "2027-05-06", "2027-06-25", "2027-12-24",
            "2027-12-31"})
    void IMP_01_holidaysOnWeekdaysAreNotWorkingDays(LocalDate holiday) {
        assertThat(holiday.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(SwedishCalendar.isWorkingDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-28", "2027-01-14", "2026-06-18", "2026-06-22", "2027-03-25", "2027-03-30",
            "2026-12-23", "2026-05-15", "2027-05-07", "2026-04-02", "2026-04-07", "2026-06-05", "2027-06-07"})
    void IMP_01_ordinaryWeekdaysAreWorkingDays(LocalDate weekday) {
        assertThat(SwedishCalendar.isWorkingDay(weekday)).isTrue();
    }

    @Test
    void IMP_01_midsummerEveIsNotAWorkingDay() {
        assertThat(SwedishCalendar.isWorkingDay(d(2026, 6, 19))).isFalse();
        assertThat(SwedishCalendar.isWorkingDay(d(2027, 6, 25))).isFalse();
        // the Friday before Midsummer week and the Thursday before the eve are ordinary
        assertThat(SwedishCalendar.isWorkingDay(d(2027, 6, 18))).isTrue();
        assertThat(SwedishCalendar.isWorkingDay(d(2027, 6, 24))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("years")
    void IMP_01_midsummerEveIsTheFridayBetweenJune19And25(int year) {
        LocalDate eve = Stream.iterate(d(year, 6, 19), day -> day.plusDays(1)).limit(7)
                .filter(day -> day.getDayOfWeek() == DayOfWeek.FRIDAY).findFirst().orElseThrow();

        assertThat(SwedishCalendar.holidays(year)).containsEntry(eve, "Midsommarafton")
                .containsEntry(eve.plusDays(1), "Midsommardagen");
        assertThat(SwedishCalendar.isWorkingDay(eve)).isFalse();
        assertThat(SwedishCalendar.isWorkingDay(eve.minusDays(1))).isTrue();
        assertThat(SwedishCalendar.isWorkingDay(eve.plusDays(3))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("years")
    void IMP_01_fixedHolidaysAreNeverWorkingDays(int year) {
        for (LocalDate day : new LocalDate[] {d(year, 1, 1), d(year, 1, 6), d(year, 5, 1), d(year, 6, 6),
                d(year, 12, 24), d(year, 12, 25), d(year, 12, 26), d(year, 12, 31)}) {
            assertThat(SwedishCalendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        LocalDate easter = SwedishCalendar.easterSunday(year);
        assertThat(SwedishCalendar.isWorkingDay(easter.minusDays(2))).as("Good Friday").isFalse();
        assertThat(SwedishCalendar.isWorkingDay(easter.plusDays(1))).as("Easter Monday").isFalse();
        assertThat(SwedishCalendar.isWorkingDay(easter.plusDays(39))).as("Ascension").isFalse();
        assertThat(easter.plusDays(39).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        // Maundy Thursday and the Tuesday after Easter are ordinary working days
        assertThat(SwedishCalendar.isWorkingDay(easter.minusDays(3))).as("Maundy Thursday").isTrue();
        assertThat(SwedishCalendar.isWorkingDay(easter.plusDays(2))).as("Tuesday after Easter").isTrue();
    }

    @Test
    void IMP_01_christmasWeek2026AndTheYearBoundaryInto2027() {
        Map<LocalDate, Boolean> expected = new java.util.LinkedHashMap<>();
        expected.put(d(2026, 12, 21), true);  // Mon
        expected.put(d(2026, 12, 22), true);  // Tue
        expected.put(d(2026, 12, 23), true);  // Wed
        expected.put(d(2026, 12, 24), false); // Thu, Julafton
        expected.put(d(2026, 12, 25), false); // Fri, Juldagen
        expected.put(d(2026, 12, 26), false); // Sat, Annandag jul
        expected.put(d(2026, 12, 27), false); // Sun
        expected.put(d(2026, 12, 28), true);  // Mon
        expected.put(d(2026, 12, 29), true);  // Tue
        expected.put(d(2026, 12, 30), true);  // Wed
        expected.put(d(2026, 12, 31), false); // Thu, Nyårsafton
        expected.put(d(2027, 1, 1), false);   // Fri, Nyårsdagen
        expected.put(d(2027, 1, 2), false);   // Sat
        expected.put(d(2027, 1, 3), false);   // Sun
        expected.put(d(2027, 1, 4), true);    // Mon
        expected.put(d(2027, 1, 5), true);    // Tue
        expected.put(d(2027, 1, 6), false);   // Wed, Trettondedag jul
        expected.put(d(2027, 1, 7), true);    // Thu
        expected.put(d(2027, 1, 8), true);    // Fri

        Map<LocalDate, Boolean> actual = new java.util.LinkedHashMap<>();
        d(2026, 12, 21).datesUntil(d(2027, 1, 9)).forEach(day -> actual.put(day, SwedishCalendar.isWorkingDay(day)));

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void IMP_01_holidaysAreComputedPerYear() {
        // the 2026 and 2027 holidays do not leak into each other
        assertThat(SwedishCalendar.holidays(2026)).doesNotContainKey(d(2027, 1, 1));
        assertThat(SwedishCalendar.holidays(2027)).doesNotContainKey(d(2026, 12, 31));
        assertThat(SwedishCalendar.holidays(2026).keySet()).allMatch(day -> day.getYear() == 2026);
        assertThat(SwedishCalendar.holidays(2027).keySet()).allMatch(day -> day.getYear() == 2027);
        assertThat(SwedishCalendar.holidays(2026).keySet()).allMatch(day -> day.getMonth() != Month.FEBRUARY);
    }
}
