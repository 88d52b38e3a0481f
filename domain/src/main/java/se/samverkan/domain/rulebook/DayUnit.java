package se.samverkan.domain.rulebook;

/** How a lead time is counted (IMP-01). */
public enum DayUnit {
    /** veckodagar: Monday–Friday excluding Swedish public holidays */
    WEEKDAYS,
    /** dagar: calendar days */
    CALENDAR_DAYS
}
