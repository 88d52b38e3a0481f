package se.samverkan.domain.structure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of a {@code Rulebook} (arbetsordning). */
public record RulebookId(UUID value) {

    /** A stable id derived from a natural key, so that re-importing the same structure keeps every id. */
    public static RulebookId of(String naturalKey) {
        return new RulebookId(UUID.nameUUIDFromBytes(("Rulebook:" + naturalKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
