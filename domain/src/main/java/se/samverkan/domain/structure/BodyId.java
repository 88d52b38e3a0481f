package se.samverkan.domain.structure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of a {@code Body} (råd / grupp / forum). */
public record BodyId(UUID value) {

    /** A stable id derived from a natural key, so that re-importing the same structure keeps every id. */
    public static BodyId of(String naturalKey) {
        return new BodyId(UUID.nameUUIDFromBytes(("Body:" + naturalKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
