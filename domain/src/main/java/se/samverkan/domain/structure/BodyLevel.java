package se.samverkan.domain.structure;

/** Whether a body's members are politicians or officials. */
public enum BodyLevel {
    /** politisk nivå */
    POLITICAL,
    /** tjänstepersonsnivå */
    OFFICIALS
}
