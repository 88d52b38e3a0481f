package se.samverkan.domain.rulebook;

import java.util.Set;
import se.samverkan.domain.RuleIds;

/** Who may move a matter to another meeting or cancel a meeting for lack of attendance (LSVO-21). */
public record MeetingControlRule(Set<Actor> postponedBy, Set<Actor> cancelledBy, String rule) {

    public MeetingControlRule {
        RuleIds.require(rule);
        postponedBy = Set.copyOf(postponedBy);
        cancelledBy = Set.copyOf(cancelledBy);
    }
}
