package se.samverkan.tenancy;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.structure.SeatId;

/**
 * The caller: who (subject), from where (party, the tenant), with which realm roles and functions, and which seats
 * they hold today. The token says who and from where; the seats — the source of truth for mandates — come from the
 * appointments.
 *
 * @param partyCode the token's {@code organisation} claim, e.g. {@code karlskrona}; null only when anonymous
 */
public record Principal(
        @Nullable String subject,
        @Nullable String username,
        @Nullable String partyCode,
        Set<Role> roles,
        List<String> functions,
        List<SeatId> seats) {

    public static final Principal ANONYMOUS = new Principal(null, null, null, Set.of(), List.of(), List.of());

    public Principal {
        roles = Set.copyOf(roles);
        functions = List.copyOf(functions);
        seats = List.copyOf(seats);
    }

    public boolean authenticated() {
        return subject != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Principal withSeats(List<SeatId> held) {
        return new Principal(subject, username, partyCode, roles, functions, held);
    }
}
