package se.samverkan.domain.rulebook;

/** How a member may convey a position (ställningstagande) on a decision matter (LSVO-20). */
public enum DeclarationChannel {
    /** på mötet */
    IN_MEETING,
    /** via annan ledamot */
    VIA_MEMBER,
    /** per e-post till sekreteraren före mötet */
    EMAIL_TO_SECRETARY
}
