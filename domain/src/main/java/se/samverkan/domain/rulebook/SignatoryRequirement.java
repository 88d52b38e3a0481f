package se.samverkan.domain.rulebook;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.structure.PartySide;

/**
 * One required signature on the minutes: LSVO-13 asks for the chair, the secretary, one appointed member for the
 * municipalities and one for the region; PSVO-10 for the serving chair (signs) and one appointed member (adjusts).
 *
 * @param side  the side an appointed member must come from, or absent for any member
 * @param act   whether the signatory signs (undertecknar) or adjusts (justerar)
 */
public record SignatoryRequirement(SignatoryKind kind, @Nullable PartySide side, int count, Act act) {

    public SignatoryRequirement {
        if (count < 1 || count > 20) {
            throw new DomainException("", "a signatory count of " + count + " is outside 1..20");
        }
        if (side != null && kind != SignatoryKind.APPOINTED_MEMBER) {
            throw new DomainException("", "only an appointed member signs for a side");
        }
    }

    public enum Act {
        /** undertecknar / signerar */
        SIGNS,
        /** justerar */
        ADJUSTS
    }
}
