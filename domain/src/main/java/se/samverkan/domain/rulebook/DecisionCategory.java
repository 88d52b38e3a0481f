package se.samverkan.domain.rulebook;

/** The categories of decision matter a rulebook sets quorum rules for. */
public enum DecisionCategory {
    /** frågor som berör alla ledamöters ansvar eller forumet (LSVO-17) */
    FORUM_WIDE,
    /** specifika sakområden (LSVO-18) */
    SUBJECT_AREA,
    /** finansiella resurser (LSVO-19) */
    FINANCIAL
}
