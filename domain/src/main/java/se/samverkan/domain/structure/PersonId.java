package se.samverkan.domain.structure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of a {@code Person} (person). */
public record PersonId(UUID value) {

    /** A stable id derived from a natural key, so that re-importing the same structure keeps every id. */
    public static PersonId of(String naturalKey) {
        return new PersonId(UUID.nameUUIDFromBytes(("Person:" + naturalKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
