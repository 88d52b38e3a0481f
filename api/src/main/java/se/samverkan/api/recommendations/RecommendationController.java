package se.samverkan.api.recommendations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import se.samverkan.api.graphql.Connection;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.matters.DecisionView;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.CommitteeId;

/** Recommendations and answers over GraphQL; every read of answers goes through the caller's tenant transaction. */
@Controller
class RecommendationController {

    record IssueRecommendationInput(String decision, String text, List<String> to) {
    }

    record AnswerRecommendationInput(String recommendation, String committee, String answer, @Nullable String text,
            @Nullable Boolean send) {
    }

    /** A recipient as the schema shows it. */
    record Recipient(Recommendation recommendation, Committee committee, @Nullable RecommendationAnswer answer) {
    }

    private final RecommendationService service;
    private final RecommendationRepository recommendations;
    private final StructureRepository structure;

    RecommendationController(RecommendationService service, RecommendationRepository recommendations,
            StructureRepository structure) {
        this.service = service;
        this.recommendations = recommendations;
        this.structure = structure;
    }

    @MutationMapping
    Mono<RecommendationService.IssuePayload> issueRecommendation(@Argument IssueRecommendationInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(new RecommendationService.IssuePayload(null, List.of(UserError.notAllowed("sign in first", null))));
            }
            Optional<UUID> decision = uuid(input.decision());
            List<Optional<UUID>> to = input.to().stream().map(c -> GlobalId.uuidOf(c, "Committee")).toList();
            if (decision.isEmpty() || to.stream().anyMatch(Optional::isEmpty)) {
                return Mono.just(new RecommendationService.IssuePayload(null, List.of(UserError.notFound("decision"))));
            }
            return service.issue(caller, decision.get(), input.text(),
                    to.stream().map(o -> new CommitteeId(o.orElseThrow())).toList());
        });
    }

    /** A decision's id is its uuid; text that is none names nothing (see {@link GlobalId#uuidOf}). */
    private static Optional<UUID> uuid(String id) {
        return Optional.of(GlobalId.uuid(id));
    }

    @MutationMapping
    Mono<RecommendationService.AnswerPayload> answerRecommendation(@Argument AnswerRecommendationInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(new RecommendationService.AnswerPayload(null, List.of(UserError.notAllowed("sign in first", null))));
            }
            Optional<UUID> rec = GlobalId.uuidOf(input.recommendation(), "Recommendation");
            Optional<UUID> committee = GlobalId.uuidOf(input.committee(), "Committee");
            if (rec.isEmpty() || committee.isEmpty()) {
                return Mono.just(new RecommendationService.AnswerPayload(null, List.of(UserError.notFound("recommendation"))));
            }
            return service.answer(caller, rec.get(), new CommitteeId(committee.get()), input.answer(), input.text(),
                    Boolean.TRUE.equals(input.send()));
        });
    }

    @QueryMapping
    Mono<Recommendation> recommendation(@Argument String id) {
        return GlobalId.uuidOf(id, "Recommendation").map(this::visible).orElse(Mono.empty());
    }

    /** The recommendations of these ids the caller may see, read together: an inbox page's in one go. */
    Mono<Map<UUID, Object>> visibleAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return CurrentPrincipal.get().flatMap(caller -> recommendations.byIds(List.copyOf(ids))
                .flatMap(found -> service.visible(caller, List.copyOf(found.values())))
                .map(seen -> seen.stream().collect(Collectors.toMap(r -> r.id(), r -> (Object) r, (a, b) -> a))));
    }

    Mono<Recommendation> visible(UUID id) {
        return CurrentPrincipal.get().flatMap(caller -> recommendations.byIds(List.of(id))
                .flatMap(found -> service.visible(caller, List.copyOf(found.values())))
                .flatMap(list -> Mono.justOrEmpty(list.stream().findFirst())));
    }

    @BatchMapping(typeName = "Decision")
    Mono<Map<DecisionView, List<Recommendation>>> recommendations(List<DecisionView> decisions) {
        Map<UUID, DecisionView> byId = decisions.stream().collect(Collectors.toMap(DecisionView::id, d -> d, (a, b) -> a));
        return CurrentPrincipal.get().flatMap(caller -> recommendations.ofDecisions(byId.keySet())
                .flatMap(found -> service.visible(caller, found.values().stream().flatMap(List::stream).toList())
                        .map(seen -> decisions.stream().collect(Collectors.toMap(d -> d, d -> found
                                .getOrDefault(d.id(), List.of()).stream().filter(seen::contains).toList(),
                                (a, b) -> a)))));
    }

    @SchemaMapping(typeName = "Committee", field = "recommendations")
    Mono<Connection<Recommendation>> committeeRecommendations(Committee committee, @Argument @Nullable Integer first,
            @Argument @Nullable String after) {
        Connection.Window window = Connection.window(first, after);
        return CurrentPrincipal.get().flatMap(caller -> recommendations.toCommittees(List.of(committee.id()))
                .flatMap(found -> service.visible(caller, found.getOrDefault(committee.id(), List.of())))
                .map(seen -> Connection.slice(seen, window)));
    }

    @BatchMapping(typeName = "Recommendation")
    Mono<Map<Recommendation, Body>> body(List<Recommendation> list) {
        return structure.bodiesById(list.stream().map(Recommendation::body).collect(Collectors.toSet()))
                .map(found -> list.stream().filter(r -> found.containsKey(r.body()))
                        .collect(Collectors.toMap(r -> r, r -> found.get(r.body()), (a, b) -> a)));
    }

    @BatchMapping(typeName = "Recommendation")
    Mono<Map<Recommendation, List<Recipient>>> recipients(List<Recommendation> list) {
        Map<UUID, Recommendation> byId = list.stream().collect(Collectors.toMap(Recommendation::id, r -> r, (a, b) -> a));
        return CurrentPrincipal.get().flatMap(caller -> Mono.zip(recommendations.recipientsOf(byId.keySet()),
                service.visibleAnswers(caller, byId)).flatMap(t -> structure.committeesById(t.getT1().values().stream()
                        .flatMap(List::stream).map(RecommendationRepository.Recipient::committee).collect(Collectors.toSet()))
                .map(committees -> list.stream().collect(Collectors.toMap(r -> r, r -> t.getT1().getOrDefault(r.id(), List.of())
                        .stream().filter(x -> committees.containsKey(x.committee()))
                        .map(x -> new Recipient(r, committees.get(x.committee()), t.getT2().getOrDefault(r.id(), List.of())
                                .stream().filter(a -> a.committee().equals(x.committee())).findFirst().orElse(null)))
                        .toList(), (a, b) -> a)))));
    }

    @BatchMapping(typeName = "RecommendationAnswer")
    Mono<Map<RecommendationAnswer, Committee>> committee(List<RecommendationAnswer> list) {
        return structure.committeesById(list.stream().map(RecommendationAnswer::committee).collect(Collectors.toSet()))
                .map(found -> list.stream().filter(a -> found.containsKey(a.committee()))
                        .collect(Collectors.toMap(a -> a, a -> found.get(a.committee()), (a, b) -> a)));
    }
}
