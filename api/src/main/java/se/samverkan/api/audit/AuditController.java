package se.samverkan.api.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.Connection;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.meetings.BodyAccess;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.api.tenant.TenantTransactions;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.tenancy.Principal;
import se.samverkan.tenancy.Role;

/**
 * {@code auditLog(object)}: the administrator reads any object's trail; the secretary of a body reads the trail of the
 * body's objects. Entries about one party's PARTY data stay with that party (row-level security on the trail, as on the
 * data). Anyone else is refused — and for them an object that does not exist, that they may not see, or whose trail
 * is not theirs to read are refused alike, so the answer says nothing about whether it exists.
 */
@Controller
class AuditController {

    private final AuditRepository audit;
    private final BodyAccess access;
    private final TenantTransactions tenant;
    private final StructureRepository structure;

    AuditController(AuditRepository audit, BodyAccess access, TenantTransactions tenant, StructureRepository structure) {
        this.audit = audit;
        this.access = access;
        this.tenant = tenant;
        this.structure = structure;
    }

    @QueryMapping
    Mono<Connection<AuditEntry>> auditLog(@Argument String object, @Argument @Nullable Integer first,
            @Argument @Nullable String after) {
        Connection.Window window = Connection.window(first, after);
        Optional<GlobalId> id = GlobalId.decode(object).filter(g -> uuid(g.key()).isPresent());
        return CurrentPrincipal.get().flatMap(caller -> {
            if (!caller.authenticated()) {
                return Mono.error(new AccessDeniedException("sign in to read an audit log"));
            }
            if (caller.has(Role.ADMIN)) {
                return read(caller, id, null, window);
            }
            return access.secretaryOf(caller).flatMap(bodies -> bodies.isEmpty() ? refused()
                    : read(caller, id, bodies, window).flatMap(log -> log.totalCount() == 0 ? refused() : Mono.just(log)));
        });
    }

    /** The entries of the object the caller may read: of the given bodies only, unless null (every body). */
    private Mono<Connection<AuditEntry>> read(Principal caller, Optional<GlobalId> id, @Nullable Set<BodyId> bodies,
            Connection.Window window) {
        if (id.isEmpty()) {
            return Mono.just(Connection.of(List.of(), window.offset(), 0));
        }
        UUID key = uuid(id.get().key()).orElseThrow();
        return tenant.asParty(caller.partyCode(), () -> audit.page(id.get().type(), key, bodies, window.offset(), window.limit()))
                .map(page -> Connection.of(page.entries(), window.offset(), page.total()));
    }

    private static Mono<Connection<AuditEntry>> refused() {
        return Mono.error(new AccessDeniedException("only the administrator and the body's secretary read its audit log"));
    }

    private static Optional<UUID> uuid(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @SchemaMapping(typeName = "AuditEntry")
    @Nullable String objectId(AuditEntry entry) {
        return entry.objectId();
    }

    /** The caller's party as it was named in their token, when the entry was written. */
    @BatchMapping(typeName = "AuditEntry")
    Mono<Map<AuditEntry, Party>> party(List<AuditEntry> entries) {
        Set<PartyId> parties = entries.stream().map(AuditEntry::partyCode).filter(Objects::nonNull).map(PartyId::of)
                .collect(Collectors.toSet());
        if (parties.isEmpty()) {
            return Mono.just(Map.of());
        }
        return structure.partiesById(parties).map(found -> entries.stream()
                .filter(e -> e.partyCode() != null && found.containsKey(PartyId.of(e.partyCode())))
                .collect(Collectors.toMap(e -> e, e -> found.get(PartyId.of(Objects.requireNonNull(e.partyCode()))),
                        (a, b) -> a)));
    }
}
