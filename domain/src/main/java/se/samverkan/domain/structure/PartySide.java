package se.samverkan.domain.structure;

/** The sides of a collaboration between municipalities and their region (huvudmän). */
public enum PartySide {
    /** the municipalities (kommunerna) and their associations */
    MUNICIPAL,
    /** the region or county council (regionen / landstinget) */
    REGIONAL,
    /** the state (staten), e.g. the county administrative board */
    STATE
}
