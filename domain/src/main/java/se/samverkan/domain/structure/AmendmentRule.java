package se.samverkan.domain.structure;

/** How an agreement may be amended. */
public enum AmendmentRule {
    /** enighet: every participating party must agree (AGR-03) */
    UNANIMOUS,
    /** by the parties' boards, each approving for itself */
    BY_EACH_PARTY_BOARD
}
