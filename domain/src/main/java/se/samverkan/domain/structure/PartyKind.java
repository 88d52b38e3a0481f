package se.samverkan.domain.structure;

/** What kind of organisation a party is. */
public enum PartyKind {
    /** kommun */
    MUNICIPALITY(PartySide.MUNICIPAL),
    /** region */
    REGION(PartySide.REGIONAL),
    /** landsting (the pre-2019 county council) */
    COUNTY_COUNCIL(PartySide.REGIONAL),
    /** kommunalförbund (a municipal association, e.g. Kommunförbundet Norrbotten) */
    MUNICIPAL_ASSOCIATION(PartySide.MUNICIPAL),
    /** länsstyrelse (the state's county administrative board) */
    COUNTY_ADMINISTRATIVE_BOARD(PartySide.STATE);

    private final PartySide side;

    PartyKind(PartySide side) {
        this.side = side;
    }

    /** Which side of the collaboration the party stands on; LSVO-17 counts each side separately. */
    public PartySide side() {
        return side;
    }
}
