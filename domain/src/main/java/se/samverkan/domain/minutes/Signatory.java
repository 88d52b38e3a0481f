package se.samverkan.domain.minutes;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.rulebook.SignatoryKind;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.PersonId;

/**
 * Someone chosen at the meeting to sign its minutes: the meeting's chair, the secretary, or an appointed member
 * (justerare) — for LSVO one for the municipalities and one for the region (LSVO-13).
 */
public record Signatory(PersonId person, SignatoryKind kind, @Nullable PartySide side) {
}
