package se.samverkan.api.events;

/** The event types the outbox carries, each written by the change it names. */
public final class EventTypes {

    private EventTypes() {
    }

    /** An extra meeting became due (LSVO-07, PSVO-05, NB-04); for the body's secretary. */
    public static final String EXTRA_MEETING_DUE = "ExtraMeetingDue";
    /** A meeting's notice was sent (LSVO-08, PSVO-06): the meeting and its agenda are public from now on. */
    public static final String NOTICE_SENT = "NoticeSent";
    /** A meeting whose notice was public was cancelled (LSVO-21). */
    public static final String MEETING_CANCELLED = "MeetingCancelled";
    /** Minutes were signed by the last signatory and frozen (IMP-02). Not public until published. */
    public static final String MINUTES_SIGNED = "MinutesSigned";
    /** Signed minutes were published (LSVO-15). */
    public static final String MINUTES_PUBLISHED = "MinutesPublished";
    /** Published minutes were replaced by a published correction (IMP-02): a tombstone for mirrors. */
    public static final String MINUTES_SUPERSEDED = "MinutesSuperseded";
    /** Something arrived in a committee's inbox (LSVO-14, PSVO-11, LSVO-27). PARTY: for that committee's party only. */
    public static final String INBOX_ITEM_ARRIVED = "InboxItemArrived";
}
