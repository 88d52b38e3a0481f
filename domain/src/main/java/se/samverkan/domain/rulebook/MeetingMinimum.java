package se.samverkan.domain.rulebook;

import se.samverkan.domain.DomainException;
import se.samverkan.domain.RuleIds;

/** At least so many meetings per year (LSVO-06: 8, PSVO-05 and NB-04: 4). */
public record MeetingMinimum(int perYear, String rule) {

    public MeetingMinimum {
        if (perYear < 1 || perYear > 366) {
            throw new DomainException(rule, "a meeting minimum of " + perYear + " a year is outside 1..366");
        }
        RuleIds.require(rule);
    }
}
