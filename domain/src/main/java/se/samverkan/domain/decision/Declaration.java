package se.samverkan.domain.decision;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.structure.SeatId;

/**
 * A position declared for a seat (LSVO-05), by one of the channels the rulebook allows (LSVO-20).
 *
 * @param conveyedBy for VIA_MEMBER, the seat of the member who conveyed it
 */
public record Declaration(SeatId seat, Position position, DeclarationChannel channel, @Nullable SeatId conveyedBy,
        @Nullable String text) {
}
