package se.samverkan.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A validity period with inclusive ends; a missing end is open. {@code to} is the last day something is valid:
 * Landstinget Blekinge is valid {@code to} 2018-12-31 and its successor {@code from} 2019-01-01.
 */
public record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

    public static final Period ALWAYS = new Period(null, null);

    public Period {
        if (from != null && to != null && to.isBefore(from)) {
            throw new DomainException("", "a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period from(LocalDate from) {
        return new Period(from, null);
    }

    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    /** Whether the two periods share at least one day. */
    public boolean overlaps(Period other) {
        boolean startsBeforeOtherEnds = from == null || other.to == null || !from.isAfter(other.to);
        boolean endsAfterOtherStarts = to == null || other.from == null || !to.isBefore(other.from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    /** Whether this period lies wholly inside {@code outer}. */
    public boolean within(Period outer) {
        boolean startOk = outer.from == null || (from != null && !from.isBefore(outer.from));
        boolean endOk = outer.to == null || (to != null && !to.isAfter(outer.to));
        return startOk && endOk;
    }
}
