package se.samverkan.domain.rulebook;

/** Who in or around a body a rule gives a power to. */
public enum Actor {
    /** ordföranden */
    CHAIR,
    /** sekreteraren */
    SECRETARY,
    /** any member (ledamot) */
    MEMBER,
    /** the body itself, by decision (e.g. "LSVO beslutar") */
    BODY,
    /** the preparation group (beredningsgruppen) */
    PREPARATION_GROUP,
    /** any party (part) */
    PARTY
}
