package se.samverkan.domain.decision;

import java.util.List;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.SeatId;

/**
 * A seat that carries a decision mandate at a meeting, and who exercises it there: its holder, or the substitute
 * sent in the holder's place (LSVO-20).
 */
public record Entitled(SeatId seat, PartyId party, PartySide side, String function, List<String> subjectAreas,
        PersonId person) {

    public Entitled {
        subjectAreas = List.copyOf(subjectAreas);
    }
}
