package se.samverkan.domain.structure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of a {@code Committee} (nämnd / styrelse / beredning). */
public record CommitteeId(UUID value) {

    /** A stable id derived from a natural key, so that re-importing the same structure keeps every id. */
    public static CommitteeId of(String naturalKey) {
        return new CommitteeId(UUID.nameUUIDFromBytes(("Committee:" + naturalKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
