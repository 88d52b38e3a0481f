package se.samverkan.domain.rulebook;

import java.util.List;
import se.samverkan.domain.RuleIds;

/** The minutes (protokoll): kept at every meeting (NB-03) and signed by whom (LSVO-13, PSVO-10). */
public record MinutesRule(List<SignatoryRequirement> signatories, String rule) {

    public MinutesRule {
        RuleIds.require(rule);
        signatories = List.copyOf(signatories);
    }
}
