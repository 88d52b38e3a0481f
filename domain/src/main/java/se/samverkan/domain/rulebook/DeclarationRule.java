package se.samverkan.domain.rulebook;

import java.util.Set;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.RuleIds;

/** How members may declare their positions (LSVO-05, LSVO-20), and whether a substitute may be sent. */
public record DeclarationRule(Set<DeclarationChannel> channels, boolean substituteAllowed, String rule) {

    public DeclarationRule {
        RuleIds.require(rule);
        if (channels.isEmpty()) {
            throw new DomainException(rule, "a declaration rule needs at least one channel");
        }
        channels = Set.copyOf(channels);
    }
}
