package se.samverkan.api.matters;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.events.Event;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.events.Outbox;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.meetings.MeetingRepository;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.meeting.Matter;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingRules;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.StandingAgendaItem;
import se.samverkan.domain.rulebook.SubmissionRule;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.RelationKind;
import se.samverkan.tenancy.Principal;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens to matters, each in one transaction: submission (LSVO-10), documents and complements (LSVO-11),
 * triage by the preparation group (LSVO-23), late admission (LSVO-12), forwarding (LSVO-28) and the notice that
 * freezes the agenda (LSVO-08, LSVO-09, PSVO-06, PSVO-08). Who may act comes from the rulebook where it says.
 */
@Service
class MatterService {

    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    /** Secretary and chair run the body's administration where the rulebook names nobody else. */
    private static final Set<Actor> ADMINISTRATION = Set.of(Actor.SECRETARY, Actor.CHAIR);

    record MatterPayload(@Nullable Matter matter, List<UserError> errors) {

        static MatterPayload ok(Matter matter) {
            return new MatterPayload(matter, List.of());
        }

        static MatterPayload refused(UserError error) {
            return new MatterPayload(null, List.of(error));
        }
    }

    record DocumentPayload(MatterRepository.@Nullable DocumentInfo document, List<UserError> errors) {
    }

    record NoticePayload(@Nullable Meeting meeting, List<UserError> errors) {
    }

    private final MatterRepository matters;
    private final MeetingRepository meetings;
    private final StructureRepository structure;
    private final BodyAccess access;
    private final JsonMapper json;
    private final Clock clock;

    private final Outbox outbox;

    MatterService(MatterRepository matters, MeetingRepository meetings, StructureRepository structure, BodyAccess access,
            JsonMapper json, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.matters = matters;
        this.meetings = meetings;
        this.structure = structure;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    private LocalDate today() {
        return ClockConfig.today(clock);
    }

    private Mono<Optional<Rulebook>> rulebook(BodyId body, LocalDate on) {
        return structure.rulebooksOf(List.of(body))
                .map(all -> Rulebook.inForceOn(on, all.getOrDefault(body, List.of())));
    }

    private static String subject(Principal caller) {
        return Objects.requireNonNull(caller.subject(), "mutations need an authenticated caller");
    }

    /** Runs a domain step, turning a broken rule into the payload's error. */
    private static Mono<MatterPayload> step(Function<Void, Mono<MatterPayload>> body) {
        try {
            return body.apply(null).onErrorResume(DomainException.class, e -> Mono.just(MatterPayload.refused(UserError.of(e))));
        } catch (DomainException e) {
            return Mono.just(MatterPayload.refused(UserError.of(e)));
        }
    }

    private Mono<MatterPayload> saved(Matter changed, int readVersion) {
        return matters.update(changed, readVersion).map(MatterPayload::ok)
                .defaultIfEmpty(MatterPayload.refused(new UserError("CONFLICT",
                        "the matter was changed meanwhile; read it again", null, "matter")));
    }

    private static UserError notAllowed(Set<Actor> allowed, @Nullable String rule, String what) {
        return UserError.notAllowed("only " + allowed + " may " + what, rule);
    }

    // ------------------------------------------------------------------------------------------------ submit

    @Transactional
    public Mono<MatterPayload> submit(Principal caller, BodyId bodyId, String title, String description, MatterType type,
            @Nullable DecisionCategory category, List<String> subjectAreas, @Nullable UUID amendsAgreement) {
        if (title.isBlank() || title.length() > 300) {
            return Mono.just(MatterPayload.refused(UserError.badInput("title", "a title is 1 to 300 characters")));
        }
        if (description.length() > 10_000) {
            return Mono.just(MatterPayload.refused(UserError.badInput("description", "at most 10 000 characters")));
        }
        if (amendsAgreement != null && type != MatterType.DECISION) {
            return Mono.just(MatterPayload.refused(UserError.badInput("amendsAgreement",
                    "only a decision matter amends an agreement (AGR-03)")));
        }
        return submit(caller, bodyId, title, description, type, category, subjectAreas).flatMap(p -> p.matter() == null
                || amendsAgreement == null ? Mono.just(p)
                : matters.markAmendment(p.matter().id(), amendsAgreement).flatMap(ok -> ok ? Mono.just(p)
                        : Mono.error(new AmendmentRefused())));
    }

    /** Rolls the submission back when the agreement named is not one of the body's county. */
    static final class AmendmentRefused extends RuntimeException {
        AmendmentRefused() {
            super("the agreement is not one of this county's", null, false, false);
        }
    }

    private Mono<MatterPayload> submit(Principal caller, BodyId bodyId, String title, String description, MatterType type,
            @Nullable DecisionCategory category, List<String> subjectAreas) {
        // a body that does not exist is not found, not a body whose rulebook refuses the caller
        return structure.bodiesById(List.of(bodyId)).flatMap(found -> !found.containsKey(bodyId)
                ? Mono.just(MatterPayload.refused(UserError.notFound("body")))
                : rulebook(bodyId, today()).flatMap(rulebook -> access.actorsIn(bodyId, caller).flatMap(actors -> {
            SubmissionRule rule = rulebook.map(Rulebook::submissions).orElse(null);
            Set<Actor> allowed = rule == null ? Set.of(Actor.MEMBER, Actor.CHAIR, Actor.SECRETARY) : rule.submittedBy();
            if (actors.stream().noneMatch(allowed::contains)) {
                return Mono.just(MatterPayload.refused(notAllowed(allowed, rule == null ? null : rule.rule(),
                        "submit matters to this body")));
            }
            return structure.subjectAreas(subjectAreas).flatMap(known -> {
                List<String> unknown = subjectAreas.stream().filter(a -> !known.containsKey(a)).toList();
                if (!unknown.isEmpty()) {
                    return Mono.just(MatterPayload.refused(UserError.badInput("subjectAreas", "unknown subject areas " + unknown)));
                }
                return step(v -> matters.insert(new Matter(UUID.randomUUID(), bodyId, title.strip(), description.strip(),
                        type, category, subjectAreas, MatterState.SUBMITTED, subject(caller), clock.instant(), null, null,
                        null, null, null, null, null, null, null, 0)).map(MatterPayload::ok));
            });
        })));
    }

    // ------------------------------------------------------------------------------------------------ documents

    @Transactional
    public Mono<DocumentPayload> attachDocument(Principal caller, UUID matterId, String name, String mediaType,
            byte[] content) {
        if (name.isBlank() || name.length() > 200) {
            return Mono.just(new DocumentPayload(null, List.of(UserError.badInput("name", "a document name is 1 to 200 characters"))));
        }
        if (content.length == 0 || content.length > MAX_DOCUMENT_BYTES) {
            return Mono.just(new DocumentPayload(null, List.of(UserError.badInput("content",
                    "a document is 1 byte to " + MAX_DOCUMENT_BYTES / 1024 / 1024 + " MB"))));
        }
        return matters.byId(matterId).flatMap(matter -> access.actorsIn(matter.body(), caller).flatMap(actors -> {
            boolean submitter = matter.submittedBy().equals(caller.subject());
            if (!submitter && actors.stream().noneMatch(ADMINISTRATION::contains)) {
                return Mono.just(new DocumentPayload(null, List.of(UserError.notAllowed(
                        "only the matter's submitter, the secretary or the chair attach its documents", null))));
            }
            if (matter.state() != MatterState.SUBMITTED && matter.state() != MatterState.COMPLEMENT_REQUESTED
                    && matter.state() != MatterState.TRIAGED && matter.state() != MatterState.DEFERRED) {
                return Mono.just(new DocumentPayload(null, List.of(new UserError("ILLEGAL_TRANSITION",
                        "documents cannot be added to a matter that is " + matter.state(), null, "matter"))));
            }
            return placedMeetingCheck(matter).flatMap(late -> late.isPresent()
                    ? Mono.just(new DocumentPayload(null, List.of(late.get())))
                    : storeDocument(caller, matter, name, mediaType, content));
        })).defaultIfEmpty(new DocumentPayload(null, List.of(UserError.notFound("matter"))));
    }

    /**
     * LSVO-11 also holds for documents that come after the matter was placed on a meeting: if today is past that
     * meeting's deadline for the matter's type (and it was not admitted late), the document is refused — defer the
     * matter first, or have it admitted late (LSVO-12).
     */
    private Mono<Optional<UserError>> placedMeetingCheck(Matter matter) {
        UUID placedOn = matter.meeting();
        if (placedOn == null || matter.admittedLateBy() != null) {
            return Mono.just(Optional.empty());
        }
        return meetings.byId(placedOn).flatMap(meeting -> rulebook(meeting.body(), meeting.date()).map(rulebook -> {
            try {
                rulebook.ifPresent(r -> MeetingRules.checkDocumentsInTime(today(), meeting.date(), matter.type(), r, false));
                return Optional.<UserError>empty();
            } catch (DomainException e) {
                return Optional.of(UserError.of(e));
            }
        })).defaultIfEmpty(Optional.empty());
    }

    private Mono<DocumentPayload> storeDocument(Principal caller, Matter matter, String name, String mediaType,
            byte[] content) {
        {
            MatterState next = matter.state() == MatterState.COMPLEMENT_REQUESTED
                    ? matter.state().after(MatterState.Action.COMPLEMENT) : matter.state();
            Matter updated = new Matter(matter.id(), matter.body(), matter.title(), matter.description(), matter.type(),
                    matter.decisionCategory(), matter.subjectAreas(), next, matter.submittedBy(), matter.submittedAt(),
                    today(), matter.meeting(), matter.agendaPosition(), matter.prepared(), matter.anchored(),
                    matter.admittedLateBy(), next == MatterState.SUBMITTED ? null : matter.complementRequest(),
                    matter.stateNote(), matter.forwardedFrom(), matter.version());
            return matters.insertDocument(UUID.randomUUID(), matter.id(), name.strip(), mediaType, content, sha256(content),
                            subject(caller))
                    .flatMap(doc -> matters.update(updated, matter.version()).map(m -> new DocumentPayload(doc, List.of()))
                            .switchIfEmpty(Mono.error(new IllegalStateException("matter changed concurrently"))));
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Transactional
    public Mono<MatterPayload> requestComplement(Principal caller, UUID matterId, String note) {
        if (note.isBlank() || note.length() > 2000) {
            return Mono.just(MatterPayload.refused(UserError.badInput("note", "say what is missing, 1 to 2000 characters")));
        }
        return withMatter(matterId, caller, (matter, rulebook, actors) -> {
            SubmissionRule rule = rulebook.map(Rulebook::submissions).orElse(null);
            Set<Actor> allowed = rule == null ? ADMINISTRATION : rule.complementRequestedBy();
            if (actors.stream().noneMatch(allowed::contains)) {
                return Mono.just(MatterPayload.refused(notAllowed(allowed, rule == null ? null : rule.complementRule(),
                        "ask for a complement")));
            }
            return step(v -> {
                Matter next = matter.after(MatterState.Action.REQUEST_COMPLEMENT);
                return saved(new Matter(next.id(), next.body(), next.title(), next.description(), next.type(),
                        next.decisionCategory(), next.subjectAreas(), next.state(), next.submittedBy(), next.submittedAt(),
                        next.documentsCompleteOn(), null, null, next.prepared(), next.anchored(), next.admittedLateBy(),
                        note.strip(), next.stateNote(), next.forwardedFrom(), next.version()), matter.version());
            });
        });
    }

    // ---------------------------------------------------------------------------------------------------- triage

    /** The rule that gives the preparation group its say (LSVO-23), from the rulebook. */
    private static @Nullable String mandateRule(Optional<Rulebook> rulebook) {
        return rulebook.map(Rulebook::preparation).map(p -> p.mandateRule()).orElse(null);
    }

    /** LSVO-23: the preparation group's members (or the body's secretary and chair) triage. */
    private Mono<Boolean> mayTriage(Matter matter, Optional<Rulebook> rulebook, Set<Actor> actors, Principal caller) {
        if (actors.stream().anyMatch(ADMINISTRATION::contains)) {
            return Mono.just(true);
        }
        String group = rulebook.map(Rulebook::preparation).map(p -> p.preparationBody()).orElse(null);
        if (group == null) {
            return Mono.just(false);
        }
        return structure.bodiesById(List.of(matter.body()))
                .flatMap(found -> Mono.justOrEmpty(found.get(matter.body())))
                .flatMap(body -> structure.bodyByShortName(body.countyCode(), group))
                .flatMap(prep -> access.seatedIn(prep.id(), caller))
                .defaultIfEmpty(false);
    }

    @Transactional
    public Mono<MatterPayload> triage(Principal caller, UUID matterId, UUID meetingId, @Nullable Boolean prepared,
            @Nullable Boolean anchored) {
        return withMatter(matterId, caller, (matter, rulebook, actors) -> mayTriage(matter, rulebook, actors, caller)
                .flatMap(may -> !may ? Mono.just(MatterPayload.refused(UserError.notAllowed(
                        "only the preparation group, the secretary or the chair place matters on meetings",
                        mandateRule(rulebook))))
                        : meetings.byId(meetingId)
                                .filter(meeting -> meeting.body().equals(matter.body()))
                                .flatMap(meeting -> placeOn(matter, meeting, prepared, anchored))
                                .defaultIfEmpty(MatterPayload.refused(UserError.notFound("meeting")))));
    }

    private Mono<MatterPayload> placeOn(Matter matter, Meeting meeting, @Nullable Boolean prepared, @Nullable Boolean anchored) {
        if (meeting.state() != MeetingState.PLANNED) {
            return Mono.just(MatterPayload.refused(new UserError("ILLEGAL_TRANSITION",
                    "matters are placed on planned meetings; this one is " + meeting.state(), null, "meeting")));
        }
        return rulebook(meeting.body(), meeting.date()).flatMap(rulebook -> step(v -> {
            Matter next = matter.after(MatterState.Action.TRIAGE);
            rulebook.ifPresent(r -> MeetingRules.checkDocumentsInTime(matter.documentsOn(), meeting.date(), matter.type(), r,
                    matter.admittedLateBy() != null));
            return meetings.claimPlanned(meeting.id()).flatMap(claimed -> matters.nextAgendaPosition(meeting.id()))
                    .flatMap(position -> saved(new Matter(next.id(), next.body(),
                    next.title(), next.description(), next.type(), next.decisionCategory(), next.subjectAreas(),
                    next.state(), next.submittedBy(), next.submittedAt(), next.documentsCompleteOn(), meeting.id(),
                    position, prepared, anchored, next.admittedLateBy(), next.complementRequest(), null,
                    next.forwardedFrom(), next.version()), matter.version()))
                    .defaultIfEmpty(MatterPayload.refused(new UserError("CONFLICT",
                            "the meeting's notice was sent meanwhile; its agenda is frozen", null, "meeting")));
        }));
    }

    @Transactional
    public Mono<MatterPayload> deferOrReject(Principal caller, UUID matterId, boolean reject, String reason) {
        if (reason.isBlank() || reason.length() > 2000) {
            return Mono.just(MatterPayload.refused(UserError.badInput("reason", "give a reason of 1 to 2000 characters")));
        }
        return withMatter(matterId, caller, (matter, rulebook, actors) -> mayTriage(matter, rulebook, actors, caller)
                .flatMap(may -> !may ? Mono.just(MatterPayload.refused(UserError.notAllowed(
                        "only the preparation group, the secretary or the chair defer or reject matters",
                        mandateRule(rulebook))))
                        : step(v -> {
                            Matter next = matter.after(reject ? MatterState.Action.REJECT : MatterState.Action.DEFER);
                            return saved(new Matter(next.id(), next.body(), next.title(), next.description(), next.type(),
                                    next.decisionCategory(), next.subjectAreas(), next.state(), next.submittedBy(),
                                    next.submittedAt(), next.documentsCompleteOn(), null, null, next.prepared(),
                                    next.anchored(), next.admittedLateBy(), next.complementRequest(), reason.strip(),
                                    next.forwardedFrom(), next.version()), matter.version());
                        })));
    }

    /** LSVO-12: the chair, or the body by decision (recorded by its secretary), admits a late matter. */
    @Transactional
    public Mono<MatterPayload> admitLate(Principal caller, UUID matterId, boolean byDecisionOfBody) {
        return withMatter(matterId, caller, (matter, rulebook, actors) -> {
            SubmissionRule rule = rulebook.map(Rulebook::submissions).orElse(null);
            if (rule == null || rule.lateMatterAdmittedBy().isEmpty()) {
                return Mono.just(MatterPayload.refused(new UserError("NOT_IN_RULEBOOK",
                        "the body's rulebook says nothing about admitting late matters", null, null)));
            }
            boolean asChair = !byDecisionOfBody && actors.contains(Actor.CHAIR) && rule.lateMatterAdmittedBy().contains(Actor.CHAIR);
            boolean asBody = byDecisionOfBody && rule.lateMatterAdmittedBy().contains(Actor.BODY)
                    && actors.stream().anyMatch(ADMINISTRATION::contains);
            if (!asChair && !asBody) {
                return Mono.just(MatterPayload.refused(UserError.notAllowed("a late matter is admitted by "
                        + rule.lateMatterAdmittedBy() + " (the body's decision is recorded by its secretary or chair)",
                        rule.lateAdmissionRule())));
            }
            String by = (asBody ? "body decision recorded by " : "chair ") + subject(caller);
            return saved(new Matter(matter.id(), matter.body(), matter.title(), matter.description(), matter.type(),
                    matter.decisionCategory(), matter.subjectAreas(), matter.state(), matter.submittedBy(),
                    matter.submittedAt(), matter.documentsCompleteOn(), matter.meeting(), matter.agendaPosition(),
                    matter.prepared(), matter.anchored(), by, matter.complementRequest(), matter.stateNote(),
                    matter.forwardedFrom(), matter.version()), matter.version());
        });
    }

    // ----------------------------------------------------------------------------------------------- forwarding

    /** The relations a matter may be forwarded along (LSVO-28: to PSVO, to the regional chiefs' group). */
    private static final Set<RelationKind> FORWARDING = Set.of(RelationKind.PREPARES_FOR, RelationKind.REPORTS_TO,
            RelationKind.LINKED_POLITICAL_COUNCIL);

    @Transactional
    public Mono<MatterPayload> forward(Principal caller, UUID matterId, BodyId target) {
        return withMatter(matterId, caller, (matter, rulebook, actors) -> structure.relationsOf(List.of(matter.body()))
                .flatMap(relations -> {
                List<se.samverkan.domain.structure.BodyRelation> onward = relations.getOrDefault(matter.body(), List.of())
                        .stream().filter(r -> r.from().equals(matter.body()) && FORWARDING.contains(r.kind())).toList();
                // the rule cited is the one the structure gives for this body's onward relations (LSVO-28)
                String rule = onward.stream().map(r -> r.rule()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (actors.stream().noneMatch(ADMINISTRATION::contains)) {
                    return Mono.just(MatterPayload.refused(UserError.notAllowed(
                            "only the secretary or the chair forward matters", rule)));
                }
                if (onward.stream().noneMatch(r -> r.to().equals(target))) {
                    return Mono.just(MatterPayload.refused(UserError.notAllowed("matters are forwarded only to a body this "
                            + "one prepares for or reports to", rule)));
                }
                return matters.forwardsOf(List.of(matter.id())).flatMap(earlier -> earlier.getOrDefault(matter.id(), List.of())
                        .stream().anyMatch(copy -> copy.body().equals(target))
                        ? Mono.just(MatterPayload.refused(new UserError("ILLEGAL_TRANSITION",
                                "the matter is already forwarded to that body", rule, "toBody")))
                        : step(v -> {
                    boolean handOver = matter.state().allows(MatterState.Action.FORWARD);
                    if (!handOver && matter.state() != MatterState.DECIDED && matter.state() != MatterState.HANDLED) {
                        matter.after(MatterState.Action.FORWARD); // throws the typed refusal
                    }
                    Matter copy = new Matter(UUID.randomUUID(), target, matter.title(), matter.description(), matter.type(),
                            matter.decisionCategory(), matter.subjectAreas(), MatterState.SUBMITTED, subject(caller),
                            clock.instant(), matter.documentsCompleteOn(), null, null, null, null, null, null, null,
                            matter.id(), 0);
                    Mono<Matter> original = handOver
                            ? matters.update(matter.after(MatterState.Action.FORWARD).with(MatterState.FORWARDED, null, null),
                                    matter.version())
                            : Mono.just(matter);
                    return original.flatMap(o -> matters.insert(copy))
                            .flatMap(c -> matters.copyDocuments(matter.id(), c.id()).thenReturn(MatterPayload.ok(c)))
                            .defaultIfEmpty(MatterPayload.refused(new UserError("CONFLICT",
                                    "the matter was changed meanwhile; read it again", null, "matter")));
                }));
            }));
    }

    // --------------------------------------------------------------------------------------------------- notice

    /**
     * Sends a meeting's notice (LSVO-08 by the secretary; PSVO-06 by the chair): refused when its lead time has passed;
     * the agenda is the triaged matters in the chair's order (LSVO-09) and the standing items (PSVO-08), frozen and
     * public from now on.
     */
    @Transactional
    public Mono<NoticePayload> sendNotice(Principal caller, UUID meetingId) {
        return meetings.byId(meetingId).flatMap(meeting -> Mono.zip(access.actorsIn(meeting.body(), caller),
                rulebook(meeting.body(), meeting.date())).flatMap(t -> {
                    Set<Actor> actors = t.getT1();
                    Optional<Rulebook> rulebook = t.getT2();
                    Set<Actor> allowed = rulebook.map(Rulebook::notice).map(n -> Set.of(n.sentBy())).orElse(ADMINISTRATION);
                    String rule = rulebook.map(Rulebook::notice).map(n -> n.rule()).orElse(null);
                    if (actors.stream().noneMatch(allowed::contains)) {
                        return Mono.just(new NoticePayload(null, List.of(notAllowed(allowed, rule, "send this notice"))));
                    }
                    try {
                        meeting.after(MeetingState.Action.SEND_NOTICE);
                        rulebook.ifPresent(r -> MeetingRules.checkNoticeInTime(today(), meeting.date(), r));
                    } catch (DomainException e) {
                        return Mono.just(new NoticePayload(null, List.of(UserError.of(e))));
                    }
                    return freezeAgenda(caller, meeting, rulebook);
                }))
                .defaultIfEmpty(new NoticePayload(null, List.of(UserError.notFound("meeting"))));
    }

    private Mono<NoticePayload> freezeAgenda(Principal caller, Meeting meeting, Optional<Rulebook> rulebook) {
        List<StandingAgendaItem> standing = rulebook.map(Rulebook::agenda).map(a -> a.standingItems()).orElse(List.of());
        Mono<List<Matter>> forwarded = Flux.fromIterable(standing)
                .filter(item -> item.kind() == StandingAgendaItem.Kind.MATTERS_FORWARDED_BY)
                .concatMap(item -> structure.bodiesById(List.of(meeting.body()))
                        .flatMap(found -> Mono.justOrEmpty(found.get(meeting.body())))
                        .flatMap(body -> structure.bodyByShortName(body.countyCode(), item.fromBody()))
                        .flatMapMany(from -> matters.forwardedAwaitingAgenda(meeting.body(), from.id())
                                .flatMapMany(Flux::fromIterable)))
                .collectList();
        String forwardedRule = standing.stream().filter(i -> i.kind() == StandingAgendaItem.Kind.MATTERS_FORWARDED_BY)
                .map(StandingAgendaItem::rule).findFirst().orElse(null);
        // PSVO-08: the other body's minutes signed since this body's previous meeting, each an item of the agenda
        Mono<Map<StandingAgendaItem, List<MatterRepository.SignedMinutes>>> minutesItems = Flux.fromIterable(standing)
                .filter(item -> item.kind() == StandingAgendaItem.Kind.MINUTES_OF_BODY)
                .concatMap(item -> structure.bodiesById(List.of(meeting.body()))
                        .flatMap(found -> Mono.justOrEmpty(found.get(meeting.body())))
                        .flatMap(body -> structure.bodyByShortName(body.countyCode(), item.fromBody()))
                        .flatMap(from -> matters.minutesSignedSincePreviousMeeting(meeting.id(), from.id()))
                        .defaultIfEmpty(List.of())
                        .map(list -> Map.entry(item, list)))
                .collect(java.util.LinkedHashMap::new, (map, e) -> map.put(e.getKey(), e.getValue()));
        return Mono.zip(matters.onMeeting(meeting.id()), forwarded, minutesItems).flatMap(t -> {
            List<Matter> onAgenda = new ArrayList<>(t.getT1().stream().filter(m -> m.state() == MatterState.TRIAGED).toList());
            List<Map<String, Object>> agenda = new ArrayList<>();
            List<Matter> changed = new ArrayList<>();
            int position = 1;
            for (Matter m : onAgenda) {
                changed.add(m.after(MatterState.Action.PUT_ON_AGENDA).with(MatterState.ON_AGENDA, meeting.id(), position));
                agenda.add(item(position++, "MATTER", m, null));
            }
            for (Matter m : t.getT2()) {
                if (meeting.id().equals(m.meeting()) && m.state() == MatterState.TRIAGED) {
                    continue; // already placed on this meeting above
                }
                // PSVO-08: forwarded matters are on the agenda whether or not they were triaged
                Matter triaged = m.state() == MatterState.TRIAGED ? m : m.after(MatterState.Action.TRIAGE);
                changed.add(triaged.after(MatterState.Action.PUT_ON_AGENDA).with(MatterState.ON_AGENDA, meeting.id(), position));
                agenda.add(item(position++, "FORWARDED_MATTER", m, forwardedRule));
            }
            for (Map.Entry<StandingAgendaItem, List<MatterRepository.SignedMinutes>> entry : t.getT3().entrySet()) {
                StandingAgendaItem s = entry.getKey();
                if (entry.getValue().isEmpty()) {
                    agenda.add(Map.of("position", position++, "kind", "MINUTES_OF_BODY",
                            "title", "Protokoll från " + s.fromBody() + " sedan föregående sammanträde: inga", "rule", s.rule()));
                }
                for (MatterRepository.SignedMinutes minutes : entry.getValue()) {
                    agenda.add(Map.of("position", position++, "kind", "MINUTES_OF_BODY", "minutes", minutes.id().toString(),
                            "title", "Protokoll från " + s.fromBody() + " " + minutes.meetingDate()
                                    + (minutes.version() > 1 ? " (version " + minutes.version() + ")" : ""),
                            "rule", s.rule()));
                }
            }
            LocalDate due = rulebook.map(Rulebook::notice)
                    .map(n -> se.samverkan.domain.calendar.Deadlines.due(meeting.date(), n.lead())).orElse(null);
            String rule = rulebook.map(Rulebook::notice).map(n -> n.rule()).orElse(null);
            Meeting sent = meeting.after(MeetingState.Action.SEND_NOTICE);
            return Flux.fromIterable(changed).concatMap(m -> matters.update(m, m.version())
                            .switchIfEmpty(Mono.error(new IllegalStateException("a matter changed while the notice was sent"))))
                    .then(matters.insertNotice(meeting.id(), today(), subject(caller), due, rule, json.writeValueAsString(agenda)))
                    .then(meetings.changeState(sent, meeting.version()))
                    .flatMap(m -> outbox.change(EventTypes.NOTICE_SENT, m.body().value(), Event.Change.PUBLISHED, "Meeting",
                            m.id(), Map.of("meeting", m.id().toString())).thenReturn(m))
                    .map(m -> new NoticePayload(m, List.of()))
                    .defaultIfEmpty(new NoticePayload(null, List.of(new UserError("CONFLICT",
                            "the meeting was changed meanwhile; read it again", null, "meeting"))));
        });
    }

    private static Map<String, Object> item(int position, String kind, Matter m, @Nullable String rule) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("position", position);
        item.put("kind", kind);
        item.put("matter", m.id().toString());
        item.put("title", m.title());
        item.put("type", m.type().name());
        if (m.decisionCategory() != null) {
            item.put("decisionCategory", m.decisionCategory().name());
        }
        if (rule != null) {
            item.put("rule", rule);
        }
        return item;
    }

    private static @Nullable String agendaRule(Optional<Rulebook> rulebook) {
        return rulebook.map(Rulebook::agenda).map(a -> a.rule()).orElse(null);
    }

    /** LSVO-09: the chair (as the rulebook says) settles the order of the agenda before the notice goes out. */
    @Transactional
    public Mono<List<UserError>> orderAgenda(Principal caller, UUID meetingId, List<UUID> order) {
        return meetings.byId(meetingId).flatMap(meeting -> Mono.zip(access.actorsIn(meeting.body(), caller),
                rulebook(meeting.body(), meeting.date()), matters.onMeeting(meetingId)).flatMap(t -> {
                    Set<Actor> allowed = t.getT2().map(Rulebook::agenda).map(a -> Set.of(a.decidedBy())).orElse(ADMINISTRATION);
                    if (t.getT1().stream().noneMatch(allowed::contains)) {
                        return Mono.just(List.of(notAllowed(allowed, agendaRule(t.getT2()), "settle this agenda")));
                    }
                    if (meeting.state() != MeetingState.PLANNED) {
                        return Mono.just(List.of(new UserError("ILLEGAL_TRANSITION",
                                "the agenda is frozen once the notice is sent", agendaRule(t.getT2()), "meeting")));
                    }
                    List<Matter> placed = t.getT3();
                    if (!new java.util.HashSet<>(order).equals(placed.stream().map(Matter::id).collect(java.util.stream.Collectors.toSet()))
                            || order.size() != placed.size()) {
                        return Mono.just(List.of(UserError.badInput("matters",
                                "give every matter placed on the meeting exactly once")));
                    }
                    Map<UUID, Matter> byId = placed.stream().collect(java.util.stream.Collectors.toMap(Matter::id, m -> m));
                    return meetings.claimPlanned(meetingId)
                            .flatMap(claimed -> Flux.range(0, order.size())
                                    .concatMap(i -> {
                                        Matter m = byId.get(order.get(i));
                                        return matters.update(m.with(m.state(), m.meeting(), i + 1), m.version())
                                                .switchIfEmpty(Mono.error(new IllegalStateException(
                                                        "a matter changed while the agenda was ordered")));
                                    })
                                    .then(Mono.just(List.<UserError>of())))
                            .defaultIfEmpty(List.of(new UserError("CONFLICT",
                                    "the meeting's notice was sent meanwhile; its agenda is frozen", agendaRule(t.getT2()),
                                    "meeting")));
                }))
                .defaultIfEmpty(List.of(UserError.notFound("meeting")));
    }

    // ---------------------------------------------------------------------------------------------------- shared

    private interface MatterStep {
        Mono<MatterPayload> apply(Matter matter, Optional<Rulebook> rulebook, Set<Actor> actors);
    }

    private Mono<MatterPayload> withMatter(UUID matterId, Principal caller, MatterStep step) {
        return matters.byId(matterId)
                .flatMap(matter -> Mono.zip(rulebook(matter.body(), today()), access.actorsIn(matter.body(), caller))
                        .flatMap(t -> step.apply(matter, t.getT1(), t.getT2())))
                .defaultIfEmpty(MatterPayload.refused(UserError.notFound("matter")));
    }
}
