package se.samverkan.domain.rulebook;

/** The kinds of recipient a distribution list (expedieringslista) names. */
public enum RecipientKind {
    /** the body's own members (ledamöterna) */
    BODY_MEMBERS,
    /** another body, named by short name, e.g. PSVO */
    BODY,
    /** a party as a whole, e.g. Region Blekinge */
    PARTY,
    /** a named committee of a party, e.g. Region Blekinge's HSN */
    COMMITTEE,
    /** the executive boards (kommunstyrelser) of the parties on one side */
    EXECUTIVE_BOARDS,
    /** the committees concerned (berörda nämnder) of the parties on one side: those whose subject areas the minutes touch */
    COMMITTEES_CONCERNED
}
