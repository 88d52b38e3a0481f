package se.samverkan.domain.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samverkan.domain.rulebook.QuorumRule;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartySide;

/**
 * Whether a decision matter is ready, under the quorum rule the rulebook sets for its category: more than half of each
 * side present (LSVO-17), the members responsible for each subject area of each principal declared (LSVO-18), or every
 * member declared (LSVO-19). The answer lists every seat that is missing and why, so that it can be shown live.
 */
public final class Quorum {

    private Quorum() {
    }

    public static Readiness evaluate(QuorumRule rule, List<Entitled> entitled, Set<se.samverkan.domain.structure.SeatId> present,
            Map<se.samverkan.domain.structure.SeatId, Declaration> declarations, List<String> subjectAreas) {
        List<Missing> missing = switch (rule.kind()) {
            case MAJORITY_PRESENT_ON_EACH_SIDE -> majorityOfEachSide(rule, entitled, present);
            case SUBJECT_AREA_MEMBERS_DECLARED -> subjectAreaMembers(rule, entitled, declarations, subjectAreas);
            case ALL_MEMBERS_DECLARED -> entitled.stream().filter(e -> !declarations.containsKey(e.seat()))
                    .map(e -> new Missing(e.seat(), e.party(), null, "has not declared; every member must (" + e.function() + ")",
                            rule.rule()))
                    .toList();
        };
        return new Readiness(missing.isEmpty(), missing, rule.rule());
    }

    private static List<Missing> majorityOfEachSide(QuorumRule rule, List<Entitled> entitled,
            Set<se.samverkan.domain.structure.SeatId> present) {
        List<Missing> missing = new ArrayList<>();
        Map<PartySide, List<Entitled>> bySide = new LinkedHashMap<>();
        entitled.stream().sorted(Comparator.comparing(Entitled::side))
                .forEach(e -> bySide.computeIfAbsent(e.side(), s -> new ArrayList<>()).add(e));
        bySide.forEach((side, seats) -> {
            long here = seats.stream().filter(e -> present.contains(e.seat())).count();
            if (here * 2 <= seats.size()) {
                long needed = seats.size() / 2 + 1;
                for (Entitled absent : seats) {
                    if (!present.contains(absent.seat())) {
                        missing.add(new Missing(absent.seat(), absent.party(), null, "absent: more than half of the "
                                + side.name().toLowerCase(java.util.Locale.ROOT) + " members must be present (" + here
                                + " of " + seats.size() + " present, " + needed + " needed)", rule.rule()));
                    }
                }
            }
        });
        return missing;
    }

    private static List<Missing> subjectAreaMembers(QuorumRule rule, List<Entitled> entitled,
            Map<se.samverkan.domain.structure.SeatId, Declaration> declarations, List<String> subjectAreas) {
        List<Missing> missing = new ArrayList<>();
        for (String area : subjectAreas) {
            for (Entitled e : entitled) {
                if (e.subjectAreas().contains(area) && !declarations.containsKey(e.seat())) {
                    missing.add(new Missing(e.seat(), e.party(), area, "responsible for " + area + " (" + e.function()
                            + ") and has not declared", rule.rule()));
                }
            }
        }
        return missing;
    }

    /**
     * AGR-03: an amendment of a collaboration agreement needs every party to the agreement: it is adopted by all, or not
     * adopted at all — there is no amendment "by some". The parties on each side are kept as they declared.
     */
    public static Outcome amendment(Outcome outcome, java.util.Collection<PartyId> agreementParties) {
        boolean everyParty = outcome.supporting().containsAll(agreementParties);
        return new Outcome(everyParty ? OutcomeKind.ADOPTED_BY_ALL : OutcomeKind.NOT_ADOPTED, outcome.supporting(),
                outcome.notSupporting());
    }

    /** How a decision fell, party by party (LSVO-16: each decides within its own mandate). */
    public enum OutcomeKind {
        ADOPTED_BY_ALL,
        ADOPTED_BY_SOME,
        NOT_ADOPTED
    }

    /** The outcome and the parties on each side of it. */
    public record Outcome(OutcomeKind kind, List<PartyId> supporting, List<PartyId> notSupporting) {
    }

    /**
     * A party supports a decision when every one of its entitled members who declared supports it and at least one
     * did; a party whose members opposed, abstained or did not declare does not.
     */
    public static Outcome outcome(List<Entitled> entitled, Map<se.samverkan.domain.structure.SeatId, Declaration> declarations) {
        Map<PartyId, List<Entitled>> byParty = new LinkedHashMap<>();
        entitled.forEach(e -> byParty.computeIfAbsent(e.party(), p -> new ArrayList<>()).add(e));
        List<PartyId> supporting = new ArrayList<>();
        List<PartyId> not = new ArrayList<>();
        byParty.forEach((party, seats) -> {
            List<Declaration> declared = seats.stream().map(e -> declarations.get(e.seat()))
                    .filter(java.util.Objects::nonNull).toList();
            boolean supports = !declared.isEmpty() && declared.stream().allMatch(d -> d.position() == Position.SUPPORT);
            (supports ? supporting : not).add(party);
        });
        OutcomeKind kind = not.isEmpty() ? OutcomeKind.ADOPTED_BY_ALL
                : supporting.isEmpty() ? OutcomeKind.NOT_ADOPTED : OutcomeKind.ADOPTED_BY_SOME;
        return new Outcome(kind, supporting, not);
    }
}
