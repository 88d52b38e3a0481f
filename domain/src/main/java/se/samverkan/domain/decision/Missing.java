package se.samverkan.domain.decision;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.SeatId;

/** What keeps a matter from being decided: a seat that must be present or must have declared, and why. */
public record Missing(SeatId seat, PartyId party, @Nullable String subjectArea, String reason, String rule) {
}
