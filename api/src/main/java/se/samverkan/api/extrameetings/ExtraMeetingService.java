package se.samverkan.api.extrameetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.extrameetings.ExtraMeetingRepository.CallRow;
import se.samverkan.api.extrameetings.ExtraMeetingRepository.RequestRow;
import se.samverkan.api.extrameetings.ExtraMeetingRound.ExtraMeetingStatus;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.meeting.MeetingRules.ExtraMeetingDue;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.ExtraMeetingRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.tenancy.Principal;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.events.Outbox;

/**
 * Requests for extra meetings (LSVO-07, PSVO-05, NB-04): records who asked, and when the requests reach what the
 * body's rulebook asks for, marks an extra meeting due and tells the secretary through the outbox — in one
 * transaction.
 */
@Service
class ExtraMeetingService {

    /** The outbox event type written when an extra meeting becomes due. */

    /** Who may ask: the members and the chair (LSVO-07, PSVO-05); in NB-04 each party asks through its members. */
    private static final Set<Actor> ASKERS = Set.of(Actor.MEMBER, Actor.CHAIR);

    /** The {@code ExtraMeetingRequest} type. */
    record RequestView(Person person, boolean asChair, String reason, Instant requestedAt) {
    }

    /** The {@code RequestExtraMeetingPayload} type. */
    record Requested(@Nullable RequestView request, @Nullable ExtraMeetingStatus extraMeeting, boolean becameDue,
            List<UserError> errors) {

        static Requested refused(UserError error) {
            return new Requested(null, null, false, List.of(error));
        }
    }

    private final ExtraMeetingRepository repository;
    private final StructureRepository structure;
    private final BodyAccess access;
    private final Outbox outbox;
    private final Clock clock;

    ExtraMeetingService(ExtraMeetingRepository repository, StructureRepository structure, BodyAccess access,
            Outbox outbox, Clock clock) {
        this.repository = repository;
        this.structure = structure;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Mono<Requested> request(Principal caller, BodyId bodyId, String reason) {
        LocalDate today = ClockConfig.today(clock);
        return structure.bodiesById(List.of(bodyId)).flatMap(found -> Mono.justOrEmpty(found.get(bodyId)))
                .flatMap(body -> Mono.zip(ruleOf(bodyId, today), access.actorsIn(bodyId, caller)).flatMap(t -> {
                    ExtraMeetingRule rule = t.getT1().orElse(null);
                    if (rule == null) {
                        return Mono.just(Requested.refused(new UserError("NOT_IN_RULEBOOK", "the rulebook of "
                                + body.shortName() + " in force today says nothing about extra meetings", null, "body")));
                    }
                    Optional<PersonId> person = personOf(caller);
                    if (person.isEmpty() || t.getT2().stream().noneMatch(ASKERS::contains)) {
                        return Mono.just(Requested.refused(UserError.notAllowed("only the members and the chair of "
                                + body.shortName() + " may ask for an extra meeting of it", rule.rule())));
                    }
                    boolean asChair = t.getT2().contains(Actor.CHAIR);
                    return record(caller, body, person.get(), asChair, reason, today);
                }))
                .defaultIfEmpty(Requested.refused(UserError.notFound("body")));
    }

    private Mono<Requested> record(Principal caller, Body body, PersonId person, boolean asChair, String reason,
            LocalDate today) {
        BodyId bodyId = body.id();
        return repository.lock(bodyId)
                .then(repository.outstandingCalls(List.of(bodyId)))
                .flatMap(calls -> {
                    CallRow outstanding = calls.get(bodyId);
                    return repository.record(bodyId, person, caller.partyCode(), asChair, reason,
                            outstanding == null ? null : outstanding.id());
                })
                .flatMap(saved -> rounds(List.of(bodyId), today)
                        .map(rounds -> rounds.get(bodyId))
                        .flatMap(round -> callIfDue(body, round))
                        .flatMap(outcome -> structure.peopleById(List.of(person)).map(people -> {
                            Person who = people.get(person);
                            RequestView view = who == null ? null
                                    : new RequestView(who, saved.asChair(), saved.reason(), saved.requestedAt());
                            return new Requested(view, outcome.round().status(), outcome.becameDue(), List.of());
                        })));
    }

    private record Outcome(ExtraMeetingRound round, boolean becameDue) {
    }

    /**
     * If the round's requests make an extra meeting due and none is due yet: records the call (the round's requests
     * join it, so the next round starts fresh) and writes the {@code ExtraMeetingDue} event for the secretary.
     */
    private Mono<Outcome> callIfDue(Body body, ExtraMeetingRound round) {
        ExtraMeetingDue evaluated = round.evaluate();
        if (round.call() != null || evaluated == null || !evaluated.due()) {
            return Mono.just(new Outcome(round, false));
        }
        return repository.insertCall(body.id(), evaluated.reason(), evaluated.rule(), round.requests().size(),
                        round.currentMembers())
                .flatMap(call -> outbox.write(EventTypes.EXTRA_MEETING_DUE, body.id().value(), eventPayload(body, round, call))
                        .thenReturn(new Outcome(round.withCall(call), true)));
    }

    private Map<String, Object> eventPayload(Body body, ExtraMeetingRound round, CallRow call) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("body", GlobalId.of(body));
        payload.put("bodyId", body.id().toString());
        payload.put("county", body.countyCode());
        payload.put("shortName", body.shortName());
        payload.put("call", call.id().toString());
        payload.put("dueAt", call.dueAt().toString());
        payload.put("reason", call.reason());
        payload.put("rule", call.rule());
        payload.put("requests", round.requests().size());
        payload.put("membersAsking", round.distinctMembersAsking());
        payload.put("currentMembers", round.currentMembers());
        payload.put("threshold", round.threshold());
        payload.put("chairAsked", round.chairAsked());
        payload.put("requestedBy", round.requests().stream().map(r -> r.person().toString()).toList());
        return payload;
    }

    /** The current round of each body, as of today. */
    Mono<Map<BodyId, ExtraMeetingRound>> rounds(Collection<BodyId> bodies, LocalDate today) {
        if (bodies.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Mono.zip(structure.rulebooksOf(bodies), structure.seatsOf(bodies), structure.appointmentsInBodies(bodies),
                        repository.outstandingCalls(bodies), repository.currentRequests(bodies))
                .map(t -> bodies.stream().distinct().collect(Collectors.toMap(Function.identity(), body -> {
                    ExtraMeetingRule rule = Rulebook.inForceOn(today, t.getT1().getOrDefault(body, List.of()))
                            .map(Rulebook::extraMeetings).orElse(null);
                    return ExtraMeetingRound.of(body, rule, t.getT2().getOrDefault(body, List.of()),
                            t.getT3().getOrDefault(body, List.of()), today, t.getT4().get(body),
                            t.getT5().getOrDefault(body, List.of()));
                })));
    }

    /** The status of each body's extra meeting today. */
    Mono<Map<BodyId, ExtraMeetingStatus>> statuses(Collection<BodyId> bodies) {
        return rounds(bodies, ClockConfig.today(clock)).map(rounds -> rounds.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status())));
    }

    /**
     * The requests of each status's round, for the statuses of bodies the caller is seated in (MEMBERS data, as
     * {@link BodyAccess#seatedIn}); the others are left out.
     */
    Mono<Map<ExtraMeetingStatus, List<RequestView>>> visibleRequests(Principal caller, List<ExtraMeetingStatus> statuses) {
        if (caller.seats().isEmpty()) {
            return Mono.just(Map.of());
        }
        return structure.seatsById(caller.seats()).flatMap(seats -> {
            Set<BodyId> seatedIn = seats.values().stream().map(Seat::body)
                    .collect(Collectors.toSet());
            List<ExtraMeetingStatus> visible = statuses.stream().filter(s -> seatedIn.contains(s.body())).toList();
            Set<PersonId> people = visible.stream().flatMap(s -> s.round().stream()).map(RequestRow::person)
                    .collect(Collectors.toSet());
            Mono<Map<PersonId, Person>> found = people.isEmpty() ? Mono.just(Map.of()) : structure.peopleById(people);
            return found.map(byId -> visible.stream().distinct().collect(Collectors.toMap(Function.identity(),
                    s -> s.round().stream().filter(r -> byId.containsKey(r.person()))
                            .map(r -> new RequestView(byId.get(r.person()), r.asChair(), r.reason(), r.requestedAt()))
                            .toList())));
        });
    }

    private Mono<Optional<ExtraMeetingRule>> ruleOf(BodyId body, LocalDate today) {
        return structure.rulebooksOf(List.of(body)).map(all -> Rulebook.inForceOn(today, all.getOrDefault(body, List.of()))
                .map(Rulebook::extraMeetings));
    }

    /** The token subject is the person id (see {@code Person#subject}). */
    private static Optional<PersonId> personOf(Principal caller) {
        String subject = caller.subject();
        if (subject == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PersonId(UUID.fromString(subject)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
