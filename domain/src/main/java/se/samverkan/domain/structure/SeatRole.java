package se.samverkan.domain.structure;

/** The role a seat gives in its body. */
public enum SeatRole {
    /** ledamot */
    MEMBER,
    /** ordförande (sammankallande in a collaboration group) */
    CHAIR,
    /** vice ordförande */
    VICE_CHAIR,
    /** sekreterare */
    SECRETARY,
    /** adjungerad: attends but takes no part in decisions (LSVO-03, PSVO-02) */
    CO_OPTED,
    /** sakkunnig: invited expert or presenter, no part in decisions (LSVO-04, PSVO-04) */
    EXPERT,
    /** ersättare: may stand in for a member (LSVO-20) */
    SUBSTITUTE;

    /** Whether a seat of this role may ever carry a decision mandate (LSVO-22, PSVO-04). */
    public boolean mayCarryMandate() {
        return this == MEMBER || this == CHAIR || this == VICE_CHAIR || this == SUBSTITUTE;
    }
}
