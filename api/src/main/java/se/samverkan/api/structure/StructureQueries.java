package se.samverkan.api.structure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.BadInputException;
import se.samverkan.api.graphql.Connection;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.NodeFetcher;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.BodyKind;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.CommitteeId;

/** The structure's entry points: counties, parties, bodies, and any node by global id. All of it is public. */
@Controller
class StructureQueries {

    private final StructureRepository repository;
    private final Clock clock;
    private final java.util.Map<String, NodeFetcher> otherNodes;

    StructureQueries(StructureRepository repository, Clock clock, java.util.List<NodeFetcher> otherNodes) {
        this.repository = repository;
        this.clock = clock;
        this.otherNodes = otherNodes.stream().collect(java.util.stream.Collectors.toMap(NodeFetcher::type, f -> f));
    }

    @QueryMapping
    Flux<County> counties() {
        return repository.counties();
    }

    @QueryMapping
    Mono<County> county(@Argument String code) {
        return repository.countiesByCode(java.util.List.of(code)).flatMap(m -> Mono.justOrEmpty(m.get(code)));
    }

    @QueryMapping
    Mono<Connection<Party>> parties(@Argument String county, @Argument @Nullable LocalDate asOf,
            @Argument @Nullable Integer first, @Argument @Nullable String after) {
        Connection.Window window = Connection.window(first, after);
        return repository.parties(county, Validity.asOf(asOf, clock), window.offset(), window.limit())
                .map(page -> Connection.of(page.items(), page.offset(), page.total()));
    }

    @QueryMapping
    Mono<Party> party(@Argument @Nullable String id, @Argument @Nullable String code) {
        if ((id == null) == (code == null)) {
            throw new BadInputException("give either 'id' or 'code' of the party");
        }
        if (code != null) {
            return repository.partyByCode(code);
        }
        return GlobalId.uuidOf(id, "Party").map(uuid -> repository.partiesById(java.util.List.of(new PartyId(uuid)))
                .flatMap(m -> Mono.justOrEmpty(m.get(new PartyId(uuid))))).orElse(Mono.empty());
    }

    @QueryMapping
    Mono<Connection<Body>> bodies(@Argument String county, @Argument @Nullable BodyKind kind,
            @Argument @Nullable LocalDate asOf, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        Connection.Window window = Connection.window(first, after);
        return repository.bodies(county, kind, asOf, window.offset(), window.limit())
                .map(page -> Connection.of(page.items(), page.offset(), page.total()));
    }

    @QueryMapping
    Mono<Body> body(@Argument @Nullable String id, @Argument @Nullable String county, @Argument @Nullable String shortName) {
        if (id != null && (county != null || shortName != null)) {
            throw new BadInputException("give either 'id', or 'county' and 'shortName' of the body, not both");
        }
        if (id != null) {
            return GlobalId.uuidOf(id, "Body").map(BodyId::new)
                    .map(bodyId -> repository.bodiesById(java.util.List.of(bodyId)).flatMap(m -> Mono.justOrEmpty(m.get(bodyId))))
                    .orElse(Mono.empty());
        }
        if (county == null || shortName == null) {
            throw new BadInputException("give 'id', or both 'county' and 'shortName' of the body");
        }
        return repository.bodyByShortName(county, shortName);
    }

    /** Any node by global id; an unknown or malformed id gives null, like an object that does not exist. */
    @QueryMapping
    Mono<Object> node(@Argument String id) {
        Optional<GlobalId> global = GlobalId.decode(id);
        if (global.isEmpty()) {
            return Mono.empty();
        }
        String type = global.get().type();
        if (type.equals("County")) {
            return county(global.get().key()).cast(Object.class);
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(global.get().key());
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
        java.util.List<UUID> one = java.util.List.of(uuid);
        return switch (type) {
            case "Party" -> repository.partiesById(one.stream().map(PartyId::new).toList())
                    .flatMap(m -> Mono.justOrEmpty(m.get(new PartyId(uuid))));
            case "Committee" -> repository.committeesById(one.stream().map(CommitteeId::new).toList())
                    .flatMap(m -> Mono.justOrEmpty(m.get(new CommitteeId(uuid))));
            case "Body" -> repository.bodiesById(one.stream().map(BodyId::new).toList())
                    .flatMap(m -> Mono.justOrEmpty(m.get(new BodyId(uuid))));
            case "Seat" -> repository.seatsById(one.stream().map(SeatId::new).toList())
                    .flatMap(m -> Mono.justOrEmpty(m.get(new SeatId(uuid))));
            case "Person" -> repository.peopleById(one.stream().map(PersonId::new).toList())
                    .flatMap(m -> Mono.justOrEmpty(m.get(new PersonId(uuid))));
            case "Rulebook" -> repository.rulebook(uuid).cast(Object.class);
            case "Agreement" -> repository.agreement(uuid).cast(Object.class);
            default -> otherNodes.containsKey(type) ? otherNodes.get(type).fetch(uuid).cast(Object.class) : Mono.empty();
        };
    }
}
