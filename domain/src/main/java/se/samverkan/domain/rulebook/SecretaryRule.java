package se.samverkan.domain.rulebook;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.RuleIds;

/** Who provides the secretary (LSVO-26, PSVO-12: Region Blekinge; NB-02: alternates yearly). */
public record SecretaryRule(@Nullable String providedByParty, boolean rotatesYearly, String rule) {

    public SecretaryRule {
        RuleIds.require(rule);
    }
}
