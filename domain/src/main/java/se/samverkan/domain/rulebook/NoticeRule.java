package se.samverkan.domain.rulebook;

import se.samverkan.domain.RuleIds;

/** The notice (kallelse): who sends it and how long before the meeting (LSVO-08: secretary, 10 weekdays; PSVO-06: chair, 7 days). */
public record NoticeRule(Actor sentBy, Lead lead, String rule) {

    public NoticeRule {
        RuleIds.require(rule);
    }
}
