package se.samverkan.api.structure;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;

/**
 * The batch loaders behind fields that take arguments ({@code asOf}, paging): each loads everything of all parents
 * at once, and the field filters and pages per parent. Fields without arguments use {@code @BatchMapping}.
 */
@Configuration
class StructureLoaders {

    StructureLoaders(BatchLoaderRegistry registry, StructureRepository repository) {
        registry.<String, List<Body>>forName("bodiesByCounty")
                .registerMappedBatchLoader((keys, env) -> repository.bodiesByCounty(keys));
        registry.<String, List<Party>>forName("partiesByCounty")
                .registerMappedBatchLoader((keys, env) -> repository.partiesByCounty(keys));
        registry.<PartyId, List<Committee>>forName("committeesByParty")
                .registerMappedBatchLoader((keys, env) -> repository.committeesByParty(keys));
        registry.<BodyId, List<Rulebook>>forName("rulebooksByBody")
                .registerMappedBatchLoader((keys, env) -> repository.rulebooksOf(keys));
        registry.<BodyId, List<Seat>>forName("seatsByBody")
                .registerMappedBatchLoader((keys, env) -> repository.seatsOf(keys));
        registry.<BodyId, List<Appointment>>forName("appointmentsByBody")
                .registerMappedBatchLoader((keys, env) -> repository.appointmentsInBodies(keys));
        registry.<SeatId, List<StructureRepository.Holding>>forName("holdingsBySeat")
                .registerMappedBatchLoader((keys, env) -> repository.holdingsOf(keys));
        registry.<PersonId, Person>forName("personById")
                .registerMappedBatchLoader((keys, env) -> repository.peopleById(keys));
        registry.<SeatId, Seat>forName("seatById")
                .registerMappedBatchLoader((keys, env) -> repository.seatsById(keys));
    }
}
