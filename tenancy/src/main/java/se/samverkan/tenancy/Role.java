package se.samverkan.tenancy;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles a token may carry (DESIGN.md §5), by their Keycloak names. */
public enum Role {
    ADMIN("samverkan-admin"),
    SECRETARY("secretary"),
    MEMBER("member"),
    READER("reader"),
    INTEGRATION("integration");

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }

    public static Optional<Role> fromRealmName(String name) {
        return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
    }
}
