package se.samverkan.api.extrameetings;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.extrameetings.ExtraMeetingRound.ExtraMeetingStatus;
import se.samverkan.api.extrameetings.ExtraMeetingService.RequestView;
import se.samverkan.api.extrameetings.ExtraMeetingService.Requested;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;

/** Extra meetings over GraphQL: thin — the rule is in the domain, the writes in {@link ExtraMeetingService}. */
@Controller
class ExtraMeetingController {

    record RequestExtraMeetingInput(String body, String reason) {
    }

    static final int MAX_REASON = 1000;

    private final ExtraMeetingService service;

    ExtraMeetingController(ExtraMeetingService service) {
        this.service = service;
    }

    @MutationMapping
    Mono<Requested> requestExtraMeeting(@Argument RequestExtraMeetingInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(Requested.refused(UserError.notAllowed("sign in to ask for an extra meeting", null)));
            }
            String reason = input.reason().strip();
            int length = reason.codePointCount(0, reason.length());
            if (length < 1 || length > MAX_REASON) {
                return Mono.just(Requested.refused(UserError.badInput("reason",
                        "give a reason of 1 to " + MAX_REASON + " characters")));
            }
            return GlobalId.uuidOf(input.body(), "Body").map(BodyId::new)
                    .map(body -> service.request(caller, body, reason))
                    .orElse(Mono.just(Requested.refused(UserError.notFound("body"))));
        });
    }

    /** Whether an extra meeting is due: public, like the body. */
    @BatchMapping(typeName = "Body", field = "extraMeeting")
    Mono<Map<Body, ExtraMeetingStatus>> extraMeeting(List<Body> bodies) {
        return service.statuses(bodies.stream().map(Body::id).distinct().toList())
                .map(found -> bodies.stream().filter(b -> found.containsKey(b.id()))
                        .collect(Collectors.toMap(b -> b, b -> found.get(b.id()), (a, b) -> a)));
    }

    /** Who asked, and why: only for those seated in the body (MEMBERS data); null for everyone else. */
    @BatchMapping(typeName = "ExtraMeetingStatus")
    Mono<Map<ExtraMeetingStatus, List<RequestView>>> openRequests(List<ExtraMeetingStatus> statuses) {
        return CurrentPrincipal.get().flatMap(caller -> service.visibleRequests(caller, statuses));
    }
}
