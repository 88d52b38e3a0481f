package se.samverkan.api.matters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.meetings.MeetingRepository;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.decision.Declaration;
import se.samverkan.domain.decision.Declarations;
import se.samverkan.domain.decision.Entitled;
import se.samverkan.domain.decision.Position;
import se.samverkan.domain.decision.Quorum;
import se.samverkan.domain.decision.Readiness;
import se.samverkan.domain.meeting.Matter;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.QuorumRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.tenancy.Principal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attendance, declarations, readiness and decisions by party mandate (LSVO-16): who is entitled at a meeting comes from
 * the seats with a mandate, their holders on the meeting date and the substitutes recorded at the meeting (LSVO-20); the
 * quorum rule comes from the rulebook for the matter's category (LSVO-17..19).
 */
@Service
class DecisionService {

    /** Who is entitled at a meeting, who is present, and every seat of the body by id. */
    record Roll(Meeting meeting, List<Entitled> entitled, Set<SeatId> present, Map<SeatId, Seat> seats,
            Map<PartyId, Party> parties) {
    }

    record AttendanceInput(SeatId seat, String status, @Nullable PersonId substitute) {
    }

    record ReadinessView(boolean ready, List<MissingView> missing, @Nullable String rule) {
    }

    /** A missing seat as the schema shows it. */
    record MissingView(Seat seat, @Nullable Party party, @Nullable String subjectArea, String reason, String rule) {
    }

    record DecidePayload(@Nullable DecisionView decision, @Nullable ReadinessView readiness, List<UserError> errors) {
    }

    record AttendancePayload(@Nullable Meeting meeting, List<UserError> errors) {
    }

    private final MatterRepository matters;
    private final MatterService matterService;
    private final MeetingRepository meetings;
    private final DecisionRepository decisions;
    private final StructureRepository structure;
    private final BodyAccess access;
    private final JsonMapper json;
    private final Clock clock;

    DecisionService(MatterRepository matters, MatterService matterService, MeetingRepository meetings,
            DecisionRepository decisions, StructureRepository structure, BodyAccess access, JsonMapper json, Clock clock) {
        this.matters = matters;
        this.matterService = matterService;
        this.meetings = meetings;
        this.decisions = decisions;
        this.structure = structure;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    private static String subject(Principal caller) {
        return Objects.requireNonNull(caller.subject(), "mutations need an authenticated caller");
    }

    private Mono<Optional<Rulebook>> rulebook(Meeting meeting) {
        return structure.rulebooksOf(List.of(meeting.body()))
                .map(all -> Rulebook.inForceOn(meeting.date(), all.getOrDefault(meeting.body(), List.of())));
    }

    /** The roll of a meeting: entitled seats with who exercises them, and who is present. */
    Mono<Roll> roll(Meeting meeting) {
        LocalDate on = meeting.date();
        return Mono.zip(structure.seatsOf(List.of(meeting.body())), decisions.attendance(meeting.id())).flatMap(t -> {
            List<Seat> seats = t.getT1().getOrDefault(meeting.body(), List.of()).stream()
                    .filter(s -> s.validity().contains(on)).toList();
            Map<SeatId, DecisionRepository.AttendanceEntry> attendance = t.getT2().stream()
                    .collect(Collectors.toMap(DecisionRepository.AttendanceEntry::seat, a -> a));
            Set<PartyId> partyIds = seats.stream().map(Seat::party).filter(Objects::nonNull).collect(Collectors.toSet());
            return Mono.zip(structure.holdingsOf(seats.stream().map(Seat::id).toList()),
                    partyIds.isEmpty() ? Mono.just(Map.<PartyId, Party>of()) : structure.partiesById(partyIds)).map(h -> {
                        List<Entitled> entitled = new ArrayList<>();
                        Set<SeatId> present = new HashSet<>();
                        for (Seat seat : seats) {
                            DecisionRepository.AttendanceEntry a = attendance.get(seat.id());
                            if (a != null && (a.status().equals("PRESENT") || a.status().equals("SUBSTITUTED"))) {
                                present.add(seat.id());
                            }
                            if (!seat.decisionMandate() || seat.party() == null) {
                                continue;
                            }
                            PersonId holder = a != null && a.substitute() != null ? a.substitute()
                                    : h.getT1().getOrDefault(seat.id(), List.of()).stream()
                                            .filter(x -> x.appointment().activeOn(on)).map(x -> x.person().id())
                                            .findFirst().orElse(null);
                            Party party = h.getT2().get(seat.party());
                            if (holder != null && party != null) {
                                entitled.add(new Entitled(seat.id(), party.id(), party.kind().side(), seat.function(),
                                        seat.subjectAreas(), holder));
                            }
                        }
                        return new Roll(meeting, entitled, present,
                                seats.stream().collect(Collectors.toMap(Seat::id, s -> s)), h.getT2());
                    });
        });
    }

    /** Whether a matter can be decided now (LSVO-17..19), and exactly what is missing if not. */
    Mono<ReadinessView> readiness(Matter matter) {
        UUID meetingId = matter.meeting();
        if (meetingId == null || matter.decisionCategory() == null) {
            return Mono.just(new ReadinessView(matter.decisionCategory() == null, List.of(), null));
        }
        return meetings.byId(meetingId).flatMap(meeting -> Mono.zip(roll(meeting), rulebook(meeting),
                decisions.declarationsOf(List.of(matter.id()))).map(t -> {
                    Optional<QuorumRule> quorum = t.getT2().flatMap(r -> r.quorumFor(matter.decisionCategory()));
                    if (quorum.isEmpty()) {
                        return new ReadinessView(true, List.of(), null);
                    }
                    Readiness readiness = Quorum.evaluate(quorum.get(), t.getT1().entitled(), t.getT1().present(),
                            declarationsBySeat(t.getT3().getOrDefault(matter.id(), List.of())), matter.subjectAreas());
                    return view(readiness, t.getT1());
                }));
    }

    /**
     * Readiness of many matters at once: one roll per meeting they are on, and one statement each for the meetings,
     * rulebooks and declarations — not per matter.
     */
    Mono<Map<Matter, ReadinessView>> readiness(List<Matter> list) {
        List<Matter> decidable = list.stream().filter(m -> m.meeting() != null && m.decisionCategory() != null).toList();
        Map<Matter, ReadinessView> trivial = list.stream().filter(m -> !decidable.contains(m)).collect(Collectors.toMap(
                m -> m, m -> new ReadinessView(m.decisionCategory() == null, List.of(), null), (a, b) -> a));
        if (decidable.isEmpty()) {
            return Mono.just(trivial);
        }
        Set<UUID> meetingIds = decidable.stream().map(m -> Objects.requireNonNull(m.meeting())).collect(Collectors.toSet());
        return meetings.byIds(meetingIds).flatMap(found -> Mono.zip(
                Flux.fromIterable(found.values()).concatMap(meeting -> roll(meeting).map(r -> Map.entry(meeting.id(), r)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue),
                structure.rulebooksOf(found.values().stream().map(Meeting::body).collect(Collectors.toSet())),
                decisions.declarationsOf(decidable.stream().map(Matter::id).toList())).map(t -> {
                    Map<Matter, ReadinessView> result = new HashMap<>(trivial);
                    for (Matter matter : decidable) {
                        Meeting meeting = found.get(matter.meeting());
                        if (meeting == null) {
                            continue;
                        }
                        Optional<QuorumRule> quorum = Rulebook.inForceOn(meeting.date(),
                                t.getT2().getOrDefault(meeting.body(), List.of()))
                                .flatMap(r -> r.quorumFor(Objects.requireNonNull(matter.decisionCategory())));
                        result.put(matter, quorum.isEmpty() ? new ReadinessView(true, List.of(), null)
                                : view(Quorum.evaluate(quorum.get(), t.getT1().get(meeting.id()).entitled(),
                                        t.getT1().get(meeting.id()).present(),
                                        declarationsBySeat(t.getT3().getOrDefault(matter.id(), List.of())),
                                        matter.subjectAreas()), t.getT1().get(meeting.id())));
                    }
                    return result;
                }));
    }

    private static Map<SeatId, Declaration> declarationsBySeat(List<DecisionRepository.StoredDeclaration> stored) {
        Map<SeatId, Declaration> map = new HashMap<>();
        stored.forEach(s -> map.put(s.declaration().seat(), s.declaration()));
        return map;
    }

    private static ReadinessView view(Readiness readiness, Roll roll) {
        return new ReadinessView(readiness.ready(), readiness.missing().stream().map(m -> new MissingView(
                roll.seats().get(m.seat()), roll.parties().get(m.party()), m.subjectArea(), m.reason(), m.rule())).toList(),
                readiness.rule());
    }

    // ------------------------------------------------------------------------------------------------ attendance

    /** The secretary records who is there (LSVO-20: a substitute holds the seat's mandate); the meeting is then held. */
    @Transactional
    public Mono<AttendancePayload> recordAttendance(Principal caller, UUID meetingId, List<AttendanceInput> entries) {
        return meetings.byId(meetingId).flatMap(meeting -> access.actorsIn(meeting.body(), caller).flatMap(actors -> {
            if (!actors.contains(Actor.SECRETARY)) {
                return Mono.just(new AttendancePayload(null, List.of(UserError.notAllowed(
                        "only the secretary records attendance", null))));
            }
            if (meeting.state() != MeetingState.NOTICE_SENT && meeting.state() != MeetingState.HELD) {
                return Mono.just(new AttendancePayload(null, List.of(new UserError("ILLEGAL_TRANSITION",
                        "attendance is recorded for a called meeting; this one is " + meeting.state(), null, "meeting"))));
            }
            return structure.seatsOf(List.of(meeting.body())).flatMap(seats -> {
                Set<SeatId> ofBody = seats.getOrDefault(meeting.body(), List.of()).stream().map(Seat::id)
                        .collect(Collectors.toSet());
                for (AttendanceInput e : entries) {
                    if (!ofBody.contains(e.seat())) {
                        return Mono.just(new AttendancePayload(null, List.of(UserError.notFound("entries.seat"))));
                    }
                    if (e.status().equals("SUBSTITUTED") != (e.substitute() != null)) {
                        return Mono.just(new AttendancePayload(null, List.of(UserError.badInput("entries.substitute",
                                "a SUBSTITUTED seat names its substitute, and only then (LSVO-20)"))));
                    }
                }
                Mono<Meeting> held = meeting.state() == MeetingState.HELD ? Mono.just(meeting)
                        : meetings.changeState(meeting.after(MeetingState.Action.HOLD), meeting.version());
                return Flux.fromIterable(entries)
                        .concatMap(e -> decisions.upsertAttendance(new DecisionRepository.AttendanceEntry(meetingId, e.seat(),
                                e.status(), e.substitute()), subject(caller)))
                        .then(held)
                        .map(m -> new AttendancePayload(m, List.of()))
                        .defaultIfEmpty(new AttendancePayload(null, List.of(new UserError("CONFLICT",
                                "the meeting was changed meanwhile; read it again", null, "meeting"))));
            });
        })).defaultIfEmpty(new AttendancePayload(null, List.of(UserError.notFound("meeting"))));
    }

    // ------------------------------------------------------------------------------------------------ declarations

    /**
     * A member declares for the seat they hold or substitute (LSVO-05); the secretary records a position sent by e-mail
     * before the meeting (LSVO-20); a position conveyed via another member names that member.
     */
    @Transactional
    public Mono<DecidePayload> declare(Principal caller, UUID matterId, @Nullable SeatId forSeat, Position position,
            DeclarationChannel channel, @Nullable SeatId conveyedBy, @Nullable String text) {
        if (text != null && text.length() > 2000) {
            return Mono.just(refused(UserError.badInput("text", "at most 2000 characters")));
        }
        return matters.byId(matterId).flatMap(matter -> {
            UUID meetingId = matter.meeting();
            if (meetingId == null || (matter.state() != MatterState.ON_AGENDA && matter.state() != MatterState.TRIAGED)
                    || matter.decisionCategory() == null) {
                return Mono.just(refused(new UserError("ILLEGAL_TRANSITION",
                        "positions are declared on a decision matter placed on a meeting", null, "matter")));
            }
            return meetings.byId(meetingId).flatMap(meeting -> Mono.zip(roll(meeting), rulebook(meeting),
                    access.actorsIn(meeting.body(), caller)).flatMap(t -> {
                        Roll roll = t.getT1();
                        PersonId me = caller.subject() == null ? null : personOf(caller.subject());
                        SeatId seat = forSeat;
                        if (channel == DeclarationChannel.EMAIL_TO_SECRETARY) {
                            if (!t.getT3().contains(Actor.SECRETARY)) {
                                return Mono.just(refused(UserError.notAllowed(
                                        "a position by e-mail is recorded by the secretary", declarationRule(t.getT2()))));
                            }
                            if (seat == null) {
                                return Mono.just(refused(UserError.badInput("seat", "name the seat the e-mail declares for")));
                            }
                        } else if (seat == null) {
                            // the caller's own seat: one they hold or substitute at this meeting
                            seat = roll.seats().values().stream()
                                    .filter(s -> caller.seats().contains(s.id()) && s.decisionMandate())
                                    .map(Seat::id).findFirst()
                                    .or(() -> roll.entitled().stream().filter(e -> e.person().equals(me))
                                            .map(Entitled::seat).findFirst())
                                    .orElse(caller.seats().stream().filter(roll.seats()::containsKey).findFirst().orElse(null));
                        }
                        Seat target = seat == null ? null : roll.seats().get(seat);
                        if (target == null) {
                            return Mono.just(refused(UserError.notAllowed("you hold no seat of this body to declare for",
                                    null)));
                        }
                        try {
                            Declarations.check(target, channel, t.getT2().map(Rulebook::declarations).orElse(null),
                                    !clock.instant().isBefore(meeting.startsAt()), conveyedBy != null);
                        } catch (DomainException e) {
                            return Mono.just(refused(UserError.of(e)));
                        }
                        Entitled entitled = roll.entitled().stream().filter(e -> e.seat().equals(target.id())).findFirst()
                                .orElse(null);
                        if (entitled == null) {
                            return Mono.just(refused(UserError.notAllowed("the seat has nobody to exercise its mandate", null)));
                        }
                        boolean mine = entitled.person().equals(me);
                        if (channel != DeclarationChannel.EMAIL_TO_SECRETARY && !mine && conveyedBy == null) {
                            return Mono.just(refused(UserError.notAllowed(
                                    "you declare only for a seat you hold or substitute at this meeting",
                                    declarationRule(t.getT2()))));
                        }
                        if (conveyedBy != null && !(caller.seats().contains(conveyedBy) && roll.seats().containsKey(conveyedBy))) {
                            return Mono.just(refused(UserError.notAllowed(
                                    "a position via another member is conveyed by that member, for their own seat in the body",
                                    declarationRule(t.getT2()))));
                        }
                        Declaration declaration = new Declaration(target.id(), position, channel, conveyedBy, text);
                        return decisions.upsertDeclaration(matterId, declaration, entitled.person(), subject(caller))
                                .then(readiness(matter))
                                .map(r -> new DecidePayload(null, r, List.of()));
                    }));
        }).defaultIfEmpty(refused(UserError.notFound("matter")));
    }

    private static @Nullable PersonId personOf(String subject) {
        try {
            return new PersonId(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String declarationRule(Optional<Rulebook> rulebook) {
        return rulebook.map(Rulebook::declarations).map(d -> d.rule()).orElse(null);
    }

    private static DecidePayload refused(UserError error) {
        return new DecidePayload(null, null, List.of(error));
    }

    // --------------------------------------------------------------------------------------------------- decide

    /**
     * The secretary records the decision — only when the matter is ready under its quorum rule; otherwise QUORUM_NOT_MET
     * with the same missing list. The outcome is per party (LSVO-16), with a snapshot of who was entitled and how each
     * declared, so that later appointments never rewrite it.
     */
    @Transactional
    public Mono<DecidePayload> decide(Principal caller, UUID matterId, String text) {
        if (text.isBlank() || text.length() > 10_000) {
            return Mono.just(refused(UserError.badInput("text", "the decision's text is 1 to 10 000 characters")));
        }
        return matters.byId(matterId).flatMap(matter -> {
            UUID meetingId = matter.meeting();
            if (meetingId == null || matter.decisionCategory() == null) {
                return Mono.just(refused(new UserError("ILLEGAL_TRANSITION", "only a decision matter on a meeting is decided",
                        null, "matter")));
            }
            return meetings.byId(meetingId).flatMap(meeting -> Mono.zip(access.actorsIn(meeting.body(), caller),
                    roll(meeting), rulebook(meeting), decisions.declarationsOf(List.of(matterId))).flatMap(t -> {
                        if (!t.getT1().contains(Actor.SECRETARY)) {
                            return Mono.just(refused(UserError.notAllowed("only the secretary records decisions", null)));
                        }
                        Matter decided;
                        try {
                            decided = matter.after(MatterState.Action.DECIDE);
                        } catch (DomainException e) {
                            return Mono.just(refused(UserError.of(e)));
                        }
                        Map<SeatId, Declaration> declared = declarationsBySeat(t.getT4().getOrDefault(matterId, List.of()));
                        Optional<QuorumRule> quorum = t.getT3().flatMap(r -> r.quorumFor(matter.decisionCategory()));
                        if (quorum.isPresent()) {
                            Readiness readiness = Quorum.evaluate(quorum.get(), t.getT2().entitled(), t.getT2().present(),
                                    declared, matter.subjectAreas());
                            if (!readiness.ready()) {
                                return Mono.just(new DecidePayload(null, view(readiness, t.getT2()), List.of(new UserError(
                                        "QUORUM_NOT_MET", readiness.missing().size() + " seat(s) missing under "
                                        + readiness.rule(), readiness.rule(), "matter"))));
                            }
                        }
                        Quorum.Outcome byParty = Quorum.outcome(t.getT2().entitled(), declared);
                        return agreementParties(matterId, meeting).map(amended -> amended.isEmpty() ? byParty
                                : Quorum.amendment(byParty, amended.get()))
                                .flatMap(outcome -> record(caller, matter, decided, meetingId, text, outcome, quorum, t.getT2(),
                                        declared));
                    }));
        }).defaultIfEmpty(refused(UserError.notFound("matter")));
    }

    /** AGR-03: the parties to the agreement the matter amends, on the meeting's date; empty if it amends none. */
    private Mono<Optional<List<PartyId>>> agreementParties(UUID matterId, Meeting meeting) {
        return matters.amendedAgreement(matterId)
                .flatMap(agreementId -> structure.agreement(agreementId).flatMap(agreement -> structure
                        .partiesByCounty(List.of(agreement.countyCode()))
                        .map(all -> Optional.of(agreement.partiesOn(meeting.date(), all.getOrDefault(agreement.countyCode(),
                                List.<Party>of()).stream().collect(Collectors.toMap(Party::id, p -> p)))))))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<DecidePayload> record(Principal caller, Matter matter, Matter decided, UUID meetingId, String text,
            Quorum.Outcome outcome, Optional<QuorumRule> quorum, Roll roll, Map<SeatId, Declaration> declared) {
        UUID matterId = matter.id();
        Map<PartyId, Party> parties = roll.parties();
        DecisionRepository.DecisionRow row = new DecisionRepository.DecisionRow(UUID.randomUUID(), matterId,
                meetingId, text.strip(), outcome.kind().name(),
                outcome.supporting().stream().map(p -> parties.get(p).code()).toList(),
                outcome.notSupporting().stream().map(p -> parties.get(p).code()).toList(),
                quorum.map(QuorumRule::rule).orElse(null), snapshot(roll, declared), clock.instant());
        return decisions.insertDecision(row, subject(caller))
                .then(matters.update(decided, matter.version()))
                .map(m -> new DecidePayload(view(row, parties), null, List.of()))
                .defaultIfEmpty(refused(new UserError("CONFLICT",
                        "the matter was changed meanwhile; read it again", null, "matter")));
    }

    static DecisionView view(DecisionRepository.DecisionRow row, Map<PartyId, Party> parties) {
        Map<String, Party> byCode = parties.values().stream().collect(Collectors.toMap(Party::code, p -> p, (a, b) -> a));
        return new DecisionView(row.id(), row.matter(), row.text(), row.outcome(),
                row.supporting().stream().map(byCode::get).filter(Objects::nonNull).toList(),
                row.notSupporting().stream().map(byCode::get).filter(Objects::nonNull).toList(), row.rule(), row.decidedAt());
    }

    private String snapshot(Roll roll, Map<SeatId, Declaration> declared) {
        return json.writeValueAsString(se.samverkan.domain.decision.Snapshot.of(roll.entitled(), roll.present(), declared,
                seat -> roll.seats().get(seat).title(), party -> roll.parties().get(party).code()));
    }

    // -------------------------------------------------------------------------------------------------- postpone

    /** LSVO-21: the chair (as the rulebook says) moves a matter to another meeting when attendance does not suffice. */
    @Transactional
    public Mono<MatterService.MatterPayload> postpone(Principal caller, UUID matterId, @Nullable UUID toMeeting) {
        return matters.byId(matterId).flatMap(matter -> {
            UUID meetingId = matter.meeting();
            if (meetingId == null) {
                return Mono.just(MatterService.MatterPayload.refused(new UserError("ILLEGAL_TRANSITION",
                        "only a matter on a meeting is postponed", null, "matter")));
            }
            return meetings.byId(meetingId).flatMap(meeting -> Mono.zip(access.actorsIn(meeting.body(), caller),
                    rulebook(meeting)).flatMap(t -> {
                        Set<Actor> allowed = t.getT2().map(Rulebook::meetingControl).map(c -> c.postponedBy())
                                .orElse(Set.of(Actor.CHAIR));
                        String rule = t.getT2().map(Rulebook::meetingControl).map(c -> c.rule()).orElse(null);
                        if (t.getT1().stream().noneMatch(allowed::contains)) {
                            return Mono.just(MatterService.MatterPayload.refused(UserError.notAllowed(
                                    "only " + allowed + " postpone matters", rule)));
                        }
                        try {
                            Matter postponed = matter.after(MatterState.Action.POSTPONE).with(MatterState.POSTPONED, null, null);
                            Mono<MatterService.MatterPayload> saved = matters.update(postponed, matter.version())
                                    .map(MatterService.MatterPayload::ok);
                            // moved straight to another meeting: placed there as the preparation would (LSVO-11 applies)
                            return (toMeeting == null ? saved : saved.flatMap(p -> p.matter() == null ? Mono.just(p)
                                    : matterService.triage(caller, matterId, toMeeting, matter.prepared(), matter.anchored())))
                                    .defaultIfEmpty(MatterService.MatterPayload.refused(new UserError("CONFLICT",
                                            "the matter was changed meanwhile; read it again", null, "matter")));
                        } catch (DomainException e) {
                            return Mono.just(MatterService.MatterPayload.refused(UserError.of(e)));
                        }
                    }));
        }).defaultIfEmpty(MatterService.MatterPayload.refused(UserError.notFound("matter")));
    }
}
