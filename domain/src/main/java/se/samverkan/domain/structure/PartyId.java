package se.samverkan.domain.structure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of a {@code Party} (huvudman / part). */
public record PartyId(UUID value) {

    /** A stable id derived from a natural key, so that re-importing the same structure keeps every id. */
    public static PartyId of(String naturalKey) {
        return new PartyId(UUID.nameUUIDFromBytes(("Party:" + naturalKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
