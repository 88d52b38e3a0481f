package se.samverkan.api.national;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.national.Counties.CountySpec;
import se.samverkan.api.national.Rulebooks.Style;
import se.samverkan.domain.Period;
import se.samverkan.domain.rulebook.Recipient;
import se.samverkan.domain.rulebook.RecipientKind;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.AgreementId;
import se.samverkan.domain.structure.AmendmentRule;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.AppointmentId;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.BodyKind;
import se.samverkan.domain.structure.BodyLevel;
import se.samverkan.domain.structure.BodyRelation;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.CommitteeId;
import se.samverkan.domain.structure.CommitteeKind;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartyKind;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.RelationKind;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.SeatRole;

/**
 * The generated structure of the 19 counties: parties (huvudmän) and their committees (nämnder), the bodies (råd,
 * grupper) with seats (platser), rulebooks (arbetsordningar) and the people appointed to the seats (förordnanden), the
 * relations between bodies and the counties' agreements (överenskommelser). Built in memory from the seed: it is small
 * (a few tens of thousands of rows) and the ten years of activity are generated against it.
 *
 * <p>Each county has a county-wide tier modelled on Blekinge's (a regional council RSR, a chiefs' group RCG, an officials'
 * leadership group LSVO with its preparation group, a political council PSVO, three collaboration groups, and
 * sub-regional groups in the large counties) and, for each municipality, a local tier: a public-health council, a local
 * leadership group and political council, and 10 to 20 collaboration groups on the topics where municipality and
 * region meet. At scale below 1 each body is kept with that probability (a leadership group with its political council
 * and preparation group together), so that what remains has the same shape.
 */
final class NationalStructure {

    /** The subject areas (sakområden) of the structure files, by code. */
    static final List<String> AREAS = List.of("aldre", "funktionshinder", "ifo", "skola-barn-unga", "halso-sjukvard",
            "psykisk-halsa", "folkhalsa");
    private static final Map<String, String> AREA_NAMES = Map.of("aldre", "äldreomsorg", "funktionshinder",
            "funktionshinderomsorg", "ifo", "individ- och familjeomsorg", "skola-barn-unga", "skola, barn och unga",
            "halso-sjukvard", "hälso- och sjukvård", "psykisk-halsa", "psykisk hälsa", "folkhalsa", "folkhälsa");

    /** The topics of the local collaboration groups (samverkansgrupper): code, name and subject areas. */
    record Topic(String code, String name, List<String> areas) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("BARN-UNGA", "Samverkan barn och unga", List.of("skola-barn-unga", "psykisk-halsa")),
            new Topic("ELEVHALSA", "Elevhälsa och hälso- och sjukvård", List.of("skola-barn-unga", "halso-sjukvard")),
            new Topic("PSYKISK-HALSA", "Psykisk hälsa", List.of("psykisk-halsa")),
            new Topic("SUICIDPREVENTION", "Suicidprevention", List.of("psykisk-halsa", "folkhalsa")),
            new Topic("BEROENDE", "Missbruk och beroende", List.of("ifo", "psykisk-halsa")),
            new Topic("VALD", "Våld i nära relationer", List.of("ifo")),
            new Topic("ALDRES-HALSA", "Äldres hälsa", List.of("aldre", "halso-sjukvard")),
            new Topic("HEMSJUKVARD", "Hemsjukvård", List.of("aldre", "halso-sjukvard")),
            new Topic("UTSKRIVNING", "Trygg och effektiv utskrivning", List.of("aldre", "halso-sjukvard")),
            new Topic("DEMENS", "Demensvård", List.of("aldre")),
            new Topic("FUNKTIONSHINDER", "Funktionsnedsättning", List.of("funktionshinder")),
            new Topic("HABILITERING", "Habilitering och hjälpmedel", List.of("funktionshinder", "halso-sjukvard")),
            new Topic("SIP", "Samordnad individuell plan", List.of("ifo", "funktionshinder", "psykisk-halsa")),
            new Topic("NARA-VARD", "Nära vård", List.of("halso-sjukvard", "aldre", "folkhalsa")),
            new Topic("REHABILITERING", "Rehabilitering", List.of("halso-sjukvard", "funktionshinder")),
            new Topic("UNGDOMSMOTTAGNING", "Ungdomsmottagning", List.of("skola-barn-unga", "folkhalsa")),
            new Topic("TIDIGA-INSATSER", "Tidiga insatser", List.of("skola-barn-unga", "ifo")),
            new Topic("PALLIATIV", "Palliativ vård", List.of("aldre", "halso-sjukvard")),
            new Topic("LAKEMEDEL", "Läkemedel i hemmet", List.of("aldre", "halso-sjukvard")),
            new Topic("KRISBEREDSKAP", "Krisberedskap inom vård och omsorg", List.of("halso-sjukvard")));

    /** What a body is in its county, which decides its seats, rulebook and how it meets. */
    enum Role {
        RSR, RCG, LSVO, LSVO_BG, PSVO, COUNTY_GROUP, SUBREGIONAL, PUBLIC_HEALTH, LOCAL_LEADERSHIP, LOCAL_COUNCIL, GROUP
    }

    /** One period a person holds a seat. */
    record Holding(LocalDate from, @Nullable LocalDate to, PersonId person) {

        boolean on(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    /** A seat with its party and who held it when. */
    record GenSeat(Seat seat, Party party, List<Holding> holdings) {

        @Nullable PersonId holder(LocalDate date) {
            for (Holding h : holdings) {
                if (h.on(date)) {
                    return h.person();
                }
            }
            return null;
        }

        PartySide side() {
            return party.kind().side();
        }
    }

    /**
     * A generated body.
     *
     * @param home   the municipality of a local body, the region for the county-wide tier
     * @param source the body whose minutes and forwarded matters this political council takes up (PSVO-08)
     * @param areas  the subject areas its matters concern
     */
    record GenBody(Body body, Role role, Style style, GenCounty county, Party home, List<String> areas,
            List<GenSeat> seats, List<Rulebook> rulebooks, @Nullable GenBody source, @Nullable GenBody preparation,
            String location, LocalTime time) {

        String key() {
            return body.countyCode() + "/" + body.shortName();
        }

        boolean forwards() {
            return role == Role.LSVO || role == Role.LOCAL_LEADERSHIP;
        }

        LocalDate from() {
            return java.util.Objects.requireNonNull(body.validity().from());
        }
    }

    /** A county with its parties (municipalities first, the region last), committees and bodies. */
    static final class GenCounty {
        final CountySpec spec;
        final County county;
        final List<Party> parties = new ArrayList<>();
        final Map<PartyId, List<Committee>> committees = new LinkedHashMap<>();
        final List<GenBody> bodies = new ArrayList<>();
        @Nullable Party region;

        GenCounty(CountySpec spec) {
            this.spec = spec;
            this.county = new County(spec.code(), spec.number(), spec.name());
        }

        Party region() {
            return java.util.Objects.requireNonNull(region);
        }

        List<Party> municipalities() {
            return parties.stream().filter(p -> p.kind() == PartyKind.MUNICIPALITY).toList();
        }

        /** A party's committee by code, e.g. {@code sn}; null if the party has none of that code. */
        @Nullable Committee committee(Party party, String code) {
            return committees.getOrDefault(party.id(), List.of()).stream().filter(c -> c.code().equals(code)).findFirst()
                    .orElse(null);
        }
    }

    /** A person and, for the readers who can get a token in dev, their login roles. */
    record GenPerson(Person person, List<String> roles) {
    }

    final long seed;
    final double scale;
    final List<GenCounty> counties = new ArrayList<>();
    final Map<PersonId, GenPerson> people = new LinkedHashMap<>();
    final List<Appointment> appointments = new ArrayList<>();
    final List<BodyRelation> relations = new ArrayList<>();
    final List<Agreement> agreements = new ArrayList<>();
    /** The party's reader (handläggare), who handles its inbox and writes its answers; a login in dev. */
    final Map<PartyId, PersonId> readers = new LinkedHashMap<>();
    /** The party's substitutes (ersättare), who may hold a seat's mandate at a meeting (LSVO-20). */
    final Map<PartyId, List<PersonId>> substitutes = new LinkedHashMap<>();
    private final Map<String, List<Holding>> posts = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();

    private NationalStructure(long seed, double scale) {
        this.seed = seed;
        this.scale = scale;
    }

    static NationalStructure build(long seed, double scale, Set<String> reservedCodes) {
        NationalStructure s = new NationalStructure(seed, scale);
        Set<String> used = new LinkedHashSet<>(reservedCodes);
        for (CountySpec spec : Counties.ALL) {
            s.county(spec, used);
        }
        return s;
    }

    List<GenBody> bodies() {
        return counties.stream().flatMap(c -> c.bodies.stream()).toList();
    }

    // -------------------------------------------------------------------------------------------------- parties

    private void county(CountySpec spec, Set<String> used) {
        GenCounty c = new GenCounty(spec);
        counties.add(c);
        SplittableRandom random = Seeds.random(seed, "county:" + spec.code());
        for (int i = 0; i < spec.municipalities(); i++) {
            String place;
            do {
                place = Names.place(random);
            } while (!used.add(Names.code(place)));
            String code = Names.code(place);
            Party m = new Party(PartyId.of(code), code, spec.code(), Names.municipality(place), PartyKind.MUNICIPALITY,
                    null, Period.from(LocalDate.of(1971, 1, 1)), null, List.of());
            c.parties.add(m);
            // about half the municipalities have one social services committee, the others split elderly care off
            boolean split = random.nextInt(100) < 55;
            List<Committee> committees = new ArrayList<>();
            committees.add(committee(m, "ks", "Kommunstyrelsen", CommitteeKind.BOARD, List.of("folkhalsa"), 1971));
            if (split) {
                committees.add(committee(m, "von", "Vård- och omsorgsnämnden", CommitteeKind.COMMITTEE,
                        List.of("aldre", "funktionshinder"), 2010));
                committees.add(committee(m, "sn", "Socialnämnden", CommitteeKind.COMMITTEE,
                        List.of("ifo", "psykisk-halsa"), 2010));
            } else {
                committees.add(committee(m, "sn", "Socialnämnden", CommitteeKind.COMMITTEE,
                        List.of("aldre", "funktionshinder", "ifo", "psykisk-halsa"), 2010));
            }
            committees.add(committee(m, "bun", "Barn- och utbildningsnämnden", CommitteeKind.COMMITTEE,
                    List.of("skola-barn-unga"), 2010));
            c.committees.put(m.id(), committees);
        }
        Party region = new Party(PartyId.of(spec.regionCode()), spec.regionCode(), spec.code(), spec.region(),
                PartyKind.REGION, null, Period.from(LocalDate.of(1863, 1, 1)), null,
                spec.renamed() ? List.of(new Party.FormerName(spec.formerName(), LocalDate.of(2018, 12, 31))) : List.of());
        c.region = region;
        c.parties.add(region);
        c.committees.put(region.id(), List.of(
                committee(region, "rs", "Regionstyrelsen", CommitteeKind.BOARD, List.of(), 2010),
                committee(region, "hsn", "Hälso- och sjukvårdsnämnden", CommitteeKind.COMMITTEE,
                        List.of("halso-sjukvard", "psykisk-halsa", "folkhalsa"), 2010)));
        for (Party p : c.parties) {
            SplittableRandom r = Seeds.random(seed, "people:" + p.code());
            PersonId reader = PersonId.of("national/" + p.code() + "/handlaggare");
            people.put(reader, new GenPerson(new Person(reader, Names.person(r), "handlaggare." + p.code(), p.code()),
                    List.of("reader")));
            readers.put(p.id(), reader);
            List<PersonId> subs = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                PersonId sub = PersonId.of("national/" + p.code() + "/ersattare/" + i);
                people.put(sub, new GenPerson(new Person(sub, Names.person(r), null, p.code()), List.of()));
                subs.add(sub);
            }
            substitutes.put(p.id(), subs);
        }
        countyBodies(c, random);
        for (int i = 0; i < c.municipalities().size(); i++) {
            localBodies(c, c.municipalities().get(i), i, random);
        }
        agreements(c, random);
    }

    private static Committee committee(Party party, String code, String name, CommitteeKind kind, List<String> areas,
            int fromYear) {
        return new Committee(CommitteeId.of(party.code() + "/" + code), party.id(), code, name, kind, areas,
                Period.from(LocalDate.of(fromYear, 1, 1)));
    }

    private void agreements(GenCounty c, SplittableRandom random) {
        List<PartyId> all = c.parties.stream().map(Party::id).toList();
        LocalDate regional = LocalDate.of(2015 + random.nextInt(4), 1, 1);
        agreements.add(new Agreement(AgreementId.of(c.spec.code() + "/regional-samverkan"), c.spec.code(),
                "Överenskommelse om regional samverkan i " + c.spec.name(),
                (regional.getYear() - 1) + "/" + String.format("%05d", 100 + random.nextInt(9000)), regional, null,
                AmendmentRule.UNANIMOUS, all, List.of("AGR-01", "AGR-02", "AGR-03", "AGR-04")));
        // NB-07: valid for some years, then evaluated; some counties are past that date, others not yet
        LocalDate care = LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1);
        agreements.add(new Agreement(AgreementId.of(c.spec.code() + "/vard-omsorg-skola"), c.spec.code(),
                "Överenskommelse om samverkan inom hälso- och sjukvård, omsorg och skola i " + c.spec.name(),
                null, care, 2 + random.nextInt(3), AmendmentRule.BY_EACH_PARTY_BOARD, all,
                List.of("AGR-03", "NB-05", "NB-07")));
    }

    // --------------------------------------------------------------------------------------------------- bodies

    /** The county-wide tier, modelled on Blekinge's bodies. */
    private void countyBodies(GenCounty c, SplittableRandom random) {
        Party region = c.region();
        List<Party> municipalities = c.municipalities();
        String county = c.spec.name();
        String publishedOn = region.name() + "s webbplats";
        LocalDate start = LocalDate.of(2014 + random.nextInt(4), 1 + random.nextInt(12), 1);
        boolean keepCore = keep("core:" + c.spec.code());

        if (keep(c.spec.code() + "/RSR")) {
            List<SeatSpec> seats = new ArrayList<>();
            seats.add(new SeatSpec(region, "ordforande-rs", SeatRole.CHAIR, List.of(), true, "rs"));
            municipalities.forEach(m -> seats.add(new SeatSpec(m, "ordforande-ks", SeatRole.MEMBER, List.of(), true, "ks")));
            seats.add(new SeatSpec(region, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            body(c, "RSR", "Regionalt samverkansråd i " + county, BodyKind.COLLABORATION_COUNCIL, BodyLevel.POLITICAL,
                    Role.RSR, Style.POLITICAL, region, AREAS, start, null, seats, List.of(
                            new Recipient(RecipientKind.EXECUTIVE_BOARDS, null, PartySide.MUNICIPAL),
                            new Recipient(RecipientKind.PARTY, region.code(), null)),
                    null, null, true, publishedOn, "Regionens hus, " + c.spec.name().replace(" län", ""), random);
        }
        if (keep(c.spec.code() + "/RCG")) {
            List<SeatSpec> seats = new ArrayList<>();
            municipalities.forEach(m -> seats.add(new SeatSpec(m, "kommundirektor", SeatRole.MEMBER, List.of(), true, "ks")));
            seats.add(new SeatSpec(region, "regiondirektor", SeatRole.MEMBER, List.of(), true, "rs"));
            seats.add(new SeatSpec(region, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            body(c, "RCG", "Regionchefsgrupp i " + county, BodyKind.CHIEFS_GROUP, BodyLevel.OFFICIALS, Role.RCG,
                    Style.OFFICIALS, region, AREAS, start, null, seats, List.of(
                            new Recipient(RecipientKind.EXECUTIVE_BOARDS, null, PartySide.MUNICIPAL),
                            new Recipient(RecipientKind.PARTY, region.code(), null)),
                    null, null, false, publishedOn, "Regionens hus, sammanträdesrum Linnea", random);
        }
        if (keepCore) {
            // LSVO-01: the municipalities' heads of administration (one head of social services where there are many
            // municipalities) and the region's health-care heads; LSVO-02, LSVO-26: a chair and the region's secretary
            boolean few = municipalities.size() <= 8;
            List<SeatSpec> seats = new ArrayList<>();
            for (Party m : municipalities) {
                if (few && c.committee(m, "von") != null) {
                    seats.add(new SeatSpec(m, "forvaltningschef-aldre", SeatRole.MEMBER, List.of("aldre", "halso-sjukvard"), true, "von"));
                    seats.add(new SeatSpec(m, "forvaltningschef-funktionshinder", SeatRole.MEMBER, List.of("funktionshinder"), true, "von"));
                    seats.add(new SeatSpec(m, "forvaltningschef-ifo", SeatRole.MEMBER, List.of("ifo", "psykisk-halsa", "folkhalsa"), true, "sn"));
                    seats.add(new SeatSpec(m, "forvaltningschef-skola", SeatRole.MEMBER, List.of("skola-barn-unga"), true, "bun"));
                } else if (few) {
                    seats.add(new SeatSpec(m, "socialchef", SeatRole.MEMBER,
                            List.of("aldre", "funktionshinder", "ifo", "psykisk-halsa", "halso-sjukvard", "folkhalsa"), true, "sn"));
                    seats.add(new SeatSpec(m, "forvaltningschef-skola", SeatRole.MEMBER, List.of("skola-barn-unga"), true, "bun"));
                } else {
                    seats.add(new SeatSpec(m, "socialchef", SeatRole.MEMBER, AREAS, true, "sn"));
                }
            }
            seats.add(new SeatSpec(region, "hs-direktor", SeatRole.MEMBER, List.of("halso-sjukvard"), true, "hsn"));
            seats.add(new SeatSpec(region, "hs-chef-primarvard", SeatRole.MEMBER, List.of("halso-sjukvard", "aldre", "folkhalsa"), true, "hsn"));
            seats.add(new SeatSpec(region, "hs-chef-psykiatri", SeatRole.MEMBER, List.of("psykisk-halsa", "skola-barn-unga", "ifo"), true, "hsn"));
            seats.add(new SeatSpec(region, "hs-chef-somatik", SeatRole.MEMBER, List.of("halso-sjukvard", "funktionshinder"), true, "hsn"));
            seats.add(new SeatSpec(region, "ordforande-lsvo", SeatRole.CHAIR, List.of(), false, null));
            seats.add(new SeatSpec(region, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            List<SeatSpec> bg = new ArrayList<>();
            bg.add(new SeatSpec(region, "ordforande-lsvo", SeatRole.CHAIR, List.of(), false, null));
            bg.add(new SeatSpec(region, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            bg.add(new SeatSpec(municipalities.get(0), "representant-interkommunalt-forum", SeatRole.MEMBER, List.of(), true, null));
            bg.add(new SeatSpec(municipalities.get(municipalities.size() - 1), "representant-skolchefsnatverket", SeatRole.MEMBER, List.of(), true, null));
            bg.add(new SeatSpec(region, "representant-regionen", SeatRole.MEMBER, List.of(), true, null));
            GenBody prep = body(c, "LSVO-BG", "Beredningsgruppen för LSVO i " + county, BodyKind.PREPARATION_GROUP,
                    BodyLevel.OFFICIALS, Role.LSVO_BG, Style.PREPARATION, region, AREAS, start, null, bg, List.of(), null,
                    null, false, publishedOn, "Regionens hus, sammanträdesrum Ek", random);
            GenBody lsvo = body(c, "LSVO", "Ledningssamverkan vård och omsorg i " + county, BodyKind.LEADERSHIP_GROUP,
                    BodyLevel.OFFICIALS, Role.LSVO, Style.OFFICIALS, region, AREAS, start, null, seats, List.of(
                            new Recipient(RecipientKind.BODY_MEMBERS, null, null),
                            new Recipient(RecipientKind.BODY, "RCG", null),
                            new Recipient(RecipientKind.BODY, "PSVO", null),
                            new Recipient(RecipientKind.COMMITTEE, region.code() + "/hsn", null),
                            new Recipient(RecipientKind.COMMITTEES_CONCERNED, null, PartySide.MUNICIPAL)),
                    null, prep, true, publishedOn, "Regionens hus, sammanträdesrum Tjärn", random);
            List<SeatSpec> psvo = new ArrayList<>();
            psvo.add(new SeatSpec(region, "ordforande-hsn", SeatRole.CHAIR, List.of(), true, "hsn"));
            for (int i = 0; i < municipalities.size(); i++) {
                Party m = municipalities.get(i);
                boolean split = c.committee(m, "von") != null;
                psvo.add(new SeatSpec(m, split ? "ordforande-von" : "ordforande-sn", i == 0 ? SeatRole.VICE_CHAIR : SeatRole.MEMBER,
                        List.of(), true, split ? "von" : "sn"));
            }
            psvo.add(new SeatSpec(region, "hs-direktor", SeatRole.CO_OPTED, List.of(), false, "hsn"));
            psvo.add(new SeatSpec(region, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            body(c, "PSVO", "Politisk samverkan vård och omsorg i " + county, BodyKind.POLITICAL_COUNCIL,
                    BodyLevel.POLITICAL, Role.PSVO, Style.POLITICAL, region, AREAS, start, null, psvo, List.of(
                            new Recipient(RecipientKind.PARTY, region.code(), null),
                            new Recipient(RecipientKind.COMMITTEES_CONCERNED, null, PartySide.REGIONAL),
                            new Recipient(RecipientKind.EXECUTIVE_BOARDS, null, PartySide.MUNICIPAL),
                            new Recipient(RecipientKind.COMMITTEES_CONCERNED, null, PartySide.MUNICIPAL)),
                    lsvo, null, true, publishedOn, "Regionens hus, sammanträdesrum Sjö", random);
            relation(c, "LSVO-BG", RelationKind.PART_OF, "LSVO", "LSVO-23", start);
            relation(c, "LSVO-BG", RelationKind.PREPARES_FOR, "LSVO", "LSVO-09", start);
            relation(c, "LSVO", RelationKind.REPORTS_TO, "PSVO", "LSVO-28", start);
            relation(c, "LSVO", RelationKind.LINKED_POLITICAL_COUNCIL, "PSVO", "LSVO-28", start);
            relation(c, "LSVO", RelationKind.PREPARES_FOR, "RCG", "LSVO-28", start);
        }
        relation(c, "RCG", RelationKind.REPORTS_TO, "RSR", "AGR-01", start);
        String[][] groups = {{"ATT-VAXA-UPP", "Samverkansgruppen Att växa upp", "skola-barn-unga", "psykisk-halsa"},
                {"MITT-I-LIVET", "Samverkansgruppen Mitt i livet", "ifo", "funktionshinder"},
                {"ATT-ALDRAS", "Samverkansgruppen Att åldras", "aldre", "halso-sjukvard"}};
        for (String[] g : groups) {
            if (!keep(c.spec.code() + "/" + g[0])) {
                continue;
            }
            // as in Blekinge, the county's collaboration groups prepare and inform but take no decisions (LSVO-22)
            List<String> areas = List.of(g[2], g[3]);
            List<SeatSpec> seats = new ArrayList<>();
            Party convener = random.nextBoolean() ? region : Names.pick(random, municipalities);
            seats.add(new SeatSpec(convener, "sammankallande-" + Names.code(g[0]), SeatRole.CHAIR, areas, false, null));
            municipalities.stream().limit(8).forEach(m -> seats.add(new SeatSpec(m, "enhetschef-" + g[2], SeatRole.MEMBER, areas, false, null)));
            seats.add(new SeatSpec(region, "verksamhetschef-" + g[2], SeatRole.MEMBER, areas, false, null));
            LocalDate from = start.plusMonths(random.nextInt(36));
            body(c, g[0], g[1] + " i " + county, BodyKind.COLLABORATION_GROUP, BodyLevel.OFFICIALS, Role.COUNTY_GROUP,
                    Style.GROUP, region, areas, from, null, seats,
                    List.of(new Recipient(RecipientKind.BODY_MEMBERS, null, null), new Recipient(RecipientKind.BODY, "LSVO", null)),
                    null, null, false, publishedOn, "Digitalt möte", random);
            relation(c, g[0], RelationKind.REPORTS_TO, "LSVO", "AGR-01", from);
        }
        // large counties also collaborate sub-regionally, a group for every eight or so municipalities
        int subregions = municipalities.size() / 8;
        for (int k = 1; k <= subregions; k++) {
            String shortName = "DELREG-" + k;
            if (!keep(c.spec.code() + "/" + shortName)) {
                continue;
            }
            int size = municipalities.size() / subregions;
            List<Party> members = municipalities.subList((k - 1) * size, k == subregions ? municipalities.size() : k * size);
            List<SeatSpec> seats = new ArrayList<>();
            List<Recipient> recipients = new ArrayList<>();
            recipients.add(new Recipient(RecipientKind.BODY, "LSVO", null));
            for (Party m : members) {
                seats.add(new SeatSpec(m, "socialchef", SeatRole.MEMBER, AREAS, true, "sn"));
                recipients.add(new Recipient(RecipientKind.COMMITTEE, m.code() + "/sn", null));
            }
            seats.add(new SeatSpec(region, "hs-chef-primarvard", SeatRole.MEMBER, List.of("halso-sjukvard", "aldre", "folkhalsa"), true, "hsn"));
            seats.add(new SeatSpec(region, "verksamhetschef-psykisk-halsa", SeatRole.MEMBER, List.of("psykisk-halsa"), true, "hsn"));
            seats.add(new SeatSpec(region, "ordforande-delregion-" + k, SeatRole.CHAIR, List.of(), false, null));
            seats.add(new SeatSpec(region, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            String place = members.get(0).name().replace(" kommun", "");
            LocalDate from = start.plusMonths(random.nextInt(24));
            body(c, shortName, "Delregional samverkan vård och omsorg, " + place + " m.fl.", BodyKind.LEADERSHIP_GROUP,
                    BodyLevel.OFFICIALS, Role.SUBREGIONAL, Style.OFFICIALS, region, AREAS, from, null, seats,
                    recipients, null, null, false, publishedOn, members.get(0).name().replace(" kommun", "") + "s kommunhus", random);
            relation(c, shortName, RelationKind.REPORTS_TO, "LSVO", "LSVO-28", from);
        }
    }

    /** A municipality's local tier: public-health council, leadership group and council, collaboration groups. */
    private void localBodies(GenCounty c, Party m, int index, SplittableRandom random) {
        Party region = c.region();
        String place = m.name().replace(" kommun", "");
        String suffix = m.code().toUpperCase(java.util.Locale.ROOT);
        boolean split = c.committee(m, "von") != null;
        String careCommittee = split ? "von" : "sn";
        String hall = place + (place.endsWith("s") ? "" : "s") + " kommunhus";
        String publishedOn = m.name() + "s webbplats";
        int politician = index % 3 + 1;

        if (keep(c.spec.code() + "/FHR-" + suffix)) {
            LocalDate from = LocalDate.of(2012 + random.nextInt(8), 1 + random.nextInt(12), 1);
            List<SeatSpec> seats = List.of(
                    new SeatSpec(m, "ordforande-ks", SeatRole.CHAIR, List.of("folkhalsa"), true, "ks"),
                    new SeatSpec(m, "oppositionsrad", SeatRole.MEMBER, List.of("folkhalsa"), true, "ks"),
                    new SeatSpec(m, "ordforande-bun", SeatRole.MEMBER, List.of("folkhalsa", "skola-barn-unga"), true, "bun"),
                    new SeatSpec(region, "ledamot-hsn-" + politician, SeatRole.MEMBER, List.of("folkhalsa"), true, "hsn"),
                    new SeatSpec(region, "ledamot-hsn-" + (politician % 3 + 1), SeatRole.MEMBER, List.of("folkhalsa"), true, "hsn"),
                    new SeatSpec(m, "folkhalsostrateg", SeatRole.EXPERT, List.of("folkhalsa"), false, null),
                    new SeatSpec(m, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            GenBody fhr = body(c, "FHR-" + suffix, "Folkhälsorådet i " + m.name(), BodyKind.PUBLIC_HEALTH_COUNCIL,
                    BodyLevel.POLITICAL, Role.PUBLIC_HEALTH, Style.POLITICAL, m, List.of("folkhalsa", "skola-barn-unga"),
                    from, null, seats, List.of(new Recipient(RecipientKind.COMMITTEE, m.code() + "/ks", null)), null, null,
                    true, publishedOn, hall + ", sammanträdesrum Folkets", random);
            if (fhr != null) {
                fhr.body(); // owned by the municipality (POL-04): set in body()
            }
        }
        GenBody leadership = null;
        if (keep(c.spec.code() + "/LLG-" + suffix)) {
            LocalDate from = LocalDate.of(2012 + random.nextInt(7), 1 + random.nextInt(12), 1);
            List<SeatSpec> seats = new ArrayList<>();
            if (split) {
                seats.add(new SeatSpec(m, "forvaltningschef-aldre", SeatRole.MEMBER, List.of("aldre", "halso-sjukvard"), true, "von"));
                seats.add(new SeatSpec(m, "forvaltningschef-funktionshinder", SeatRole.MEMBER, List.of("funktionshinder"), true, "von"));
                seats.add(new SeatSpec(m, "forvaltningschef-ifo", SeatRole.MEMBER, List.of("ifo", "psykisk-halsa", "folkhalsa"), true, "sn"));
            } else {
                seats.add(new SeatSpec(m, "socialchef", SeatRole.MEMBER,
                        List.of("aldre", "funktionshinder", "ifo", "psykisk-halsa", "halso-sjukvard", "folkhalsa"), true, "sn"));
            }
            seats.add(new SeatSpec(m, "forvaltningschef-skola", SeatRole.MEMBER, List.of("skola-barn-unga"), true, "bun"));
            seats.add(new SeatSpec(region, "hs-chef-primarvard", SeatRole.MEMBER, List.of("halso-sjukvard", "aldre", "folkhalsa"), true, "hsn"));
            seats.add(new SeatSpec(region, "hs-chef-psykiatri", SeatRole.MEMBER, List.of("psykisk-halsa", "skola-barn-unga", "ifo"), true, "hsn"));
            seats.add(new SeatSpec(m, "kommundirektor", SeatRole.CHAIR, List.of(), false, null));
            seats.add(new SeatSpec(m, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            List<Recipient> recipients = new ArrayList<>();
            recipients.add(new Recipient(RecipientKind.BODY_MEMBERS, null, null));
            recipients.add(new Recipient(RecipientKind.BODY, "LPR-" + suffix, null));
            c.committees.get(m.id()).stream().filter(x -> x.kind() != CommitteeKind.BOARD)
                    .forEach(x -> recipients.add(new Recipient(RecipientKind.COMMITTEE, m.code() + "/" + x.code(), null)));
            recipients.add(new Recipient(RecipientKind.COMMITTEE, region.code() + "/hsn", null));
            leadership = body(c, "LLG-" + suffix, "Lokal ledningsgrupp vård och omsorg i " + m.name(),
                    BodyKind.LEADERSHIP_GROUP, BodyLevel.OFFICIALS, Role.LOCAL_LEADERSHIP, Style.OFFICIALS, m, AREAS, from,
                    null, seats, recipients, null, null, true, publishedOn, hall + ", sammanträdesrum Ljung", random);
            List<SeatSpec> council = new ArrayList<>();
            council.add(new SeatSpec(region, "ledamot-hsn-" + politician, SeatRole.CHAIR, List.of(), true, "hsn"));
            council.add(new SeatSpec(m, "ordforande-" + careCommittee, SeatRole.VICE_CHAIR, List.of(), true, careCommittee));
            if (split) {
                council.add(new SeatSpec(m, "ordforande-sn", SeatRole.MEMBER, List.of(), true, "sn"));
            }
            council.add(new SeatSpec(m, "ordforande-bun", SeatRole.MEMBER, List.of(), true, "bun"));
            council.add(new SeatSpec(region, "ledamot-hsn-" + (politician % 3 + 1), SeatRole.MEMBER, List.of(), true, "hsn"));
            council.add(new SeatSpec(m, split ? "forvaltningschef-aldre" : "socialchef", SeatRole.CO_OPTED, List.of(), false, careCommittee));
            council.add(new SeatSpec(region, "hs-chef-primarvard", SeatRole.CO_OPTED, List.of(), false, "hsn"));
            council.add(new SeatSpec(m, "sekreterare", SeatRole.SECRETARY, List.of(), false, null));
            body(c, "LPR-" + suffix, "Lokalt politiskt samverkansråd i " + m.name(), BodyKind.POLITICAL_COUNCIL,
                    BodyLevel.POLITICAL, Role.LOCAL_COUNCIL, Style.POLITICAL, m, AREAS, from, null, council, List.of(
                            new Recipient(RecipientKind.PARTY, m.code(), null),
                            new Recipient(RecipientKind.PARTY, region.code(), null)),
                    leadership, null, true, publishedOn, hall + ", sessionssalen", random);
            relation(c, "LLG-" + suffix, RelationKind.REPORTS_TO, "LPR-" + suffix, "LSVO-28", from);
            relation(c, "LLG-" + suffix, RelationKind.LINKED_POLITICAL_COUNCIL, "LPR-" + suffix, "LSVO-28", from);
        }
        // 10 to 20 of the topics, in a random order of the municipality's own
        List<Topic> topics = new ArrayList<>(TOPICS);
        for (int i = topics.size() - 1; i > 0; i--) {
            java.util.Collections.swap(topics, i, random.nextInt(i + 1));
        }
        int count = 10 + random.nextInt(11);
        for (Topic topic : topics.subList(0, count)) {
            String shortName = "SG-" + topic.code() + "-" + suffix;
            if (!keep(c.spec.code() + "/" + shortName)) {
                continue;
            }
            boolean late = random.nextInt(100) < 30;
            LocalDate from = late ? LocalDate.of(2017 + random.nextInt(7), 1 + random.nextInt(12), 1)
                    : LocalDate.of(2011 + random.nextInt(6), 1 + random.nextInt(12), 1);
            LocalDate to = !late && random.nextInt(100) < 6 ? LocalDate.of(2019 + random.nextInt(7), 12, 31) : null;
            List<SeatSpec> seats = new ArrayList<>();
            Party convener = random.nextBoolean() ? m : region;
            seats.add(new SeatSpec(convener, "sammankallande-" + Names.code(topic.code()), SeatRole.CHAIR, topic.areas(), false, null));
            List<Recipient> recipients = new ArrayList<>();
            recipients.add(new Recipient(RecipientKind.BODY_MEMBERS, null, null));
            Set<String> reached = new LinkedHashSet<>();
            for (String area : topic.areas().subList(0, Math.min(2, topic.areas().size()))) {
                String committee = committeeFor(c, m, area);
                seats.add(new SeatSpec(m, "enhetschef-" + area, SeatRole.MEMBER, List.of(area), true, committee));
                seats.add(new SeatSpec(region, "verksamhetschef-" + area, SeatRole.MEMBER, List.of(area), true, "hsn"));
                if (committee != null && reached.add(committee)) {
                    recipients.add(new Recipient(RecipientKind.COMMITTEE, m.code() + "/" + committee, null));
                }
            }
            if (topic.areas().contains("halso-sjukvard") && !topic.areas().subList(0, Math.min(2, topic.areas().size())).contains("aldre")) {
                seats.add(new SeatSpec(m, "medicinskt-ansvarig-sjukskoterska", SeatRole.MEMBER, List.of("halso-sjukvard"), true, null));
            }
            BodyKind kind = random.nextInt(100) < 8 ? BodyKind.WORK_AREA : BodyKind.COLLABORATION_GROUP;
            body(c, shortName, topic.name() + " i " + place, kind, BodyLevel.OFFICIALS, Role.GROUP, Style.GROUP, m,
                    topic.areas(), from, to, seats, recipients, null, null, false, publishedOn,
                    random.nextInt(100) < 25 ? "Digitalt möte" : hall + ", sammanträdesrum " + (1 + random.nextInt(6)), random);
            if (leadership != null) {
                relation(c, shortName, RelationKind.REPORTS_TO, "LLG-" + suffix, "AGR-01", from);
            }
        }
    }

    /** The municipality's committee concerned by a subject area, or null for an area no committee names. */
    private static @Nullable String committeeFor(GenCounty c, Party m, String area) {
        return c.committees.get(m.id()).stream().filter(x -> x.kind() != CommitteeKind.BOARD && x.subjectAreas().contains(area))
                .map(Committee::code).findFirst().orElse(null);
    }

    /** A seat to be made: the party, the function it is defined by, and what it may do. */
    private record SeatSpec(Party party, String function, SeatRole role, List<String> areas, boolean mandate,
            @Nullable String committee) {
    }

    private GenBody body(GenCounty c, String shortName, String name, BodyKind kind, BodyLevel level, Role role,
            Style style, Party home, List<String> areas, LocalDate from, @Nullable LocalDate to, List<SeatSpec> specs,
            List<Recipient> recipients, @Nullable GenBody source, @Nullable GenBody preparation, boolean recommends,
            String publishedOn, String location, SplittableRandom random) {
        String key = c.spec.code() + "/" + shortName;
        Period validity = new Period(from, to);
        Body body = new Body(BodyId.of(key), c.spec.code(), shortName, name, kind, level, false,
                description(role, name), role == Role.PUBLIC_HEALTH ? home.id() : null, validity);
        List<GenSeat> seats = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (SeatSpec spec : specs) {
            String seatKey = switch (spec.role()) {
                case CHAIR -> "chair";
                case SECRETARY -> "secretary";
                default -> spec.party().code() + "-" + spec.function();
            };
            if (!keys.add(seatKey)) {
                continue; // one seat per party and function in a body
            }
            CommitteeId committee = spec.committee() == null ? null
                    : java.util.Optional.ofNullable(c.committee(spec.party(), spec.committee())).map(Committee::id).orElse(null);
            Seat seat = new Seat(SeatId.of(key + "/" + seatKey), body.id(), seatKey, spec.party().id(), null, spec.function(),
                    title(spec.function()), spec.role(), spec.areas(), spec.mandate(), committee, validity);
            List<Holding> holdings = new ArrayList<>();
            for (Holding post : post(spec.party(), spec.function())) {
                LocalDate start = post.from().isBefore(from) ? from : post.from();
                LocalDate end = post.to() == null ? to : to == null || post.to().isBefore(to) ? post.to() : to;
                if (end != null && end.isBefore(start)) {
                    continue;
                }
                holdings.add(new Holding(start, end, post.person()));
                appointments.add(new Appointment(AppointmentId.of("national/" + key + "/" + seatKey + "/" + holdings.size()),
                        post.person(), seat.id(), new Period(start, end)));
            }
            seats.add(new GenSeat(seat, spec.party(), holdings));
        }
        String secretaryParty = specs.stream().filter(s -> s.role() == SeatRole.SECRETARY).map(s -> s.party().code())
                .findFirst().orElse(null);
        Rulebooks.Terms terms = new Rulebooks.Terms(style, shortName, secretaryParty, recipients,
                source == null ? null : source.body().shortName(), preparation == null ? null : preparation.body().shortName(),
                recommends, publishedOn);
        List<Rulebook> rulebooks = Rulebooks.versions(body.id(), key, terms, from, random);
        LocalTime time = LocalTime.of(random.nextInt(100) < 70 ? 9 : 13, random.nextInt(100) < 80 ? 0 : 30);
        GenBody generated = new GenBody(body, role, style, c, home, areas, seats, rulebooks, source, preparation,
                location, time);
        c.bodies.add(generated);
        return generated;
    }

    private static @Nullable String description(Role role, String name) {
        return switch (role) {
            case LSVO -> "Ledningsgrupp för samverkan mellan regionen och länets kommuner inom hälsa, vård och omsorg.";
            case PSVO -> "Politiskt råd för samverkan inom vård och omsorg, kopplat till ledningsgruppen.";
            case LSVO_BG -> "Bereder ledningsgruppens dagordning och avgör vilka ärenden som tas upp på vilket möte.";
            case LOCAL_LEADERSHIP -> "Kommunens och regionens chefer i samverkan kring " + name.replaceFirst(".* i ", "") + ".";
            default -> null;
        };
    }

    private void relation(GenCounty c, String from, RelationKind kind, String to, String rule, LocalDate since) {
        BodyId a = BodyId.of(c.spec.code() + "/" + from);
        BodyId b = BodyId.of(c.spec.code() + "/" + to);
        boolean both = c.bodies.stream().anyMatch(x -> x.body().id().equals(a)) && c.bodies.stream().anyMatch(x -> x.body().id().equals(b));
        if (both) {
            relations.add(new BodyRelation(a, kind, b, rule, Period.from(since)));
        }
    }

    /** Whether a body is in the data set at this scale: the same answer for the same seed. */
    private boolean keep(String name) {
        return scale >= 1 || Seeds.uniform(seed, "keep:" + name) < scale;
    }

    // ------------------------------------------------------------------------------------------------ the people

    private static final Set<String> POLITICAL = Set.of("ordforande-ks", "oppositionsrad", "ordforande-von",
            "ordforande-sn", "ordforande-bun", "ordforande-rs", "ordforande-hsn", "ledamot-hsn-1", "ledamot-hsn-2",
            "ledamot-hsn-3");

    /**
     * Who held a party's post (the function at that party) when: politicians for terms of office that may be renewed,
     * officials for a few years each, now and then with a vacancy between them. One person holds the post in every body
     * where it has a seat, as a head of administration sits in several groups.
     */
    private List<Holding> post(Party party, String function) {
        return posts.computeIfAbsent(party.code() + "/" + function, key -> {
            SplittableRandom random = Seeds.random(seed, "post:" + key);
            List<Holding> holdings = new ArrayList<>();
            LocalDate start = LocalDate.of(2007, 1, 1);
            int n = 0;
            while (start.getYear() < 2027) {
                LocalDate end;
                if (POLITICAL.contains(function)) {
                    int terms = 1 + (random.nextInt(100) < 45 ? 1 : 0) + (random.nextInt(100) < 20 ? 1 : 0);
                    end = start.plusYears(4L * terms).minusDays(1);
                } else {
                    end = start.plusMonths(24 + random.nextInt(72)).minusDays(1);
                }
                PersonId person = PersonId.of("national/" + key + "/" + (++n));
                people.put(person, new GenPerson(new Person(person, Names.person(random), null, party.code()), List.of()));
                boolean last = !end.isBefore(LocalDate.of(2026, 12, 31));
                holdings.add(new Holding(start, last ? null : end, person));
                if (last) {
                    break;
                }
                start = end.plusDays(1);
                if (!POLITICAL.contains(function) && random.nextInt(100) < 10) {
                    start = start.plusMonths(1 + random.nextInt(3)); // vacant until the successor starts
                }
            }
            return holdings;
        });
    }

    /** Function code → display title, as the structure files' {@code functions}. */
    String title(String function) {
        return titles.computeIfAbsent(function, NationalStructure::describe);
    }

    private static String describe(String function) {
        String area = function.replaceFirst("^(enhetschef|verksamhetschef)-", "");
        return switch (function) {
            case "ordforande-ks" -> "Kommunstyrelsens ordförande";
            case "oppositionsrad" -> "Oppositionsråd";
            case "ordforande-von" -> "Ordförande i vård- och omsorgsnämnden";
            case "ordforande-sn" -> "Ordförande i socialnämnden";
            case "ordforande-bun" -> "Ordförande i barn- och utbildningsnämnden";
            case "ordforande-rs" -> "Regionstyrelsens ordförande";
            case "ordforande-hsn" -> "Ordförande i hälso- och sjukvårdsnämnden";
            case "ordforande-lsvo" -> "Ordförande i LSVO";
            case "kommundirektor" -> "Kommundirektör";
            case "regiondirektor" -> "Regiondirektör";
            case "socialchef" -> "Socialchef";
            case "forvaltningschef-aldre" -> "Förvaltningschef äldreomsorg";
            case "forvaltningschef-funktionshinder" -> "Förvaltningschef funktionshinderomsorg";
            case "forvaltningschef-ifo" -> "Förvaltningschef individ- och familjeomsorg";
            case "forvaltningschef-skola" -> "Förvaltningschef skola";
            case "hs-direktor" -> "Hälso- och sjukvårdsdirektör";
            case "hs-chef-primarvard" -> "Hälso- och sjukvårdschef primärvård";
            case "hs-chef-psykiatri" -> "Hälso- och sjukvårdschef psykiatri och habilitering";
            case "hs-chef-somatik" -> "Hälso- och sjukvårdschef somatisk specialistvård";
            case "sekreterare" -> "Sekreterare";
            case "folkhalsostrateg" -> "Folkhälsostrateg";
            case "medicinskt-ansvarig-sjukskoterska" -> "Medicinskt ansvarig sjuksköterska";
            case "representant-interkommunalt-forum" -> "Ledamot från det interkommunala forumet";
            case "representant-skolchefsnatverket" -> "Ledamot från skolchefsnätverket";
            case "representant-regionen" -> "Ledamot från regionen";
            default -> {
                if (function.startsWith("ledamot-hsn-")) {
                    yield "Ledamot i hälso- och sjukvårdsnämnden";
                } else if (function.startsWith("enhetschef-")) {
                    yield "Enhetschef " + AREA_NAMES.getOrDefault(area, area);
                } else if (function.startsWith("verksamhetschef-")) {
                    yield "Verksamhetschef " + AREA_NAMES.getOrDefault(area, area);
                } else if (function.startsWith("sammankallande-")) {
                    yield "Sammankallande";
                } else if (function.startsWith("ordforande-delregion-")) {
                    yield "Ordförande i den delregionala samverkan";
                }
                yield function;
            }
        };
    }
}
