package se.samverkan.domain.rulebook;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.RuleIds;

/**
 * Who can call an extra meeting: the chair, a share of the members (LSVO-07, PSVO-05: one third), or any party
 * (NB-04).
 */
public record ExtraMeetingRule(boolean chairMayRequest, @Nullable Fraction memberShare, boolean anyPartyMayRequest,
        String rule) {

    public ExtraMeetingRule {
        RuleIds.require(rule);
        if (!chairMayRequest && memberShare == null && !anyPartyMayRequest) {
            throw new DomainException(rule, "an extra-meeting rule must let someone ask for one");
        }
    }
}
