package se.samverkan.domain.meeting;

/** Kinds of meeting. */
public enum MeetingKind {
    /** ordinarie sammanträde */
    ORDINARY,
    /** extra sammanträde (LSVO-07, PSVO-05, NB-04) */
    EXTRA,
    /** beredningsgruppens möte inför ett sammanträde (LSVO-24) */
    PREPARATION
}
