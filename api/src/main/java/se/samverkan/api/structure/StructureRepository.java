package se.samverkan.api.structure;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.domain.Period;
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
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.RelationKind;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.SeatRole;
import se.samverkan.domain.structure.SubjectArea;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the structure. Every method that serves a GraphQL field for many parents takes all their keys at once and
 * runs one statement, so that the statements per request grow with the depth of a query, not with its lists.
 */
@Repository
public class StructureRepository {

    // Lists of names sort as Swedish readers expect (… Z, Å, Ä, Ö), with PostgreSQL's ICU collation.

    /** A slice of a list and the size of the whole list. */
    public record Page<T>(List<T> items, int offset, int total) {
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    StructureRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------------ counties

    public Flux<County> counties() {
        return db.sql("SELECT code, number, name FROM county ORDER BY number").map(StructureRepository::county).all();
    }

    public Mono<Map<String, County>> countiesByCode(Collection<String> codes) {
        return db.sql("SELECT code, number, name FROM county WHERE code = ANY(:codes)")
                .bind("codes", codes.toArray(String[]::new))
                .map(StructureRepository::county).all()
                .collectMap(County::code);
    }

    private static County county(Readable r) {
        return new County(r.get("code", String.class), r.get("number", Integer.class), r.get("name", String.class));
    }

    public Mono<Map<String, SubjectArea>> subjectAreas(Collection<String> codes) {
        return db.sql("SELECT code, name FROM subject_area WHERE code = ANY(:codes)")
                .bind("codes", codes.toArray(String[]::new))
                .map(r -> new SubjectArea(r.get("code", String.class), r.get("name", String.class))).all()
                .collectMap(SubjectArea::code);
    }

    // ------------------------------------------------------------------------------------------------- parties

    private static final String PARTY = """
            SELECT id, code, county_code, name, kind, organisation_number, valid_from, valid_to, successor_id,
                   former_names::text AS former_names, count(*) OVER () AS total
            FROM party\s""";

    /** The parties of a county existing on a date, by name. */
    public Mono<Page<Party>> parties(String county, LocalDate asOf, int offset, int limit) {
        return db.sql(PARTY + """
                 WHERE county_code = :county
                   AND (valid_from IS NULL OR valid_from <= :asOf) AND (valid_to IS NULL OR valid_to >= :asOf)
                 ORDER BY name COLLATE "sv-SE-x-icu", id OFFSET :offset LIMIT :limit""")
                .bind("county", county).bind("asOf", asOf).bind("offset", offset).bind("limit", limit)
                .map((r, m) -> new Counted<>(party(r), r.get("total", Long.class))).all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() && offset > 0
                        ? countParties(county, asOf).map(total -> new Page<Party>(List.of(), offset, total))
                        : Mono.just(page(rows, offset)));
    }

    private Mono<Integer> countParties(String county, LocalDate asOf) {
        return db.sql("""
                SELECT count(*) AS total FROM party WHERE county_code = :county
                   AND (valid_from IS NULL OR valid_from <= :asOf) AND (valid_to IS NULL OR valid_to >= :asOf)""")
                .bind("county", county).bind("asOf", asOf)
                .map(r -> r.get("total", Long.class).intValue()).one();
    }

    public Mono<Map<PartyId, Party>> partiesById(Collection<PartyId> ids) {
        return db.sql(PARTY + " WHERE id = ANY(:ids)")
                .bind("ids", uuids(ids, PartyId::value))
                .map(this::party).all().collectMap(Party::id);
    }

    public Mono<Map<String, Party>> partiesByCode(Collection<String> codes) {
        return db.sql(PARTY + " WHERE code = ANY(:codes)")
                .bind("codes", codes.toArray(String[]::new))
                .map(this::party).all().collectMap(Party::code);
    }

    public Mono<Party> partyByCode(String code) {
        return db.sql(PARTY + " WHERE code = :code").bind("code", code).map(this::party).one();
    }

    /** Every party of the given counties; the agreements derive their parties on a date from these. */
    public Mono<Map<String, List<Party>>> partiesByCounty(Collection<String> counties) {
        return db.sql(PARTY + " WHERE county_code = ANY(:counties) ORDER BY name COLLATE \"sv-SE-x-icu\"")
                .bind("counties", counties.toArray(String[]::new))
                .map(this::party).all().collectMultimap(Party::countyCode)
                .map(StructureRepository::lists);
    }

    /** The parties each of the given parties succeeded (AGR-02). */
    public Mono<Map<PartyId, List<Party>>> predecessorsOf(Collection<PartyId> ids) {
        return db.sql(PARTY + " WHERE successor_id = ANY(:ids) ORDER BY name COLLATE \"sv-SE-x-icu\"")
                .bind("ids", uuids(ids, PartyId::value))
                .map(this::party).all().collectMultimap(p -> java.util.Objects.requireNonNull(p.successor()))
                .map(StructureRepository::lists);
    }

    private Party party(Readable r) {
        UUID successor = r.get("successor_id", UUID.class);
        List<Party.FormerName> formerNames = json.readValue(r.get("former_names", String.class),
                new TypeReference<List<Party.FormerName>>() { });
        return new Party(new PartyId(r.get("id", UUID.class)), r.get("code", String.class),
                r.get("county_code", String.class), r.get("name", String.class),
                PartyKind.valueOf(r.get("kind", String.class)), r.get("organisation_number", String.class), period(r),
                successor == null ? null : new PartyId(successor), formerNames);
    }

    // ---------------------------------------------------------------------------------------------- committees

    private static final String COMMITTEE = """
            SELECT id, party_id, code, name, kind, subject_areas, valid_from, valid_to FROM committee\s""";

    public Mono<Map<PartyId, List<Committee>>> committeesByParty(Collection<PartyId> parties) {
        return db.sql(COMMITTEE + " WHERE party_id = ANY(:ids) ORDER BY name COLLATE \"sv-SE-x-icu\"")
                .bind("ids", uuids(parties, PartyId::value))
                .map(StructureRepository::committee).all().collectMultimap(Committee::party)
                .map(StructureRepository::lists);
    }

    public Mono<Map<CommitteeId, Committee>> committeesById(Collection<CommitteeId> ids) {
        return db.sql(COMMITTEE + " WHERE id = ANY(:ids)")
                .bind("ids", uuids(ids, CommitteeId::value))
                .map(StructureRepository::committee).all().collectMap(Committee::id);
    }

    private static Committee committee(Readable r) {
        return new Committee(new CommitteeId(r.get("id", UUID.class)), new PartyId(r.get("party_id", UUID.class)),
                r.get("code", String.class), r.get("name", String.class),
                CommitteeKind.valueOf(r.get("kind", String.class)), texts(r, "subject_areas"), period(r));
    }

    // -------------------------------------------------------------------------------------------------- bodies

    private static final String BODY = """
            SELECT id, county_code, short_name, name, kind, level, binds_parties, description, owner_party_id,
                   valid_from, valid_to, count(*) OVER () AS total
            FROM body\s""";

    private static final String BODY_FILTER = """
             WHERE county_code = ANY(:counties) AND (CAST(:kind AS text) IS NULL OR kind = :kind)
               AND (CAST(:asOf AS date) IS NULL
                    OR ((valid_from IS NULL OR valid_from <= :asOf) AND (valid_to IS NULL OR valid_to >= :asOf)))""";

    /** A county's bodies, optionally of one kind and existing on a date, by name. */
    public Mono<Page<Body>> bodies(String county, @Nullable BodyKind kind, @Nullable LocalDate asOf, int offset, int limit) {
        return bindBodyFilter(db.sql(BODY + BODY_FILTER + " ORDER BY name COLLATE \"sv-SE-x-icu\", id OFFSET :offset LIMIT :limit"),
                List.of(county), kind, asOf)
                .bind("offset", offset).bind("limit", limit)
                .map((r, m) -> new Counted<>(body(r), r.get("total", Long.class))).all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() && offset > 0
                        ? bindBodyFilter(db.sql("SELECT count(*) AS total FROM body " + BODY_FILTER), List.of(county), kind, asOf)
                                .map(r -> r.get("total", Long.class).intValue()).one()
                                .map(total -> new Page<Body>(List.of(), offset, total))
                        : Mono.just(page(rows, offset)));
    }

    /** The bodies of several counties at once, for {@code County.bodies}; filtered and paged by the caller. */
    public Mono<Map<String, List<Body>>> bodiesByCounty(Collection<String> counties) {
        return db.sql(BODY + " WHERE county_code = ANY(:counties) ORDER BY name COLLATE \"sv-SE-x-icu\", id")
                .bind("counties", counties.toArray(String[]::new))
                .map(StructureRepository::body).all().collectMultimap(Body::countyCode)
                .map(StructureRepository::lists);
    }

    private static DatabaseClient.GenericExecuteSpec bindBodyFilter(DatabaseClient.GenericExecuteSpec spec,
            List<String> counties, @Nullable BodyKind kind, @Nullable LocalDate asOf) {
        spec = spec.bind("counties", counties.toArray(String[]::new));
        spec = kind == null ? spec.bindNull("kind", String.class) : spec.bind("kind", kind.name());
        return asOf == null ? spec.bindNull("asOf", LocalDate.class) : spec.bind("asOf", asOf);
    }

    public Mono<Map<BodyId, Body>> bodiesById(Collection<BodyId> ids) {
        return db.sql(BODY + " WHERE id = ANY(:ids)")
                .bind("ids", uuids(ids, BodyId::value))
                .map(StructureRepository::body).all().collectMap(Body::id);
    }

    public Mono<Body> bodyByShortName(String county, String shortName) {
        return db.sql(BODY + " WHERE county_code = :county AND short_name = :shortName")
                .bind("county", county).bind("shortName", shortName)
                .map(StructureRepository::body).one();
    }

    private static Body body(Readable r) {
        UUID owner = r.get("owner_party_id", UUID.class);
        return new Body(new BodyId(r.get("id", UUID.class)), r.get("county_code", String.class),
                r.get("short_name", String.class), r.get("name", String.class),
                BodyKind.valueOf(r.get("kind", String.class)), BodyLevel.valueOf(r.get("level", String.class)),
                r.get("binds_parties", Boolean.class), r.get("description", String.class),
                owner == null ? null : new PartyId(owner), period(r));
    }

    public Mono<Map<BodyId, List<BodyRelation>>> relationsOf(Collection<BodyId> bodies) {
        UUID[] ids = uuids(bodies, BodyId::value);
        return db.sql("""
                SELECT from_body_id, kind, to_body_id, rule, valid_from, valid_to FROM body_relation
                WHERE from_body_id = ANY(:ids) OR to_body_id = ANY(:ids) ORDER BY kind, from_body_id, to_body_id""")
                .bind("ids", ids)
                .map(r -> new BodyRelation(new BodyId(r.get("from_body_id", UUID.class)),
                        RelationKind.valueOf(r.get("kind", String.class)), new BodyId(r.get("to_body_id", UUID.class)),
                        r.get("rule", String.class), period(r))).all()
                .collectList()
                .map(relations -> bodies.stream().collect(Collectors.toMap(Function.identity(), b -> relations.stream()
                        .filter(rel -> rel.from().equals(b) || rel.to().equals(b)).toList())));
    }

    // ----------------------------------------------------------------------------------------------- rulebooks

    /** Every rulebook version of the given bodies, newest first. */
    public Mono<Map<BodyId, List<Rulebook>>> rulebooksOf(Collection<BodyId> bodies) {
        return db.sql("SELECT document::text AS document FROM rulebook WHERE body_id = ANY(:ids) ORDER BY in_force_from DESC")
                .bind("ids", uuids(bodies, BodyId::value))
                .map(r -> json.readValue(r.get("document", String.class), Rulebook.class)).all()
                .collectMultimap(Rulebook::body).map(StructureRepository::lists);
    }

    public Mono<Rulebook> rulebook(UUID id) {
        return db.sql("SELECT document::text AS document FROM rulebook WHERE id = :id").bind("id", id)
                .map(r -> json.readValue(r.get("document", String.class), Rulebook.class)).one();
    }

    // --------------------------------------------------------------------------------------------------- seats

    private static final String SEAT = """
            SELECT id, body_id, key, party_id, external_organisation, function, title, role, subject_areas,
                   decision_mandate, committee_id, valid_from, valid_to FROM seat\s""";

    /** Every seat of the given bodies, in a stable order: role, then party, then key. */
    public Mono<Map<BodyId, List<Seat>>> seatsOf(Collection<BodyId> bodies) {
        return db.sql(SEAT + """
                 WHERE body_id = ANY(:ids)
                 ORDER BY\s""" + seatOrder("role") + ", key")
                .bind("ids", uuids(bodies, BodyId::value))
                .map(StructureRepository::seat).all().collectMultimap(Seat::body).map(StructureRepository::lists);
    }

    public Mono<Map<SeatId, Seat>> seatsById(Collection<SeatId> ids) {
        return db.sql(SEAT + " WHERE id = ANY(:ids)")
                .bind("ids", uuids(ids, SeatId::value))
                .map(StructureRepository::seat).all().collectMap(Seat::id);
    }

    /** Seats are listed chair first, members before those without a mandate. */
    private static String seatOrder(String roleColumn) {
        return "array_position(ARRAY['CHAIR','VICE_CHAIR','MEMBER','SUBSTITUTE','SECRETARY','CO_OPTED','EXPERT'], "
                + roleColumn + ")";
    }

    private static Seat seat(Readable r) {
        UUID party = r.get("party_id", UUID.class);
        UUID committee = r.get("committee_id", UUID.class);
        return new Seat(new SeatId(r.get("id", UUID.class)), new BodyId(r.get("body_id", UUID.class)),
                r.get("key", String.class), party == null ? null : new PartyId(party),
                r.get("external_organisation", String.class), r.get("function", String.class),
                r.get("title", String.class), SeatRole.valueOf(r.get("role", String.class)), texts(r, "subject_areas"),
                r.get("decision_mandate", Boolean.class), committee == null ? null : new CommitteeId(committee),
                period(r));
    }

    // ------------------------------------------------------------------------------------ people, appointments

    private static final String APPOINTMENT = "SELECT a.id, a.person_id, a.seat_id, a.valid_from, a.valid_to FROM appointment a";

    /** Every appointment to the seats of the given bodies, grouped by body. */
    public Mono<Map<BodyId, List<Appointment>>> appointmentsInBodies(Collection<BodyId> bodies) {
        return db.sql("""
                SELECT a.id, a.person_id, a.seat_id, a.valid_from, a.valid_to, s.body_id
                FROM appointment a JOIN seat s ON s.id = a.seat_id
                 WHERE s.body_id = ANY(:ids)
                 ORDER BY\s""" + seatOrder("s.role") + ", s.key, a.valid_from NULLS FIRST")
                .bind("ids", uuids(bodies, BodyId::value))
                .map(r -> Map.entry(new BodyId(r.get("body_id", UUID.class)), appointment(r))).all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue).map(StructureRepository::lists);
    }

    /** An appointment with the person it appoints. */
    public record Holding(Appointment appointment, Person person) {
    }

    /** Every appointment to the given seats with its person, oldest first: who held each seat when. */
    public Mono<Map<SeatId, List<Holding>>> holdingsOf(Collection<SeatId> seats) {
        return db.sql("""
                SELECT a.id, a.person_id, a.seat_id, a.valid_from, a.valid_to,
                       p.name, p.username, p.party_code
                FROM appointment a JOIN person p ON p.id = a.person_id
                WHERE a.seat_id = ANY(:ids) ORDER BY a.valid_from NULLS FIRST""")
                .bind("ids", uuids(seats, SeatId::value))
                .map(r -> new Holding(appointment(r), new Person(new PersonId(r.get("person_id", UUID.class)),
                        r.get("name", String.class), r.get("username", String.class), r.get("party_code", String.class))))
                .all().collectMultimap(h -> h.appointment().seat()).map(StructureRepository::lists);
    }

    public Mono<Map<PersonId, List<Appointment>>> appointmentsOf(Collection<PersonId> people) {
        return db.sql(APPOINTMENT + " WHERE a.person_id = ANY(:ids) ORDER BY a.valid_from NULLS FIRST")
                .bind("ids", uuids(people, PersonId::value))
                .map(StructureRepository::appointment).all().collectMultimap(Appointment::person)
                .map(StructureRepository::lists);
    }

    private static Appointment appointment(Readable r) {
        return new Appointment(new AppointmentId(r.get("id", UUID.class)), new PersonId(r.get("person_id", UUID.class)),
                new SeatId(r.get("seat_id", UUID.class)), period(r));
    }

    private static final String PERSON = "SELECT id, name, username, party_code, login_roles FROM person";

    public Mono<Map<PersonId, Person>> peopleById(Collection<PersonId> ids) {
        return db.sql(PERSON + " WHERE id = ANY(:ids)")
                .bind("ids", uuids(ids, PersonId::value))
                .map(StructureRepository::person).all().collectMap(Person::id);
    }

    private static Person person(Readable r) {
        return new Person(new PersonId(r.get("id", UUID.class)), r.get("name", String.class),
                r.get("username", String.class), r.get("party_code", String.class));
    }

    /**
     * The seats a token subject holds on a date — the caller's mandates — in one statement with the check that the
     * token's organisation is a party existing on that date; empty when it is not.
     */
    public Mono<List<SeatId>> seatsHeld(String subject, String partyCode, LocalDate on) {
        UUID person;
        try {
            person = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            person = new UUID(0, 0); // a subject that is no person id holds no seat here
        }
        return db.sql("""
                SELECT array(SELECT a.seat_id FROM appointment a JOIN seat s ON s.id = a.seat_id
                             WHERE a.person_id = :person
                               AND (a.valid_from IS NULL OR a.valid_from <= :on) AND (a.valid_to IS NULL OR a.valid_to >= :on)
                               AND (s.valid_from IS NULL OR s.valid_from <= :on) AND (s.valid_to IS NULL OR s.valid_to >= :on)
                             ORDER BY s.body_id, s.key) AS seats
                FROM party p
                WHERE p.code = :party
                  AND (p.valid_from IS NULL OR p.valid_from <= :on) AND (p.valid_to IS NULL OR p.valid_to >= :on)""")
                .bind("person", person).bind("party", partyCode).bind("on", on)
                .map(r -> Arrays.stream(r.get("seats", UUID[].class)).map(SeatId::new).toList()).one();
    }

    /** A demo login: the person, their realm roles, and the functions of the seats they hold on a date. */
    public record DemoLogin(Person person, List<String> roles, List<String> functions) {
    }

    public Mono<DemoLogin> demoLogin(String username, LocalDate on) {
        return db.sql("""
                SELECT p.id, p.name, p.username, p.party_code, p.login_roles,
                       coalesce(array_agg(DISTINCT s.function) FILTER (WHERE s.id IS NOT NULL), '{}') AS functions
                FROM person p
                LEFT JOIN appointment a ON a.person_id = p.id
                     AND (a.valid_from IS NULL OR a.valid_from <= :on) AND (a.valid_to IS NULL OR a.valid_to >= :on)
                LEFT JOIN seat s ON s.id = a.seat_id
                     AND (s.valid_from IS NULL OR s.valid_from <= :on) AND (s.valid_to IS NULL OR s.valid_to >= :on)
                WHERE p.username = :username
                GROUP BY p.id""")
                .bind("username", username).bind("on", on)
                .map(r -> new DemoLogin(person(r), texts(r, "login_roles"), texts(r, "functions"))).one();
    }

    // ---------------------------------------------------------------------------------------------- agreements

    private static final String AGREEMENT = """
            SELECT g.id, g.county_code, g.name, g.case_number, g.in_force_from, g.validity_years, g.amendment_rule,
                   g.rules, array(SELECT ap.party_id FROM agreement_party ap WHERE ap.agreement_id = g.id
                                  ORDER BY ap.position) AS parties
            FROM agreement g\s""";

    public Mono<Map<String, List<Agreement>>> agreementsByCounty(Collection<String> counties) {
        return db.sql(AGREEMENT + " WHERE g.county_code = ANY(:counties) ORDER BY g.in_force_from")
                .bind("counties", counties.toArray(String[]::new))
                .map(StructureRepository::agreementRow).all().collectMultimap(Agreement::countyCode)
                .map(StructureRepository::lists);
    }

    public Mono<Agreement> agreement(UUID id) {
        return db.sql(AGREEMENT + " WHERE g.id = :id").bind("id", id).map(StructureRepository::agreementRow).one();
    }

    private static Agreement agreementRow(Readable r) {
        UUID[] parties = r.get("parties", UUID[].class);
        return new Agreement(new AgreementId(r.get("id", UUID.class)), r.get("county_code", String.class),
                r.get("name", String.class), r.get("case_number", String.class), r.get("in_force_from", LocalDate.class),
                r.get("validity_years", Integer.class), AmendmentRule.valueOf(r.get("amendment_rule", String.class)),
                Arrays.stream(parties == null ? new UUID[0] : parties).map(PartyId::new).toList(),
                texts(r, "rules"));
    }

    // -------------------------------------------------------------------------------------------------- shared

    private record Counted<T>(T item, long total) {
    }

    private static <T> Page<T> page(List<Counted<T>> rows, int offset) {
        int total = rows.isEmpty() ? 0 : (int) rows.get(0).total();
        return new Page<>(rows.stream().map(Counted::item).toList(), offset, total);
    }

    private static Period period(Readable r) {
        return new Period(r.get("valid_from", LocalDate.class), r.get("valid_to", LocalDate.class));
    }

    private static List<String> texts(Readable r, String column) {
        String[] values = r.get(column, String[].class);
        return values == null ? List.of() : List.of(values);
    }

    private static <K> UUID[] uuids(Collection<K> ids, Function<K, UUID> value) {
        return ids.stream().map(value).toArray(UUID[]::new);
    }

    private static <K, V> Map<K, List<V>> lists(Map<K, Collection<V>> multimap) {
        return multimap.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }
}
