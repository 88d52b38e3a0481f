package se.samverkan.tenancy;

import java.util.List;
import reactor.core.publisher.Mono;
import se.samverkan.domain.structure.SeatId;

/** Looks up a caller's mandates: the seats their appointments give them today, the source of truth with history. */
@FunctionalInterface
public interface Mandates {

    /**
     * The seats a token subject holds today, or empty when the token's organisation is no party that exists today —
     * such a token cannot be placed in a tenant and is refused.
     */
    Mono<List<SeatId>> seatsHeldBy(String subject, String partyCode);
}
