package se.samverkan.api.recommendations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.structure.CommitteeId;

/** A party's answer (svar) to a recommendation, for one of its committees. PARTY data while a draft. */
public record RecommendationAnswer(UUID id, UUID recommendation, CommitteeId committee, String partyCode, String answer,
        @Nullable String text, LocalDate answeredOn, String state, @Nullable Instant sentAt, int version) {
}
