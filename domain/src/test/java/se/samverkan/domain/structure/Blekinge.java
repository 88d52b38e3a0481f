package se.samverkan.domain.structure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.Period;

/**
 * Blekinge's parties to the regional agreement 2017/01290 (AGR-02): five municipalities, Landstinget Blekinge and
 * the municipal association Region Blekinge until 2018-12-31, the two of them succeeded by the new Region Blekinge
 * from 2019-01-01.
 */
final class Blekinge {

    static final LocalDate LAST_DAY_BEFORE_MERGER = LocalDate.of(2018, 12, 31);
    static final LocalDate MERGER = LocalDate.of(2019, 1, 1);
    static final LocalDate AGREEMENT_IN_FORCE = LocalDate.of(2018, 1, 1);

    static final PartyId KARLSKRONA = PartyId.of("blekinge/karlskrona");
    static final PartyId RONNEBY = PartyId.of("blekinge/ronneby");
    static final PartyId KARLSHAMN = PartyId.of("blekinge/karlshamn");
    static final PartyId SOLVESBORG = PartyId.of("blekinge/solvesborg");
    static final PartyId OLOFSTROM = PartyId.of("blekinge/olofstrom");
    static final PartyId LANDSTINGET = PartyId.of("blekinge/landstinget-blekinge");
    static final PartyId REGIONFORBUNDET = PartyId.of("blekinge/regionforbundet-blekinge");
    static final PartyId REGION = PartyId.of("blekinge/region-blekinge");

    static final List<PartyId> MUNICIPALITIES = List.of(KARLSKRONA, RONNEBY, KARLSHAMN, SOLVESBORG, OLOFSTROM);

    private Blekinge() {
    }

    static Map<PartyId, Party> parties() {
        Map<PartyId, Party> parties = new LinkedHashMap<>();
        put(parties, municipality(KARLSKRONA, "karlskrona", "Karlskrona kommun"));
        put(parties, municipality(RONNEBY, "ronneby", "Ronneby kommun"));
        put(parties, municipality(KARLSHAMN, "karlshamn", "Karlshamns kommun"));
        put(parties, municipality(SOLVESBORG, "solvesborg", "Sölvesborgs kommun"));
        put(parties, municipality(OLOFSTROM, "olofstrom", "Olofströms kommun"));
        put(parties, party(LANDSTINGET, "landstinget-blekinge", "Landstinget Blekinge", PartyKind.COUNTY_COUNCIL,
                new Period(null, LAST_DAY_BEFORE_MERGER), REGION));
        put(parties, party(REGIONFORBUNDET, "regionforbundet-blekinge", "Region Blekinge (kommunalförbund)",
                PartyKind.MUNICIPAL_ASSOCIATION, new Period(null, LAST_DAY_BEFORE_MERGER), REGION));
        put(parties, party(REGION, "region-blekinge", "Region Blekinge", PartyKind.REGION, Period.from(MERGER), null));
        return parties;
    }

    /** The seven founding parties, in the order the agreement names them. */
    static List<PartyId> foundingParties() {
        return List.of(KARLSKRONA, RONNEBY, KARLSHAMN, SOLVESBORG, OLOFSTROM, LANDSTINGET, REGIONFORBUNDET);
    }

    static Agreement agreement(List<PartyId> founding) {
        return new Agreement(AgreementId.of("blekinge/2017-01290"), "blekinge",
                "Överenskommelse om samverkan i Blekinge", "2017/01290", AGREEMENT_IN_FORCE, null,
                AmendmentRule.UNANIMOUS, founding, List.of("AGR-01", "AGR-02", "AGR-03", "AGR-04"));
    }

    static Party municipality(PartyId id, String code, String name) {
        return party(id, code, name, PartyKind.MUNICIPALITY, Period.ALWAYS, null);
    }

    static Party party(PartyId id, String code, String name, PartyKind kind, Period validity,
            @Nullable PartyId successor) {
        return new Party(id, code, "blekinge", name, kind, null, validity, successor, List.of());
    }

    static void put(Map<PartyId, Party> parties, Party party) {
        parties.put(party.id(), party);
    }
}
