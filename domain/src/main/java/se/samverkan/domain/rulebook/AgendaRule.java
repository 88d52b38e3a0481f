package se.samverkan.domain.rulebook;

import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.RuleIds;

/**
 * Who prepares and who settles the agenda (LSVO-09: the preparation group prepares, the chair decides; PSVO-07),
 * and what every agenda must carry (PSVO-08).
 */
public record AgendaRule(@Nullable Actor preparedBy, Actor decidedBy, List<StandingAgendaItem> standingItems,
        String rule) {

    public AgendaRule {
        RuleIds.require(rule);
        standingItems = List.copyOf(standingItems);
    }
}
