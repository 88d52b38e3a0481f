package se.samverkan.api.graphql;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.meeting.DeadlinePassed;
import se.samverkan.domain.meeting.IllegalTransition;

/** An expected refusal returned in a mutation's payload, naming its rule. */
public record UserError(String code, String message, @Nullable String rule, @Nullable String field) {

    public static UserError notAllowed(String message, @Nullable String rule) {
        return new UserError("NOT_ALLOWED", message, rule, null);
    }

    public static UserError notFound(String field) {
        return new UserError("NOT_FOUND", "no such object, or not one you may see: '" + field + "'", null, field);
    }

    public static UserError badInput(String field, String message) {
        return new UserError("BAD_INPUT", message, null, field);
    }

    /** A broken domain rule as the payload shows it. */
    public static UserError of(DomainException e) {
        String code = switch (e) {
            case DeadlinePassed d -> "DEADLINE_PASSED";
            case IllegalTransition t -> "ILLEGAL_TRANSITION";
            default -> "RULE_BROKEN";
        };
        return new UserError(code, e.getMessage(), e.ruleId().isEmpty() ? null : e.ruleId(), null);
    }
}
