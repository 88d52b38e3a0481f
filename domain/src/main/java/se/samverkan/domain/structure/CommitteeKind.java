package se.samverkan.domain.structure;

/** The kinds of a party's own decision-making or preparing organs. */
public enum CommitteeKind {
    /** styrelse, e.g. kommunstyrelse, regionstyrelse */
    BOARD,
    /** nämnd, e.g. hälso- och sjukvårdsnämnd, socialnämnd */
    COMMITTEE,
    /** beredning, e.g. Kommunförbundet Norrbotten's Socialberedning */
    PREPARATORY_COMMITTEE
}
