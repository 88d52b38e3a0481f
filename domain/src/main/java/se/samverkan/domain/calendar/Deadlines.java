package se.samverkan.domain.calendar;

import java.time.LocalDate;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.Lead;

/**
 * Lead times counted back from a meeting (IMP-01). "At least 10 weekdays before the meeting" means that between the
 * due day and the meeting day lie at least 10 working days counting the due day and not the meeting day: the due day
 * is the 10th working day before the meeting, and anything on or before it is on time. Calendar days (PSVO-06:
 * "senast 7 dagar innan") count every day.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The last day something is on time for a meeting on {@code meeting} with this lead. */
    public static LocalDate due(LocalDate meeting, Lead lead) {
        if (lead.unit() == DayUnit.CALENDAR_DAYS) {
            return meeting.minusDays(lead.amount());
        }
        LocalDate day = meeting;
        int counted = 0;
        while (counted < lead.amount()) {
            day = day.minusDays(1);
            if (SwedishCalendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Whether something done on {@code done} met the lead for a meeting on {@code meeting}. */
    public static boolean onTime(LocalDate done, LocalDate meeting, Lead lead) {
        return !done.isAfter(due(meeting, lead));
    }

    /** How many units of the lead's kind lie between {@code done} (counted) and {@code meeting} (not counted). */
    public static int before(LocalDate done, LocalDate meeting, DayUnit unit) {
        if (unit == DayUnit.CALENDAR_DAYS) {
            return (int) java.time.temporal.ChronoUnit.DAYS.between(done, meeting);
        }
        int count = 0;
        for (LocalDate day = done; day.isBefore(meeting); day = day.plusDays(1)) {
            if (SwedishCalendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
