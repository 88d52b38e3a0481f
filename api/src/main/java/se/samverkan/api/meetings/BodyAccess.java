package se.samverkan.api.meetings;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.SeatRole;
import se.samverkan.tenancy.Principal;

/**
 * What a caller is in a body: the actors (chair, secretary, member) their seats held today make them. Rules name
 * actors; this turns a principal's seats into them, in one place.
 */
@Component
public class BodyAccess {

    private final StructureRepository structure;

    BodyAccess(StructureRepository structure) {
        this.structure = structure;
    }

    public Mono<Set<Actor>> actorsIn(BodyId body, Principal principal) {
        if (principal.seats().isEmpty()) {
            return Mono.just(Set.of());
        }
        return structure.seatsById(principal.seats()).map(seats -> seats.values().stream()
                .filter(seat -> seat.body().equals(body))
                .flatMap(seat -> actor(seat.role()).stream())
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Whether the caller holds any seat of the body today — members, co-opted members, experts, secretary: everyone who
     * may see what the body's members see (MEMBERS data).
     */
    public Mono<Boolean> seatedIn(BodyId body, Principal principal) {
        if (principal.seats().isEmpty()) {
            return Mono.just(false);
        }
        return structure.seatsById(principal.seats())
                .map(seats -> seats.values().stream().anyMatch(seat -> seat.body().equals(body)));
    }

    /** Every body the caller holds a seat of today: where they may see MEMBERS data. One statement. */
    public Mono<Set<BodyId>> seatedBodies(Principal principal) {
        if (principal.seats().isEmpty()) {
            return Mono.just(Set.of());
        }
        return structure.seatsById(principal.seats())
                .map(seats -> seats.values().stream().map(seat -> seat.body()).collect(Collectors.toUnmodifiableSet()));
    }

    /** Every body the caller is the secretary of today (holds a SECRETARY seat of). One statement. */
    public Mono<Set<BodyId>> secretaryOf(Principal principal) {
        if (principal.seats().isEmpty()) {
            return Mono.just(Set.of());
        }
        return structure.seatsById(principal.seats()).map(seats -> seats.values().stream()
                .filter(seat -> seat.role() == SeatRole.SECRETARY)
                .map(seat -> seat.body()).collect(Collectors.toUnmodifiableSet()));
    }

    /** Co-opted members and experts attend but act for nobody (LSVO-03, LSVO-22, PSVO-04). */
    private static java.util.Optional<Actor> actor(SeatRole role) {
        return switch (role) {
            case CHAIR -> java.util.Optional.of(Actor.CHAIR);
            case SECRETARY -> java.util.Optional.of(Actor.SECRETARY);
            case MEMBER, VICE_CHAIR, SUBSTITUTE -> java.util.Optional.of(Actor.MEMBER);
            case CO_OPTED, EXPERT -> java.util.Optional.empty();
        };
    }
}
