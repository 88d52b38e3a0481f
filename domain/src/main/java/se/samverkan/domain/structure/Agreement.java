package se.samverkan.domain.structure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.RuleIds;

/**
 * A county's collaboration agreement (överenskommelse). Its parties at any date are derived from the founding
 * parties' validity and successors, never kept by hand: Blekinge's agreement has seven parties in 2018 and six
 * from 2019 (AGR-02).
 *
 * @param validityYears   how long the agreement is valid before it is evaluated (NB-07: 2 years); absent when it
 *                        runs until further notice (AGR-02)
 * @param amendmentRule   how it may be amended (AGR-03)
 * @param rules           ids of the rules the agreement states, e.g. AGR-01..AGR-04
 */
public record Agreement(
        AgreementId id,
        String countyCode,
        String name,
        @Nullable String caseNumber,
        LocalDate inForceFrom,
        @Nullable Integer validityYears,
        AmendmentRule amendmentRule,
        List<PartyId> foundingParties,
        List<String> rules) {

    public Agreement {
        if (foundingParties.size() < 2) {
            throw new DomainException("AGR-01", "agreement '" + name + "' needs at least two parties");
        }
        if (validityYears != null && validityYears < 1) {
            throw new DomainException("NB-07", "agreement '" + name + "' must be valid for at least one year");
        }
        foundingParties = List.copyOf(foundingParties);
        rules.forEach(RuleIds::require);
        rules = List.copyOf(rules);
    }

    /** When the agreement is due for evaluation (NB-07), or empty when it runs until further notice (AGR-02). */
    public @Nullable LocalDate evaluationDue() {
        return validityYears == null ? null : inForceFrom.plusYears(validityYears);
    }

    public boolean pastEvaluation(LocalDate today) {
        LocalDate due = evaluationDue();
        return due != null && today.isAfter(due);
    }

    /**
     * The parties to the agreement on a date (AGR-02): each founding party, or the successor that exists on that
     * date, followed through as many mergers as there were. Two parties merged into one count once. Empty before the
     * agreement is in force.
     */
    public List<PartyId> partiesOn(LocalDate date, Map<PartyId, Party> parties) {
        if (date.isBefore(inForceFrom)) {
            return List.of();
        }
        Set<PartyId> result = new LinkedHashSet<>();
        for (PartyId founding : foundingParties) {
            Party party = resolve(founding, parties);
            Set<PartyId> seen = new LinkedHashSet<>();
            while (party != null && !party.existsOn(date) && party.successor() != null
                    && (party.validity().to() == null || party.validity().to().isBefore(date))) {
                if (!seen.add(party.id())) {
                    throw new DomainException("AGR-02", "party successors form a cycle at '" + party.code() + "'");
                }
                party = resolve(party.successor(), parties);
            }
            if (party != null && party.existsOn(date)) {
                result.add(party.id());
            }
        }
        return new ArrayList<>(result);
    }

    private static Party resolve(PartyId id, Map<PartyId, Party> parties) {
        Party party = parties.get(id);
        if (party == null) {
            throw new DomainException("AGR-01", "agreement names an unknown party " + id);
        }
        return party;
    }
}
