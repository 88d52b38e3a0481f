package se.samverkan.api.structure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.graphql.Connection;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SecretaryRule;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.BodyKind;
import se.samverkan.domain.structure.BodyRelation;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.SeatRole;
import se.samverkan.domain.structure.SubjectArea;

/**
 * The fields of the structure's types. Every field that reads the database for many parents is batched: a
 * {@code @BatchMapping}, or a named data loader for fields with arguments.
 */
@Controller
class StructureFields {

    private final StructureRepository repository;
    private final Clock clock;

    StructureFields(StructureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------- County

    @SchemaMapping(typeName = "County")
    CompletableFuture<Connection<Party>> parties(County county, @Argument @Nullable LocalDate asOf,
            @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<String, List<Party>> partiesByCounty) {
        Connection.Window window = Connection.window(first, after);
        LocalDate on = Validity.asOf(asOf, clock);
        return partiesByCounty.load(county.code()).thenApply(all -> Connection.slice(
                orEmpty(all).stream().filter(p -> p.existsOn(on)).toList(), window));
    }

    @SchemaMapping(typeName = "County")
    CompletableFuture<Connection<Body>> bodies(County county, @Argument @Nullable BodyKind kind,
            @Argument @Nullable LocalDate asOf, @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<String, List<Body>> bodiesByCounty) {
        Connection.Window window = Connection.window(first, after);
        return bodiesByCounty.load(county.code()).thenApply(all -> Connection.slice(orEmpty(all).stream()
                .filter(b -> kind == null || b.kind() == kind)
                .filter(b -> asOf == null || b.validity().contains(asOf)).toList(), window));
    }

    @BatchMapping(typeName = "County")
    Mono<Map<County, List<Agreement>>> agreements(List<County> counties) {
        return repository.agreementsByCounty(counties.stream().map(County::code).toList())
                .map(byCounty -> toMap(counties, c -> orEmpty(byCounty.get(c.code()))));
    }

    // ----------------------------------------------------------------------------------------------------- Party

    @SchemaMapping(typeName = "Party")
    PartySide side(Party party) {
        return party.kind().side();
    }

    @BatchMapping(typeName = "Party", field = "county")
    Mono<Map<Party, County>> partyCounty(List<Party> parties) {
        return counties(parties, Party::countyCode);
    }

    @BatchMapping(typeName = "Party")
    Mono<Map<Party, Party>> successor(List<Party> parties) {
        return byParty(parties, Party::successor);
    }

    @BatchMapping(typeName = "Party")
    Mono<Map<Party, List<Party>>> predecessors(List<Party> parties) {
        return repository.predecessorsOf(parties.stream().map(Party::id).toList())
                .map(found -> toMap(parties, p -> orEmpty(found.get(p.id()))));
    }

    @SchemaMapping(typeName = "Party")
    CompletableFuture<List<Committee>> committees(Party party, @Argument @Nullable LocalDate asOf,
            DataLoader<PartyId, List<Committee>> committeesByParty) {
        LocalDate on = Validity.asOf(asOf, clock);
        return committeesByParty.load(party.id())
                .thenApply(all -> orEmpty(all).stream().filter(c -> c.validity().contains(on)).toList());
    }

    // ------------------------------------------------------------------------------------------------- Committee

    @BatchMapping(typeName = "Committee", field = "party")
    Mono<Map<Committee, Party>> committeeParty(List<Committee> committees) {
        return byParty(committees, Committee::party);
    }

    @BatchMapping(typeName = "Committee", field = "subjectAreas")
    Mono<Map<Committee, List<SubjectArea>>> committeeSubjectAreas(List<Committee> committees) {
        return subjectAreas(committees, Committee::subjectAreas);
    }

    // ------------------------------------------------------------------------------------------------------ Body

    @BatchMapping(typeName = "Body", field = "county")
    Mono<Map<Body, County>> bodyCounty(List<Body> bodies) {
        return counties(bodies, Body::countyCode);
    }

    @BatchMapping(typeName = "Body")
    Mono<Map<Body, Party>> ownerParty(List<Body> bodies) {
        return byParty(bodies, Body::ownerParty);
    }

    @SchemaMapping(typeName = "Body")
    CompletableFuture<@Nullable Rulebook> rulebook(Body body, @Argument @Nullable LocalDate asOf,
            DataLoader<BodyId, List<Rulebook>> rulebooksByBody) {
        LocalDate on = Validity.asOf(asOf, clock);
        return rulebooksByBody.load(body.id()).thenApply(all -> Rulebook.inForceOn(on, orEmpty(all)).orElse(null));
    }

    @SchemaMapping(typeName = "Body")
    CompletableFuture<List<Rulebook>> rulebooks(Body body, DataLoader<BodyId, List<Rulebook>> rulebooksByBody) {
        return rulebooksByBody.load(body.id()).thenApply(StructureFields::orEmpty);
    }

    @SchemaMapping(typeName = "Body")
    CompletableFuture<Connection<Seat>> seats(Body body, @Argument @Nullable LocalDate asOf,
            @Argument @Nullable SeatRole role, @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<BodyId, List<Seat>> seatsByBody) {
        Connection.Window window = Connection.window(first, after);
        LocalDate on = Validity.asOf(asOf, clock);
        return seatsByBody.load(body.id()).thenApply(all -> Connection.slice(orEmpty(all).stream()
                .filter(s -> s.validity().contains(on))
                .filter(s -> role == null || s.role() == role).toList(), window));
    }

    @SchemaMapping(typeName = "Body")
    CompletableFuture<Connection<Appointment>> members(Body body, @Argument @Nullable LocalDate asOf,
            @Argument @Nullable Integer first, @Argument @Nullable String after,
            DataLoader<BodyId, List<Appointment>> appointmentsByBody) {
        Connection.Window window = Connection.window(first, after);
        LocalDate on = Validity.asOf(asOf, clock);
        return appointmentsByBody.load(body.id()).thenApply(all -> Connection.slice(
                orEmpty(all).stream().filter(a -> a.activeOn(on)).toList(), window));
    }

    @BatchMapping(typeName = "Body")
    Mono<Map<Body, List<BodyRelation>>> relations(List<Body> bodies) {
        return repository.relationsOf(bodies.stream().map(Body::id).toList())
                .map(found -> toMap(bodies, b -> orEmpty(found.get(b.id()))));
    }

    @BatchMapping(typeName = "BodyRelation", field = "from")
    Mono<Map<BodyRelation, Body>> relationFrom(List<BodyRelation> relations) {
        return byBody(relations, BodyRelation::from);
    }

    @BatchMapping(typeName = "BodyRelation", field = "to")
    Mono<Map<BodyRelation, Body>> relationTo(List<BodyRelation> relations) {
        return byBody(relations, BodyRelation::to);
    }

    // ------------------------------------------------------------------------------------------------------ Seat

    @BatchMapping(typeName = "Seat", field = "body")
    Mono<Map<Seat, Body>> seatBody(List<Seat> seats) {
        return byBody(seats, Seat::body);
    }

    @BatchMapping(typeName = "Seat", field = "party")
    Mono<Map<Seat, Party>> seatParty(List<Seat> seats) {
        return byParty(seats, Seat::party);
    }

    @BatchMapping(typeName = "Seat", field = "committee")
    Mono<Map<Seat, Committee>> seatCommittee(List<Seat> seats) {
        Set<se.samverkan.domain.structure.CommitteeId> ids = seats.stream().map(Seat::committee)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.committeesById(ids)
                .map(found -> toMapSkippingNulls(seats, s -> s.committee() == null ? null : found.get(s.committee())));
    }

    @BatchMapping(typeName = "Seat", field = "subjectAreas")
    Mono<Map<Seat, List<SubjectArea>>> seatSubjectAreas(List<Seat> seats) {
        return subjectAreas(seats, Seat::subjectAreas);
    }

    @SchemaMapping(typeName = "Seat")
    CompletableFuture<@Nullable Person> holder(Seat seat, @Argument @Nullable LocalDate asOf,
            DataLoader<SeatId, List<StructureRepository.Holding>> holdingsBySeat) {
        LocalDate on = Validity.asOf(asOf, clock);
        return holdingsBySeat.load(seat.id()).thenApply(all -> orEmpty(all).stream()
                .filter(h -> h.appointment().activeOn(on)).findFirst()
                .map(StructureRepository.Holding::person).orElse(null));
    }

    // ------------------------------------------------------------------------------------- Person, Appointment

    @BatchMapping(typeName = "Person", field = "party")
    Mono<Map<Person, Party>> personParty(List<Person> people) {
        Set<String> codes = people.stream().map(Person::partyCode).filter(Objects::nonNull).collect(Collectors.toSet());
        return codes.isEmpty() ? Mono.just(Map.of())
                : repository.partiesById(codes.stream().map(PartyId::of).toList()).map(found ->
                        toMapSkippingNulls(people, p -> p.partyCode() == null ? null : found.get(PartyId.of(p.partyCode()))));
    }

    @BatchMapping(typeName = "Person")
    Mono<Map<Person, List<Appointment>>> appointments(List<Person> people) {
        return repository.appointmentsOf(people.stream().map(Person::id).toList())
                .map(found -> toMap(people, p -> orEmpty(found.get(p.id()))));
    }

    @SchemaMapping(typeName = "Appointment")
    CompletableFuture<Person> person(Appointment appointment, DataLoader<PersonId, Person> personById) {
        return personById.load(appointment.person());
    }

    @SchemaMapping(typeName = "Appointment")
    CompletableFuture<Seat> seat(Appointment appointment, DataLoader<SeatId, Seat> seatById) {
        return seatById.load(appointment.seat());
    }

    // ------------------------------------------------------------------------------------------------- Agreement

    @SchemaMapping(typeName = "Agreement")
    @Nullable LocalDate evaluationDue(Agreement agreement) {
        return agreement.evaluationDue();
    }

    @BatchMapping(typeName = "Agreement")
    Mono<Map<Agreement, List<Party>>> foundingParties(List<Agreement> agreements) {
        Set<PartyId> ids = agreements.stream().flatMap(a -> a.foundingParties().stream()).collect(Collectors.toSet());
        return repository.partiesById(ids).map(found -> toMap(agreements,
                a -> a.foundingParties().stream().map(found::get).filter(Objects::nonNull).toList()));
    }

    /** AGR-02: the parties on a date are derived from the founding parties' validity and successors. */
    @SchemaMapping(typeName = "Agreement", field = "parties")
    CompletableFuture<List<Party>> agreementParties(Agreement agreement, @Argument @Nullable LocalDate asOf,
            DataLoader<String, List<Party>> partiesByCounty) {
        LocalDate on = Validity.asOf(asOf, clock);
        return partiesByCounty.load(agreement.countyCode()).thenApply(all -> {
            Map<PartyId, Party> byId = orEmpty(all).stream().collect(Collectors.toMap(Party::id, Function.identity()));
            return agreement.partiesOn(on, byId).stream().map(byId::get).toList();
        });
    }

    // -------------------------------------------------------------------------------------------------- Rulebook

    @BatchMapping(typeName = "Rulebook", field = "body")
    Mono<Map<Rulebook, Body>> rulebookBody(List<Rulebook> rulebooks) {
        return byBody(rulebooks, Rulebook::body);
    }

    @SchemaMapping(typeName = "Rulebook")
    boolean pastRevision(Rulebook rulebook) {
        return rulebook.pastRevision(ClockConfig.today(clock));
    }

    @BatchMapping(typeName = "SecretaryRule")
    Mono<Map<SecretaryRule, Party>> providedByParty(List<SecretaryRule> rules) {
        return byParty(rules, r -> r.providedByParty() == null ? null : PartyId.of(r.providedByParty()));
    }

    // ---------------------------------------------------------------------------------------------------- shared

    private <S> Mono<Map<S, County>> counties(List<S> sources, Function<S, String> code) {
        return repository.countiesByCode(sources.stream().map(code).collect(Collectors.toSet()))
                .map(found -> toMapSkippingNulls(sources, s -> found.get(code.apply(s))));
    }

    private <S> Mono<Map<S, Party>> byParty(List<S> sources, Function<S, @Nullable PartyId> id) {
        Set<PartyId> ids = sources.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.partiesById(ids)
                .map(found -> toMapSkippingNulls(sources, s -> {
                    PartyId key = id.apply(s);
                    return key == null ? null : found.get(key);
                }));
    }

    private <S> Mono<Map<S, Body>> byBody(List<S> sources, Function<S, BodyId> id) {
        return repository.bodiesById(sources.stream().map(id).collect(Collectors.toSet()))
                .map(found -> toMapSkippingNulls(sources, s -> found.get(id.apply(s))));
    }

    private <S> Mono<Map<S, List<SubjectArea>>> subjectAreas(List<S> sources, Function<S, List<String>> codes) {
        Set<String> all = sources.stream().flatMap(s -> codes.apply(s).stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        return all.isEmpty() ? Mono.just(toMap(sources, s -> List.of())) : repository.subjectAreas(all)
                .map(found -> toMap(sources, s -> codes.apply(s).stream().map(found::get).filter(Objects::nonNull).toList()));
    }

    private static <S, V> Map<S, V> toMap(Collection<S> sources, Function<S, V> value) {
        Map<S, V> map = new java.util.LinkedHashMap<>();
        sources.forEach(s -> map.put(s, value.apply(s)));
        return map;
    }

    private static <S, V> Map<S, V> toMapSkippingNulls(Collection<S> sources, Function<S, @Nullable V> value) {
        Map<S, V> map = new java.util.LinkedHashMap<>();
        for (S s : sources) {
            V v = value.apply(s);
            if (v != null) {
                map.put(s, v);
            }
        }
        return map;
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
