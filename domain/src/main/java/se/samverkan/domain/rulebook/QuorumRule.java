package se.samverkan.domain.rulebook;

import se.samverkan.domain.RuleIds;

/** Who must be present or have declared for a category of decision (LSVO-17, LSVO-18, LSVO-19). */
public record QuorumRule(DecisionCategory category, QuorumKind kind, String rule) {

    public QuorumRule {
        RuleIds.require(rule);
    }
}
