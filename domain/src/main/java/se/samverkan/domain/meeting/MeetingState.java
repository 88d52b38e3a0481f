package se.samverkan.domain.meeting;

import java.util.EnumMap;
import java.util.Map;

/** The life of a meeting (sammanträde). */
public enum MeetingState {
    /** planerat: scheduled, notice not yet sent */
    PLANNED,
    /** kallat: the notice and agenda are sent, frozen and public */
    NOTICE_SENT,
    /** hållet: the meeting took place */
    HELD,
    /** inställt (LSVO-21) */
    CANCELLED;

    /** What can happen to a meeting. */
    public enum Action {
        SEND_NOTICE,
        HOLD,
        CANCEL
    }

    private static final Map<MeetingState, Map<Action, MeetingState>> NEXT = new EnumMap<>(MeetingState.class);

    static {
        NEXT.put(PLANNED, Map.of(Action.SEND_NOTICE, NOTICE_SENT, Action.CANCEL, CANCELLED));
        NEXT.put(NOTICE_SENT, Map.of(Action.HOLD, HELD, Action.CANCEL, CANCELLED));
        NEXT.put(HELD, Map.of());
        NEXT.put(CANCELLED, Map.of());
    }

    /** The state after an action, or an {@link IllegalTransition} naming both. */
    public MeetingState after(Action action) {
        MeetingState next = NEXT.get(this).get(action);
        if (next == null) {
            throw new IllegalTransition(action == Action.CANCEL ? "LSVO-21" : "", "meeting", this, action);
        }
        return next;
    }

    public boolean allows(Action action) {
        return NEXT.get(this).containsKey(action);
    }
}
