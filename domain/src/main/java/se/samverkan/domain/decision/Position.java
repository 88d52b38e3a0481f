package se.samverkan.domain.decision;

/** A member's position on a decision matter (ställningstagande, LSVO-05). */
public enum Position {
    /** bifaller */
    SUPPORT,
    /** avslår */
    OPPOSE,
    /** avstår */
    ABSTAIN
}
