package se.samverkan.domain.minutes;

import java.util.ArrayList;
import java.util.List;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.rulebook.MinutesRule;
import se.samverkan.domain.rulebook.SignatoryRequirement;
import se.samverkan.domain.structure.PersonId;

/**
 * Who may sign a meeting's minutes, and when they are complete: the rulebook's signatory requirements (LSVO-13: chair,
 * secretary, one appointed member for the municipalities and one for the region; PSVO-10: the serving chair signs, one
 * appointed member adjusts), filled by the people chosen at the meeting. Anyone else is refused with the rule.
 */
public final class Signing {

    private Signing() {
    }

    /** The requirement a signature by {@code signer} fills, given who has signed; refused if it fills none. */
    public static SignatoryRequirement fill(MinutesRule rule, List<Signatory> chosen, List<PersonId> signed, PersonId signer) {
        if (signed.contains(signer)) {
            throw new DomainException(rule.rule(), "has already signed these minutes");
        }
        List<Signatory> roles = chosen.stream().filter(s -> s.person().equals(signer)).toList();
        if (roles.isEmpty()) {
            throw new DomainException(rule.rule(), "is not among those chosen to sign these minutes (" + describe(rule) + ")");
        }
        for (SignatoryRequirement requirement : rule.signatories()) {
            long filled = signed.stream().filter(p -> fills(requirement, chosen, p)).count();
            if (filled < requirement.count() && fills(requirement, chosen, signer)) {
                return requirement;
            }
        }
        throw new DomainException(rule.rule(), "every signature this signer could give is already given");
    }

    /** The requirements still open. */
    public static List<SignatoryRequirement> missing(MinutesRule rule, List<Signatory> chosen, List<PersonId> signed) {
        List<SignatoryRequirement> open = new ArrayList<>();
        List<PersonId> used = new ArrayList<>();
        for (SignatoryRequirement requirement : rule.signatories()) {
            long filled = 0;
            for (PersonId p : signed) {
                if (filled < requirement.count() && !used.contains(p) && fills(requirement, chosen, p)) {
                    used.add(p);
                    filled++;
                }
            }
            if (filled < requirement.count()) {
                open.add(requirement);
            }
        }
        return open;
    }

    public static boolean complete(MinutesRule rule, List<Signatory> chosen, List<PersonId> signed) {
        return missing(rule, chosen, signed).isEmpty();
    }

    private static boolean fills(SignatoryRequirement requirement, List<Signatory> chosen, PersonId person) {
        return chosen.stream().anyMatch(s -> s.person().equals(person) && s.kind() == requirement.kind()
                && (requirement.side() == null || requirement.side() == s.side()));
    }

    private static String describe(MinutesRule rule) {
        return rule.signatories().stream().map(r -> r.kind() + (r.side() == null ? "" : " (" + r.side() + ")"))
                .reduce((a, b) -> a + ", " + b).orElse("nobody");
    }
}
