package se.samverkan.domain.rulebook;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.structure.PartySide;

/**
 * One entry of a distribution list.
 *
 * @param target the body short name ({@code BODY}), party code ({@code PARTY}) or {@code party/committee} code
 *               ({@code COMMITTEE})
 * @param side   the side whose boards or committees receive ({@code EXECUTIVE_BOARDS}, {@code COMMITTEES_CONCERNED})
 */
public record Recipient(RecipientKind kind, @Nullable String target, @Nullable PartySide side) {

    public Recipient {
        boolean needsTarget = kind == RecipientKind.BODY || kind == RecipientKind.PARTY || kind == RecipientKind.COMMITTEE;
        boolean needsSide = kind == RecipientKind.EXECUTIVE_BOARDS || kind == RecipientKind.COMMITTEES_CONCERNED;
        if (needsTarget != (target != null)) {
            throw new DomainException("", kind + (needsTarget ? " needs a target" : " takes no target"));
        }
        if (needsSide != (side != null)) {
            throw new DomainException("", kind + (needsSide ? " needs a side" : " takes no side"));
        }
        if (kind == RecipientKind.COMMITTEE && !target.contains("/")) {
            throw new DomainException("", "a committee recipient is written party/committee, not '" + target + "'");
        }
    }
}
