package se.samverkan.api.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.CommitteeId;

/** Something that reached a committee's inbox (inkommet), and how the committee's party handled it. */
public record InboxItem(UUID id, CommitteeId committee, String partyCode, String kind, @Nullable UUID minutes,
        @Nullable UUID recommendation, BodyId fromBody, String title, @Nullable String rule, Instant arrivedAt, @Nullable String note,
        @Nullable Instant acknowledgedAt) {
}
