package se.samverkan.api.recommendations;

import java.time.Clock;
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
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.api.tenant.TenantTransactions;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.CommitteeId;
import se.samverkan.domain.structure.Party;
import se.samverkan.tenancy.Principal;
import se.samverkan.tenancy.Role;

/**
 * Issuing recommendations (LSVO-27, PSVO-09) and answering them. Answers are written and read in a transaction carrying
 * the caller's party, so that PostgreSQL's row-level security keeps one party's drafts from every other party.
 */
@Service
class RecommendationService {

    record IssuePayload(@Nullable Recommendation recommendation, List<UserError> errors) {
    }

    record AnswerPayload(@Nullable RecommendationAnswer answer, List<UserError> errors) {
    }

    private final RecommendationRepository recommendations;
    private final StructureRepository structure;
    private final BodyAccess access;
    private final TenantTransactions tenant;
    private final Clock clock;

    private final se.samverkan.api.inbox.Distribution distribution;

    RecommendationService(RecommendationRepository recommendations, StructureRepository structure, BodyAccess access,
            TenantTransactions tenant, Clock clock, se.samverkan.api.inbox.Distribution distribution) {
        this.distribution = distribution;
        this.recommendations = recommendations;
        this.structure = structure;
        this.access = access;
        this.tenant = tenant;
        this.clock = clock;
    }

    private Mono<Optional<Rulebook>> rulebook(BodyId body) {
        return structure.rulebooksOf(List.of(body))
                .map(all -> Rulebook.inForceOn(ClockConfig.today(clock), all.getOrDefault(body, List.of())));
    }

    @Transactional
    public Mono<IssuePayload> issue(Principal caller, UUID decisionId, String text, List<CommitteeId> committees) {
        if (text.isBlank() || text.length() > 10_000) {
            return Mono.just(new IssuePayload(null, List.of(UserError.badInput("text", "1 to 10 000 characters"))));
        }
        if (committees.isEmpty() || Set.copyOf(committees).size() != committees.size()) {
            return Mono.just(new IssuePayload(null, List.of(UserError.badInput("to", "name each committee once, at least one"))));
        }
        return recommendations.decision(decisionId).flatMap(decision -> Mono.zip(access.actorsIn(decision.body(), caller),
                rulebook(decision.body()), structure.committeesById(committees)).flatMap(t -> {
                    String rule = t.getT2().map(Rulebook::recommendations).map(r -> r.rule()).orElse(null);
                    if (rule == null) {
                        return Mono.just(new IssuePayload(null, List.of(new UserError("NOT_IN_RULEBOOK",
                                "the body's rulebook gives it no power to issue recommendations", null, null))));
                    }
                    if (!t.getT1().contains(Actor.SECRETARY) && !t.getT1().contains(Actor.CHAIR)) {
                        return Mono.just(new IssuePayload(null, List.of(UserError.notAllowed(
                                "the body's secretary or chair issues its recommendations", rule))));
                    }
                    if (decision.outcome().equals("NOT_ADOPTED")) {
                        return Mono.just(new IssuePayload(null, List.of(new UserError("ILLEGAL_TRANSITION",
                                "no party adopted the decision; there is nothing to recommend", rule, "decision"))));
                    }
                    Map<CommitteeId, Committee> found = t.getT3();
                    if (found.size() != committees.size()) {
                        return Mono.just(new IssuePayload(null, List.of(UserError.notFound("to"))));
                    }
                    return structure.partiesById(found.values().stream().map(Committee::party).collect(Collectors.toSet()))
                            .flatMap(parties -> {
                                Recommendation r = new Recommendation(UUID.randomUUID(), decisionId, decision.body(),
                                        text.strip(), rule, clock.instant());
                                List<RecommendationRepository.Recipient> recipients = committees.stream()
                                        .map(c -> new RecommendationRepository.Recipient(r.id(), c,
                                                parties.get(found.get(c).party()).code())).toList();
                                String title = "Rekommendation: " + (r.text().length() <= 120 ? r.text() : r.text().substring(0, 117) + "...");
                                return recommendations.insert(r, Objects.requireNonNull(caller.subject()), recipients)
                                        .flatMap(saved -> distribution.recommendation(saved.id(), saved.body(),
                                                        recipients.stream().collect(Collectors.toMap(
                                                                RecommendationRepository.Recipient::committee,
                                                                RecommendationRepository.Recipient::partyCode, (a, b) -> a,
                                                                java.util.LinkedHashMap::new)), title, rule)
                                                .thenReturn(saved))
                                        .map(saved -> new IssuePayload(saved, List.of()));
                            });
                })).defaultIfEmpty(new IssuePayload(null, List.of(UserError.notFound("decision"))));
    }

    /** A party answers for its own committee; a draft stays the party's own until sent, and a sent answer is final. */
    @Transactional
    public Mono<AnswerPayload> answer(Principal caller, UUID recommendationId, CommitteeId committeeId, String answer,
            @Nullable String text, boolean send) {
        if (text != null && text.length() > 10_000) {
            return Mono.just(new AnswerPayload(null, List.of(UserError.badInput("text", "at most 10 000 characters"))));
        }
        if (caller.has(Role.INTEGRATION) || caller.partyCode() == null) {
            return Mono.just(new AnswerPayload(null, List.of(UserError.notAllowed("a party's own users answer for it", null))));
        }
        return recommendations.recipientsOf(List.of(recommendationId)).flatMap(all -> {
            // another party's recipients are not ours: answered as for a committee that received nothing
            List<RecommendationRepository.Recipient> ours = all.getOrDefault(recommendationId, List.of()).stream()
                    .filter(r -> r.partyCode().equals(caller.partyCode())).toList();
            if (ours.isEmpty()) {
                // no such recommendation, or one not sent to the caller's party: not one it may see
                return Mono.just(new AnswerPayload(null, List.of(UserError.notFound("recommendation"))));
            }
            Optional<RecommendationRepository.Recipient> recipient = ours.stream()
                    .filter(r -> r.committee().equals(committeeId)).findFirst();
            if (recipient.isEmpty()) {
                return Mono.just(new AnswerPayload(null, List.of(UserError.notFound("committee"))));
            }
            RecommendationAnswer draft = new RecommendationAnswer(UUID.randomUUID(), recommendationId, committeeId,
                    caller.partyCode(), answer, text == null ? null : text.strip(), ClockConfig.today(clock),
                    send ? "SENT" : "DRAFT", null, 0);
            return tenant.asParty(caller.partyCode(), () -> recommendations.upsertAnswer(draft,
                            Objects.requireNonNull(caller.subject()))
                    .flatMap(n -> n == 0 ? Mono.just(new AnswerPayload(null, List.of(new UserError("ILLEGAL_TRANSITION",
                            "the answer is already sent; a sent answer is final", null, "committee"))))
                            : recommendations.answerFor(recommendationId, committeeId).map(a -> new AnswerPayload(a, List.of()))));
        });
    }

    /**
     * The answers to the given recommendations the caller may see: their own party's in any state (row-level security
     * lets no other party's drafts out of PostgreSQL), and other parties' sent answers if they sit in the issuing body.
     */
    Mono<Map<UUID, List<RecommendationAnswer>>> visibleAnswers(Principal caller, Map<UUID, Recommendation> of) {
        return Mono.zip(tenant.asParty(caller.partyCode(), () -> recommendations.answersOf(of.keySet())),
                access.seatedBodies(caller)).map(t -> t.getT1().entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().stream().filter(a -> a.partyCode().equals(caller.partyCode())
                                || t.getT2().contains(of.get(e.getKey()).body())).toList())));
    }

    /** One answer by id, if the caller may see it: row-level security first, then the issuing body's membership. */
    Mono<RecommendationAnswer> visibleAnswer(Principal caller, UUID id) {
        return tenant.asParty(caller.partyCode(), () -> recommendations.answer(id))
                .flatMap(a -> a.partyCode().equals(caller.partyCode()) ? Mono.just(a)
                        : Mono.zip(recommendations.byIds(List.of(a.recommendation())), access.seatedBodies(caller))
                                .filter(t -> t.getT1().containsKey(a.recommendation())
                                        && t.getT2().contains(t.getT1().get(a.recommendation()).body()))
                                .map(t -> a));
    }

    /** Whether the caller may see a recommendation: seated in the issuing body, or of a party it was sent to. */
    Mono<List<Recommendation>> visible(Principal caller, List<Recommendation> all) {
        if (all.isEmpty()) {
            return Mono.just(all);
        }
        return Mono.zip(access.seatedBodies(caller), recommendations.recipientsOf(all.stream().map(Recommendation::id).toList()))
                .map(t -> all.stream().filter(r -> t.getT1().contains(r.body())
                        || t.getT2().getOrDefault(r.id(), List.of()).stream().anyMatch(x -> x.partyCode().equals(caller.partyCode())))
                        .toList());
    }

    Mono<Map<String, Party>> partiesByCode(Set<String> codes) {
        return codes.isEmpty() ? Mono.just(Map.of()) : structure.partiesById(codes.stream()
                .map(se.samverkan.domain.structure.PartyId::of).toList())
                .map(found -> found.values().stream().collect(Collectors.toMap(Party::code, p -> p)));
    }
}
