package se.samverkan.api.matters;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.structure.Party;

/** A decision (beslut) as the schema shows it, with its outcome per party (LSVO-16). */
public record DecisionView(UUID id, UUID matter, String text, String outcome, List<Party> supporting,
        List<Party> notSupporting, @Nullable String rule, Instant decidedAt) {
}
