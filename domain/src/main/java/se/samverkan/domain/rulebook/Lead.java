package se.samverkan.domain.rulebook;

import se.samverkan.domain.DomainException;

/** A lead time before a meeting, e.g. 10 weekdays (LSVO-08) or 7 days (PSVO-06). */
public record Lead(int amount, DayUnit unit) {

    public Lead {
        if (amount < 0 || amount > 366) {
            throw new DomainException("", "a lead time of " + amount + " " + unit + " is outside 0..366");
        }
    }
}
