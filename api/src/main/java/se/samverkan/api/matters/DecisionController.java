package se.samverkan.api.matters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.decision.Position;
import se.samverkan.domain.meeting.Matter;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.SeatId;

/** Attendance, declarations, readiness and decisions over GraphQL; the rules are in the domain. */
@Controller
class DecisionController {

    record AttendanceEntryInput(String seat, String status, @Nullable String substitute) {
    }

    record RecordAttendanceInput(String meeting, List<AttendanceEntryInput> entries) {
    }

    record DeclarePositionInput(String matter, Position position, @Nullable DeclarationChannel channel,
            @Nullable String seat, @Nullable String conveyedBy, @Nullable String text) {
    }

    record DecideInput(String matter, String text) {
    }

    record PostponeMatterInput(String matter, @Nullable String toMeeting) {
    }

    record DeclarePositionPayload(DecisionService.@Nullable ReadinessView readiness, List<UserError> errors) {
    }

    private final DecisionService service;
    private final DecisionRepository decisions;
    private final StructureRepository structure;

    DecisionController(DecisionService service, DecisionRepository decisions, StructureRepository structure) {
        this.service = service;
        this.decisions = decisions;
        this.structure = structure;
    }

    private static Optional<SeatId> seat(@Nullable String id) {
        return id == null ? Optional.empty() : GlobalId.uuidOf(id, "Seat").map(SeatId::new);
    }

    @MutationMapping
    Mono<DecisionService.AttendancePayload> recordAttendance(@Argument RecordAttendanceInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(new DecisionService.AttendancePayload(null, List.of(UserError.notAllowed("sign in first", null))));
            }
            List<DecisionService.AttendanceInput> entries = new ArrayList<>();
            for (AttendanceEntryInput e : input.entries()) {
                Optional<SeatId> seat = seat(e.seat());
                Optional<PersonId> substitute = e.substitute() == null ? Optional.empty()
                        : GlobalId.uuidOf(e.substitute(), "Person").map(PersonId::new);
                if (seat.isEmpty() || (e.substitute() != null && substitute.isEmpty())) {
                    return Mono.just(new DecisionService.AttendancePayload(null, List.of(UserError.notFound("entries"))));
                }
                entries.add(new DecisionService.AttendanceInput(seat.get(), e.status(), substitute.orElse(null)));
            }
            return GlobalId.uuidOf(input.meeting(), "Meeting").map(m -> service.recordAttendance(caller, m, entries))
                    .orElse(Mono.just(new DecisionService.AttendancePayload(null, List.of(UserError.notFound("meeting")))));
        });
    }

    @MutationMapping
    Mono<DeclarePositionPayload> declarePosition(@Argument DeclarePositionInput input) {
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.just(new DeclarePositionPayload(null, List.of(UserError.notAllowed("sign in first", null))));
            }
            Optional<UUID> matter = GlobalId.uuidOf(input.matter(), "Matter");
            if (matter.isEmpty() || (input.seat() != null && seat(input.seat()).isEmpty())
                    || (input.conveyedBy() != null && seat(input.conveyedBy()).isEmpty())) {
                return Mono.just(new DeclarePositionPayload(null, List.of(UserError.notFound("matter"))));
            }
            return service.declare(caller, matter.get(), seat(input.seat()).orElse(null), input.position(),
                    input.channel() == null ? DeclarationChannel.IN_MEETING : input.channel(),
                    seat(input.conveyedBy()).orElse(null), input.text())
                    .map(p -> new DeclarePositionPayload(p.readiness(), p.errors()));
        });
    }

    @MutationMapping
    Mono<DecisionService.DecidePayload> decide(@Argument DecideInput input) {
        return CurrentPrincipal.get().flatMap(caller -> !caller.authenticated()
                ? Mono.just(new DecisionService.DecidePayload(null, null, List.of(UserError.notAllowed("sign in first", null))))
                : GlobalId.uuidOf(input.matter(), "Matter").map(m -> service.decide(caller, m, input.text()))
                        .orElse(Mono.just(new DecisionService.DecidePayload(null, null, List.of(UserError.notFound("matter"))))));
    }

    @MutationMapping
    Mono<MatterService.MatterPayload> postponeMatter(@Argument PostponeMatterInput input) {
        return CurrentPrincipal.get().flatMap(caller -> !caller.authenticated()
                ? Mono.just(MatterService.MatterPayload.refused(UserError.notAllowed("sign in first", null)))
                : GlobalId.uuidOf(input.matter(), "Matter").map(m -> {
                    Optional<UUID> to = input.toMeeting() == null ? Optional.empty()
                            : GlobalId.uuidOf(input.toMeeting(), "Meeting");
                    if (input.toMeeting() != null && to.isEmpty()) {
                        return Mono.just(MatterService.MatterPayload.refused(UserError.notFound("toMeeting")));
                    }
                    return service.postpone(caller, m, to.orElse(null));
                }).orElse(Mono.just(MatterService.MatterPayload.refused(UserError.notFound("matter")))));
    }

    /** Readiness, live, for all matters of a request at once (they reach here filtered to those the caller may see). */
    @BatchMapping(typeName = "Matter")
    Mono<Map<Matter, DecisionService.ReadinessView>> readiness(List<Matter> matters) {
        return service.readiness(matters);
    }

    @BatchMapping(typeName = "Matter")
    Mono<Map<Matter, DecisionView>> decision(List<Matter> list) {
        return decisions.decisionsOf(list.stream().map(Matter::id).toList()).flatMap(found -> {
            Set<String> codes = found.values().stream()
                    .flatMap(d -> java.util.stream.Stream.concat(d.supporting().stream(), d.notSupporting().stream()))
                    .collect(Collectors.toSet());
            Mono<Map<se.samverkan.domain.structure.PartyId, Party>> parties = codes.isEmpty() ? Mono.just(Map.of())
                    : structure.partiesById(codes.stream().map(se.samverkan.domain.structure.PartyId::of).toList());
            return parties.map(p -> list.stream().filter(m -> found.containsKey(m.id()))
                    .collect(Collectors.toMap(m -> m, m -> DecisionService.view(found.get(m.id()), p), (a, b) -> a)));
        });
    }
}
