package se.samverkan.domain.meeting;

import se.samverkan.domain.DomainException;

/** An action that the current state does not allow, e.g. sending the notice of a cancelled meeting. */
public final class IllegalTransition extends DomainException {

    private final String state;
    private final String action;

    IllegalTransition(String ruleId, String what, Enum<?> state, Enum<?> action) {
        super(ruleId, "cannot " + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " a " + what
                + " that is " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.state = state.name();
        this.action = action.name();
    }

    public String state() {
        return state;
    }

    public String action() {
        return action;
    }
}
