package se.samverkan.tenancy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads Keycloak's claims: {@code organisation} (a party code, from a user-attribute mapper), {@code functions} (a
 * multi-valued attribute) and the realm roles in {@code realm_access.roles}. Unknown roles are ignored, not trusted.
 */
public final class KeycloakClaims {

    public static final String ORGANISATION = "organisation";
    public static final String FUNCTIONS = "functions";
    public static final String REALM_ACCESS = "realm_access";

    private KeycloakClaims() {
    }

    /** The principal a token describes, before its seats are looked up. */
    public static Principal principal(Jwt jwt) {
        return new Principal(jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString(ORGANISATION), roles(jwt), functions(jwt), List.of());
    }

    static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object realmAccess = jwt.getClaims().get(REALM_ACCESS);
        if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> names) {
            for (Object name : names) {
                Role.fromRealmName(String.valueOf(name)).ifPresent(roles::add);
            }
        }
        return roles;
    }

    static List<String> functions(Jwt jwt) {
        Object value = jwt.getClaims().get(FUNCTIONS);
        List<String> functions = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(f -> functions.add(String.valueOf(f)));
        } else if (value instanceof String single && !single.isBlank()) {
            functions.add(single);
        }
        return functions;
    }
}
