package se.samverkan.domain.structure;

/** The kinds of body (råd / grupp / forum) the parties run together. */
public enum BodyKind {
    /** samverkansråd, e.g. Blekinge's regionalt samverkansråd (AGR-01) */
    COLLABORATION_COUNCIL,
    /** politiskt råd, e.g. PSVO */
    POLITICAL_COUNCIL,
    /** ledningssamverkan / ledningsgrupp of officials, e.g. LSVO */
    LEADERSHIP_GROUP,
    /** regionchefsgrupp (AGR-01) */
    CHIEFS_GROUP,
    /** beredningsgrupp, e.g. LSVO's preparation group (LSVO-23) */
    PREPARATION_GROUP,
    /** samverkansgrupp, e.g. Att växa upp, Mitt i livet, Att åldras */
    COLLABORATION_GROUP,
    /** styrgrupp, e.g. the 2015 political steering group (POL-01) or Norrbotten's länsstyrgrupp (NB-06) */
    STEERING_GROUP,
    /** politisk beredning, e.g. Norrbotten's political preparatory body (NB-01) */
    PREPARATORY_BODY,
    /** arbetsområde within a body, e.g. the four areas of Norrbotten's länsstyrgrupp (NB-06) */
    WORK_AREA,
    /** folkhälsoråd / välfärdsråd of a municipality (POL-04) */
    PUBLIC_HEALTH_COUNCIL
}
