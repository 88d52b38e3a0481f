package se.samverkan.domain.rulebook;

/** The types of matter (ärende). */
public enum MatterType {
    /** beslutsärende */
    DECISION,
    /** informationsärende */
    INFORMATION,
    /** diskussionsärende */
    DISCUSSION
}
