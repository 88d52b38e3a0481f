package se.samverkan.domain.rulebook;

import se.samverkan.domain.RuleIds;

/** When documents for a matter of a type are due before the meeting (LSVO-11: decision 21 weekdays, others 10). */
public record SubmissionDeadline(MatterType matterType, Lead lead, String rule) {

    public SubmissionDeadline {
        RuleIds.require(rule);
    }
}
