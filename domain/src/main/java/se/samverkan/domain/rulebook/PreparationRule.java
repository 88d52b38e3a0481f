package se.samverkan.domain.rulebook;

import se.samverkan.domain.RuleIds;

/** The preparation group and when it meets before each meeting (LSVO-23, LSVO-24: 14 weekdays). */
public record PreparationRule(String preparationBody, Lead lead, String rule) {

    public PreparationRule {
        RuleIds.require(rule);
    }
}
