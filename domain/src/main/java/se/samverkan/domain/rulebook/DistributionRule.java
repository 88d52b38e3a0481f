package se.samverkan.domain.rulebook;

import java.util.List;
import se.samverkan.domain.RuleIds;

/** Who receives the minutes (expediering: LSVO-14, PSVO-11). */
public record DistributionRule(List<Recipient> recipients, String rule) {

    public DistributionRule {
        RuleIds.require(rule);
        recipients = List.copyOf(recipients);
    }
}
