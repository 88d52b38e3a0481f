package se.samverkan.domain.structure;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

/**
 * A relation between two bodies, read as "{@code from} {@code kind} {@code to}", with the rule it comes from.
 */
public record BodyRelation(BodyId from, RelationKind kind, BodyId to, @Nullable String rule, Period validity) {

    public BodyRelation {
        if (from.equals(to)) {
            throw new DomainException("", "a body cannot be related to itself");
        }
    }
}
