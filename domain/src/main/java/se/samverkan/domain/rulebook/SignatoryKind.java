package se.samverkan.domain.rulebook;

/** Who a rulebook asks to sign or adjust the minutes. */
public enum SignatoryKind {
    /** mötets ordförande / tjänstgörande ordförande */
    MEETING_CHAIR,
    /** sekreteraren */
    SECRETARY,
    /** en utsedd ledamot (justerare), optionally from one side */
    APPOINTED_MEMBER
}
