package se.samverkan.domain.rulebook;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.RuleIds;
import se.samverkan.domain.structure.PartyKind;

/**
 * How the chair is chosen and what the chair may do: LSVO-02 (elected, a member or an official), LSVO-22 (an official
 * chair has no decision mandate), PSVO-03 (the region chairs and appoints the vice chair), NB-02 (alternates yearly).
 *
 * @param heldBy                 the kind of party that holds the chair, for {@code HELD_BY_PARTY_KIND}
 * @param officialMayChair       whether an official who is not a member may be chair (LSVO-02)
 * @param officialChairHasMandate whether such a chair decides (LSVO-22: no)
 * @param viceChairAppointedBy   who appoints the vice chair, where the rulebook says (PSVO-03: the chair's party)
 */
public record ChairRule(ChairSelection selection, @Nullable PartyKind heldBy, boolean officialMayChair,
        boolean officialChairHasMandate, @Nullable Actor viceChairAppointedBy, String rule) {

    public ChairRule {
        RuleIds.require(rule);
        if ((selection == ChairSelection.HELD_BY_PARTY_KIND) != (heldBy != null)) {
            throw new DomainException(rule, "a chair held by a party kind must name that kind, and only then");
        }
    }
}
