package se.samverkan.domain.rulebook;

import java.util.List;
import se.samverkan.domain.RuleIds;

/** To whom the body may issue recommendations (LSVO-27, PSVO-09, AGR-04). */
public record RecommendationRule(List<String> addressees, String rule) {

    public RecommendationRule {
        RuleIds.require(rule);
        addressees = List.copyOf(addressees);
    }
}
