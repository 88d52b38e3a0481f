package se.samverkan.tenancy;

import java.util.List;
import reactor.core.publisher.Mono;
import se.samverkan.domain.structure.SeatId;

/** Looks up the seats a token subject holds today: the source of truth for mandates, with history. */
@FunctionalInterface
public interface Mandates {

    Mono<List<SeatId>> seatsHeldBy(String subject);
}
