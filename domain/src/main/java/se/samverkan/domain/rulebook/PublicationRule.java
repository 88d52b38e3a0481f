package se.samverkan.domain.rulebook;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.RuleIds;

/** Whether and where the minutes are published (LSVO-15: Region Blekinge's external website). */
public record PublicationRule(boolean minutesPublished, @Nullable String channel, String rule) {

    public PublicationRule {
        RuleIds.require(rule);
    }
}
