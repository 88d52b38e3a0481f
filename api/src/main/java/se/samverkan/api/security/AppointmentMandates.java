package se.samverkan.api.security;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.tenancy.Mandates;

/** A caller's mandates are the seats their appointments give them today. */
@Component
class AppointmentMandates implements Mandates {

    private final StructureRepository repository;
    private final Clock clock;

    AppointmentMandates(StructureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Mono<List<SeatId>> seatsHeldBy(String subject, String partyCode) {
        return repository.seatsHeld(subject, partyCode, ClockConfig.today(clock));
    }
}
