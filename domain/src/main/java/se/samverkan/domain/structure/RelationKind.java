package se.samverkan.domain.structure;

/** How two bodies are related; read as "from &lt;kind&gt; to". */
public enum RelationKind {
    /** bereder ärenden till: LSVO prepares for the regional chiefs' group (LSVO-28) */
    PREPARES_FOR,
    /** rapporterar / föredrar för: LSVO presents its minutes to PSVO (LSVO-28, PSVO-08) */
    REPORTS_TO,
    /** kopplat politiskt råd: PSVO is LSVO's linked political council */
    LINKED_POLITICAL_COUNCIL,
    /** uppdragsgivare för: Norrbotten's political preparatory body commissions the länsstyrgrupp (NB-05) */
    COMMISSIONS,
    /** ingår i: a preparation group or work area is part of a larger body */
    PART_OF
}
