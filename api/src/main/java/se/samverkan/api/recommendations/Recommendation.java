package se.samverkan.api.recommendations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.structure.BodyId;

/** A recommendation (rekommendation) a body issued from a decision to parties' committees (LSVO-27, PSVO-09). */
public record Recommendation(UUID id, UUID decision, BodyId body, String text, @Nullable String rule, Instant issuedAt) {
}
