package se.samverkan.domain.rulebook;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.RuleIds;

/**
 * The preparation group and when it meets before each meeting (LSVO-23, LSVO-24: 14 weekdays).
 *
 * @param rule          the rule of its lead time (LSVO-24)
 * @param mandateRule   the rule that gives the group its say over which matters go to which meeting (LSVO-23)
 */
public record PreparationRule(String preparationBody, Lead lead, String rule, @Nullable String mandateRule) {

    public PreparationRule(String preparationBody, Lead lead, String rule) {
        this(preparationBody, lead, rule, null);
    }

    public PreparationRule {
        RuleIds.require(rule);
        if (mandateRule != null) {
            RuleIds.require(mandateRule);
        }
    }
}
