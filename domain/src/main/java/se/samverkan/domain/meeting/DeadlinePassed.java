package se.samverkan.domain.meeting;

import java.time.LocalDate;
import se.samverkan.domain.DomainException;

/** Something came after the rulebook's deadline for a meeting; names the rule and the day it was due. */
public final class DeadlinePassed extends DomainException {

    private final LocalDate due;

    public DeadlinePassed(String ruleId, String what, LocalDate due, LocalDate meeting) {
        super(ruleId, what + " was due on " + due + " for the meeting on " + meeting);
        this.due = due;
    }

    public LocalDate due() {
        return due;
    }
}
