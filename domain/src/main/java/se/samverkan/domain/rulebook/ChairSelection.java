package se.samverkan.domain.rulebook;

/** How a body's chair is chosen. */
public enum ChairSelection {
    /** väljs av forumet, on a limited term or until further notice (LSVO-02) */
    ELECTED_BY_BODY,
    /** held by the representative of one kind of party (PSVO-03: Region Blekinge) */
    HELD_BY_PARTY_KIND,
    /** alternates yearly between the parties (NB-02) */
    ROTATES_YEARLY
}
