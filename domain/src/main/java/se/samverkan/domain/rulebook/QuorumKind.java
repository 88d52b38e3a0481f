package se.samverkan.domain.rulebook;

/** The kinds of quorum rule the code knows; the rulebook says which applies to which decision category. */
public enum QuorumKind {
    /** more than half of the members of each side present (LSVO-17) */
    MAJORITY_PRESENT_ON_EACH_SIDE,
    /** the members responsible for each subject area of the matter, from each principal, have declared (LSVO-18) */
    SUBJECT_AREA_MEMBERS_DECLARED,
    /** every member has declared (LSVO-19) */
    ALL_MEMBERS_DECLARED
}
