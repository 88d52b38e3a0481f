package se.samverkan.domain.decision;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.DeclarationRule;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatRole;

/** Who may declare a position, and how (LSVO-05, LSVO-20, LSVO-22, PSVO-04). */
public final class Declarations {

    private Declarations() {
    }

    /**
     * Refuses a declaration the rules do not allow: for a seat without a decision mandate (co-opted members, experts,
     * conveners, an official who chairs without being a member: LSVO-22, PSVO-04), by a channel the rulebook does not
     * list, by e-mail once the meeting has started, or via a member without naming that member (LSVO-20).
     */
    public static void check(Seat seat, DeclarationChannel channel, @Nullable DeclarationRule rule, boolean meetingStarted,
            boolean conveyorNamed) {
        if (!seat.decisionMandate()) {
            throw new DomainException(seat.role() == SeatRole.EXPERT ? "PSVO-04" : "LSVO-22",
                    "the seat '" + seat.title() + "' (" + seat.role() + ") carries no decision mandate and cannot declare");
        }
        if (rule == null) {
            if (channel != DeclarationChannel.IN_MEETING) {
                throw new DomainException("", "the body's rulebook allows positions to be declared only at the meeting");
            }
            return;
        }
        if (!rule.channels().contains(channel)) {
            throw new DomainException(rule.rule(), "the rulebook does not allow declaring " + channel + " (allowed: "
                    + rule.channels() + ")");
        }
        if (channel == DeclarationChannel.EMAIL_TO_SECRETARY && meetingStarted) {
            throw new DomainException(rule.rule(), "a position by e-mail to the secretary must come before the meeting starts");
        }
        if (channel == DeclarationChannel.VIA_MEMBER && !conveyorNamed) {
            throw new DomainException(rule.rule(), "a position conveyed via another member must name that member");
        }
    }
}
