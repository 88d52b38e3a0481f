package se.samverkan.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swedish working days (IMP-01): Monday to Friday, except the public holidays of the Act on public holidays
 * (lag 1989:253) and the eves that are not worked in practice — Midsummer Eve, Christmas Eve and New Year's Eve.
 * Computed, not looked up, so it holds for any year: Easter by the Gregorian computus, the movable days from it.
 */
public final class SwedishCalendar {

    private static final Map<Integer, Map<LocalDate, String>> YEARS = new ConcurrentHashMap<>();

    private SwedishCalendar() {
    }

    /** Whether a day is a working day (veckodag in the rulebooks' sense). */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(date.getYear()).containsKey(date);
    }

    /** The public holidays and non-working eves of a year, by date, with their Swedish names. */
    public static Map<LocalDate, String> holidays(int year) {
        return YEARS.computeIfAbsent(year, SwedishCalendar::compute);
    }

    private static Map<LocalDate, String> compute(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate easter = easterSunday(year);
        days.put(LocalDate.of(year, Month.JANUARY, 1), "Nyårsdagen");
        days.put(LocalDate.of(year, Month.JANUARY, 6), "Trettondedag jul");
        days.put(easter.minusDays(2), "Långfredagen");
        days.put(easter, "Påskdagen");
        days.put(easter.plusDays(1), "Annandag påsk");
        days.put(LocalDate.of(year, Month.MAY, 1), "Första maj");
        days.put(easter.plusDays(39), "Kristi himmelsfärdsdag");
        days.put(easter.plusDays(49), "Pingstdagen");
        days.put(LocalDate.of(year, Month.JUNE, 6), "Sveriges nationaldag");
        LocalDate midsummerDay = LocalDate.of(year, Month.JUNE, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        days.put(midsummerDay.minusDays(1), "Midsommarafton");
        days.put(midsummerDay, "Midsommardagen");
        days.put(LocalDate.of(year, Month.OCTOBER, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)),
                "Alla helgons dag");
        days.put(LocalDate.of(year, Month.DECEMBER, 24), "Julafton");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Juldagen");
        days.put(LocalDate.of(year, Month.DECEMBER, 26), "Annandag jul");
        days.put(LocalDate.of(year, Month.DECEMBER, 31), "Nyårsafton");
        return Collections.unmodifiableMap(days);
    }

    /** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** The set of non-working weekdays of a year; for tests and displays. */
    public static Set<LocalDate> nonWorkingWeekdays(int year) {
        return holidays(year).keySet().stream()
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
