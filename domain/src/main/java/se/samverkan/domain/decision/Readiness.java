package se.samverkan.domain.decision;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Whether a matter may be decided now, and exactly who or what is missing if not. */
public record Readiness(boolean ready, List<Missing> missing, @Nullable String rule) {

    public Readiness {
        missing = List.copyOf(missing);
    }
}
