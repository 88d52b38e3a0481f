package se.samverkan.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.Lead;

class DeadlinesTest {

    /** A Thursday LSVO meeting in January 2027 (ACCEPTANCE case). */
    private static final LocalDate LSVO_MEETING = LocalDate.of(2027, 1, 28);
    /** A PSVO meeting, Wednesday 2027-03-10. */
    private static final LocalDate PSVO_MEETING = LocalDate.of(2027, 3, 10);

    private static Lead weekdays(int n) {
        return new Lead(n, DayUnit.WEEKDAYS);
    }

    private static Lead days(int n) {
        return new Lead(n, DayUnit.CALENDAR_DAYS);
    }

    // ---- due, ACCEPTANCE ----

    @Test
    void LSVO_08_acceptance_noticeTenWeekdaysBeforeIsDueOnJanuary14() {
        // Jan 27, 26, 25, 22, 21, 20, 19, 18, 15, 14: the 10th working day before Thursday Jan 28
        assertThat(LSVO_MEETING.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(Deadlines.due(LSVO_MEETING, weekdays(10))).isEqualTo(LocalDate.of(2027, 1, 14));
    }

    @Test
    void LSVO_24_acceptance_preparationGroupFourteenWeekdaysBeforeMeetsOnJanuary8() {
        // ... 14 (10), 13, 12, 11, Fri 8 (14)
        assertThat(Deadlines.due(LSVO_MEETING, weekdays(14))).isEqualTo(LocalDate.of(2027, 1, 8));
    }

    @Test
    void LSVO_11_acceptance_decisionDocumentsTwentyOneWeekdaysBeforeAreDueOnDecember23() {
        // ... 8 (14), 7 (15), [6 Epiphany], 5 (16), 4 (17), [3, 2 weekend, 1 New Year's Day, Dec 31 New Year's Eve],
        // Dec 30 (18), 29 (19), 28 (20), [27, 26 weekend, 25 Christmas Day, 24 Christmas Eve], Dec 23 (21)
        assertThat(Deadlines.due(LSVO_MEETING, weekdays(21))).isEqualTo(LocalDate.of(2026, 12, 23));
    }

    @Test
    void LSVO_11_acceptance_otherDocumentsTenWeekdaysBeforeAreDueOnJanuary14() {
        assertThat(Deadlines.due(LSVO_MEETING, weekdays(10))).isEqualTo(LocalDate.of(2027, 1, 14));
    }

    @ParameterizedTest(name = "{0} weekdays before 2027-01-28 is {1}")
    @CsvSource({
            "1, 2027-01-27",
            "5, 2027-01-21",
            "9, 2027-01-15",
            "15, 2027-01-07",
            "16, 2027-01-05",
            "17, 2027-01-04",
            "18, 2026-12-30",
            "20, 2026-12-28",
            "22, 2026-12-22"})
    void IMP_01_weekdayLeadsSkipWeekendsAndHolidays(int amount, LocalDate expected) {
        assertThat(Deadlines.due(LSVO_MEETING, weekdays(amount))).isEqualTo(expected);
    }

    @Test
    void IMP_01_oneWeekdayBeforeTheMondayAfterNewYearIsDecember30() {
        // Mon 2027-01-04: skip Sun 3, Sat 2, Fri 1 (New Year's Day), Thu Dec 31 (New Year's Eve)
        assertThat(Deadlines.due(LocalDate.of(2027, 1, 4), weekdays(1))).isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    void IMP_01_oneWeekdayBeforeTheTuesdayAfterEasterIsMaundyThursday() {
        // Tue 2027-03-30: skip Easter Monday 29, Sunday 28, Saturday 27, Good Friday 26
        assertThat(Deadlines.due(LocalDate.of(2027, 3, 30), weekdays(1))).isEqualTo(LocalDate.of(2027, 3, 25));
    }

    @Test
    void IMP_01_aWeekdayDeadlineIsAlwaysAWorkingDay() {
        LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2028, 1, 1)).forEach(meeting -> {
            for (int n : new int[] {1, 7, 10, 14, 21}) {
                LocalDate due = Deadlines.due(meeting, weekdays(n));
                assertThat(SwedishCalendar.isWorkingDay(due)).as("%d weekdays before %s: %s", n, meeting, due)
                        .isTrue();
                assertThat(Deadlines.before(due, meeting, DayUnit.WEEKDAYS)).as("%s", meeting).isEqualTo(n);
            }
        });
    }

    @Test
    void PSVO_06_acceptance_sevenCalendarDaysBeforeMarch10IsMarch3() {
        assertThat(Deadlines.due(PSVO_MEETING, days(7))).isEqualTo(LocalDate.of(2027, 3, 3));
    }

    @Test
    void IMP_01_calendarDaysCountWeekendsAndHolidays() {
        // 7 days before Thursday 2027-01-07 is New Year's Eve, a holiday, and still the due day
        assertThat(Deadlines.due(LocalDate.of(2027, 1, 7), days(7))).isEqualTo(LocalDate.of(2026, 12, 31));
        // 7 days before Easter Monday 2027 is the Monday before, across Good Friday and the weekend
        assertThat(Deadlines.due(LocalDate.of(2027, 3, 29), days(7))).isEqualTo(LocalDate.of(2027, 3, 22));
        // whereas 7 weekdays before it skip Good Friday and two weekends: Thu 25 ... Wed 17
        assertThat(Deadlines.due(LocalDate.of(2027, 3, 29), weekdays(7))).isEqualTo(LocalDate.of(2027, 3, 17));
    }

    @Test
    void aZeroLeadIsDueOnTheMeetingDay() {
        assertThat(Deadlines.due(LSVO_MEETING, weekdays(0))).isEqualTo(LSVO_MEETING);
        assertThat(Deadlines.due(LSVO_MEETING, days(0))).isEqualTo(LSVO_MEETING);
    }

    // ---- onTime ----

    @Test
    void LSVO_08_noticeTenWeekdaysBeforeIsOnTime() {
        assertThat(Deadlines.onTime(LocalDate.of(2027, 1, 14), LSVO_MEETING, weekdays(10))).isTrue();
        assertThat(Deadlines.onTime(LocalDate.of(2027, 1, 13), LSVO_MEETING, weekdays(10))).isTrue();
        assertThat(Deadlines.onTime(LocalDate.of(2026, 12, 1), LSVO_MEETING, weekdays(10))).isTrue();
    }

    @Test
    void LSVO_08_noticeNineWeekdaysBeforeIsLate() {
        assertThat(Deadlines.onTime(LocalDate.of(2027, 1, 15), LSVO_MEETING, weekdays(10))).isFalse();
        assertThat(Deadlines.onTime(LSVO_MEETING, LSVO_MEETING, weekdays(10))).isFalse();
    }

    @Test
    void LSVO_08_noticeOnTheWeekendAfterTheDueDayIsLate() {
        // Sat 2027-01-16 is after the due Thursday: only 8 working days remain
        assertThat(Deadlines.onTime(LocalDate.of(2027, 1, 16), LSVO_MEETING, weekdays(10))).isFalse();
    }

    @Test
    void LSVO_11_decisionDocumentsOnDecember23AreOnTimeAndOnDecember28Late() {
        assertThat(Deadlines.onTime(LocalDate.of(2026, 12, 23), LSVO_MEETING, weekdays(21))).isTrue();
        // Christmas Eve and the days up to Dec 28 are after the due day
        assertThat(Deadlines.onTime(LocalDate.of(2026, 12, 24), LSVO_MEETING, weekdays(21))).isFalse();
        assertThat(Deadlines.onTime(LocalDate.of(2026, 12, 28), LSVO_MEETING, weekdays(21))).isFalse();
    }

    @Test
    void PSVO_06_sevenDaysBeforeIsOnTimeSixDaysBeforeIsLate() {
        assertThat(Deadlines.onTime(LocalDate.of(2027, 3, 3), PSVO_MEETING, days(7))).isTrue();
        assertThat(Deadlines.onTime(LocalDate.of(2027, 3, 2), PSVO_MEETING, days(7))).isTrue();
        assertThat(Deadlines.onTime(LocalDate.of(2027, 3, 4), PSVO_MEETING, days(7))).isFalse();
    }

    // ---- before ----

    @ParameterizedTest(name = "{0} is {1} weekdays before 2027-01-28")
    @CsvSource({
            "2027-01-27, 1",
            "2027-01-15, 9",
            "2027-01-14, 10",
            "2027-01-08, 14",
            "2027-01-07, 15",
            "2026-12-23, 21",
            "2026-12-24, 20",
            "2026-12-27, 20",
            "2027-01-06, 15",
            "2027-01-16, 8",
            "2027-01-28, 0"})
    void IMP_01_weekdaysBeforeCountTheDayDoneAndNotTheMeetingDay(LocalDate done, int expected) {
        assertThat(Deadlines.before(done, LSVO_MEETING, DayUnit.WEEKDAYS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1} days before 2027-03-10")
    @CsvSource({
            "2027-03-03, 7",
            "2027-03-04, 6",
            "2027-03-09, 1",
            "2027-03-10, 0",
            "2027-02-28, 10"})
    void PSVO_06_calendarDaysBefore(LocalDate done, int expected) {
        assertThat(Deadlines.before(done, PSVO_MEETING, DayUnit.CALENDAR_DAYS)).isEqualTo(expected);
    }

    @Test
    void calendarDaysBeforeAcrossTheYearBoundaryCountEveryDay() {
        assertThat(Deadlines.before(LocalDate.of(2026, 12, 23), LSVO_MEETING, DayUnit.CALENDAR_DAYS)).isEqualTo(36);
    }

    static Stream<LocalDate> daysAroundTheLsvoMeeting() {
        return LocalDate.of(2026, 11, 15).datesUntil(LSVO_MEETING.plusDays(1));
    }

    @ParameterizedTest
    @MethodSource("daysAroundTheLsvoMeeting")
    void IMP_01_onTimeExactlyWhenAtLeastTheLeadLiesBefore(LocalDate done) {
        for (int n : new int[] {10, 14, 21}) {
            assertThat(Deadlines.onTime(done, LSVO_MEETING, weekdays(n)))
                    .as("%s, %d weekdays", done, n)
                    .isEqualTo(Deadlines.before(done, LSVO_MEETING, DayUnit.WEEKDAYS) >= n);
            assertThat(Deadlines.onTime(done, LSVO_MEETING, days(n)))
                    .as("%s, %d days", done, n)
                    .isEqualTo(Deadlines.before(done, LSVO_MEETING, DayUnit.CALENDAR_DAYS) >= n);
        }
    }
}
