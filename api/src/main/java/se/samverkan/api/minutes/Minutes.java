package se.samverkan.api.minutes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.minutes.Signatory;
import se.samverkan.domain.structure.BodyId;

/** A version of a meeting's minutes (protokoll). */
public record Minutes(UUID id, UUID meeting, BodyId body, int version, @Nullable UUID corrects, String content,
        List<Signatory> signatories, String state, @Nullable String contentHash, @Nullable String previousHash,
        @Nullable Instant signedAt, @Nullable Instant publishedAt, @Nullable UUID supersededBy,
        @Nullable Instant supersededAt, int rowVersion) {
}
