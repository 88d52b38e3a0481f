package se.samverkan.api.identity;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.tenancy.Principal;
import se.samverkan.tenancy.Role;

/** {@code me}: who the service takes the caller to be. */
@Controller
class IdentityController {

    /** The {@code Me} type: the principal as the schema shows it. */
    record Me(Principal principal) {

        public boolean authenticated() {
            return principal.authenticated();
        }

        public @Nullable String subject() {
            return principal.subject();
        }

        public @Nullable String username() {
            return principal.username();
        }

        public List<String> roles() {
            return principal.roles().stream().map(Role::realmName).sorted().toList();
        }

        public List<String> functions() {
            return principal.functions();
        }
    }

    private final StructureRepository repository;

    IdentityController(StructureRepository repository) {
        this.repository = repository;
    }

    @QueryMapping
    Mono<Me> me() {
        return CurrentPrincipal.get().map(Me::new);
    }

    @SchemaMapping(typeName = "Me")
    Mono<se.samverkan.domain.structure.Party> party(Me me) {
        String code = me.principal().partyCode();
        return code == null ? Mono.empty() : repository.partiesById(List.of(PartyId.of(code)))
                .flatMap(found -> Mono.justOrEmpty(found.get(PartyId.of(code))));
    }

    @SchemaMapping(typeName = "Me")
    Mono<Person> person(Me me) {
        String subject = me.principal().subject();
        if (subject == null) {
            return Mono.empty();
        }
        try {
            PersonId id = new PersonId(UUID.fromString(subject));
            return repository.peopleById(List.of(id)).flatMap(found -> Mono.justOrEmpty(found.get(id)));
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }

    @SchemaMapping(typeName = "Me")
    Mono<List<Seat>> seats(Me me) {
        if (me.principal().seats().isEmpty()) {
            return Mono.just(List.of());
        }
        return repository.seatsById(me.principal().seats())
                .map(found -> me.principal().seats().stream().map(found::get).filter(java.util.Objects::nonNull).toList());
    }
}
