package se.samverkan.domain;

/**
 * A domain rule was broken. Carries the id of the rule (RULES.md) where one applies, so that the caller can
 * show the clause to the user.
 */
public class DomainException extends RuntimeException {

    private final String ruleId;

    public DomainException(String ruleId, String message) {
        super(ruleId.isEmpty() ? message : ruleId + ": " + message);
        this.ruleId = ruleId;
    }

    /** The rule id, e.g. {@code LSVO-17}, or empty when the problem is plain bad input. */
    public String ruleId() {
        return ruleId;
    }
}
