package se.samverkan.domain.structure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of a {@code Seat} (plats (ledamot, ordförande, …)). */
public record SeatId(UUID value) {

    /** A stable id derived from a natural key, so that re-importing the same structure keeps every id. */
    public static SeatId of(String naturalKey) {
        return new SeatId(UUID.nameUUIDFromBytes(("Seat:" + naturalKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
