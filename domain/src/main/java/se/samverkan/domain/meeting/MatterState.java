package se.samverkan.domain.meeting;

import java.util.EnumMap;
import java.util.Map;

/** The life of a matter (ärende), from submission to decision. */
public enum MatterState {
    /** anmält: submitted to the secretary (LSVO-10) */
    SUBMITTED,
    /** komplettering begärd (LSVO-11) */
    COMPLEMENT_REQUESTED,
    /** berett: placed on a meeting by the preparation group (LSVO-23) */
    TRIAGED,
    /** bordlagt av beredningsgruppen: held back for a later meeting */
    DEFERRED,
    /** avvisat: not taken up (LSVO-10) */
    REJECTED,
    /** på dagordningen: the notice is sent */
    ON_AGENDA,
    /** uppskjutet: moved to another meeting for lack of attendance (LSVO-21) */
    POSTPONED,
    /** beslutat */
    DECIDED,
    /** behandlat: an information or discussion matter that was handled */
    HANDLED,
    /** befordrat: handed on to another body instead of being handled here (LSVO-28) */
    FORWARDED;

    /** What can happen to a matter. */
    public enum Action {
        REQUEST_COMPLEMENT,
        COMPLEMENT,
        TRIAGE,
        DEFER,
        REJECT,
        PUT_ON_AGENDA,
        POSTPONE,
        DECIDE,
        HANDLE,
        FORWARD
    }

    private static final Map<MatterState, Map<Action, MatterState>> NEXT = new EnumMap<>(MatterState.class);

    static {
        NEXT.put(SUBMITTED, Map.of(Action.REQUEST_COMPLEMENT, COMPLEMENT_REQUESTED, Action.TRIAGE, TRIAGED,
                Action.DEFER, DEFERRED, Action.REJECT, REJECTED, Action.FORWARD, FORWARDED));
        NEXT.put(COMPLEMENT_REQUESTED, Map.of(Action.COMPLEMENT, SUBMITTED, Action.REJECT, REJECTED));
        NEXT.put(DEFERRED, Map.of(Action.TRIAGE, TRIAGED, Action.REJECT, REJECTED, Action.FORWARD, FORWARDED,
                Action.REQUEST_COMPLEMENT, COMPLEMENT_REQUESTED));
        NEXT.put(TRIAGED, Map.of(Action.PUT_ON_AGENDA, ON_AGENDA, Action.DEFER, DEFERRED, Action.TRIAGE, TRIAGED,
                Action.REQUEST_COMPLEMENT, COMPLEMENT_REQUESTED));
        NEXT.put(ON_AGENDA, Map.of(Action.DECIDE, DECIDED, Action.HANDLE, HANDLED, Action.POSTPONE, POSTPONED));
        NEXT.put(POSTPONED, Map.of(Action.TRIAGE, TRIAGED));
        NEXT.put(REJECTED, Map.of());
        // a decided or handled matter that is presented to another body keeps its state; the link records it
        NEXT.put(DECIDED, Map.of());
        NEXT.put(HANDLED, Map.of());
        NEXT.put(FORWARDED, Map.of());
    }

    /** The state after an action, or an {@link IllegalTransition} naming both. */
    public MatterState after(Action action) {
        MatterState next = NEXT.get(this).get(action);
        if (next == null) {
            throw new IllegalTransition(ruleOf(action), "matter", this, action);
        }
        return next;
    }

    public boolean allows(Action action) {
        return NEXT.get(this).containsKey(action);
    }

    private static String ruleOf(Action action) {
        return switch (action) {
            case REQUEST_COMPLEMENT, COMPLEMENT -> "LSVO-11";
            case TRIAGE, DEFER, REJECT -> "LSVO-23";
            case POSTPONE -> "LSVO-21";
            case FORWARD -> "LSVO-28";
            default -> "";
        };
    }
}
