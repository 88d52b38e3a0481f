package se.samverkan.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    @Test
    void theAdminRoleIsKnownByItsKeycloakName() {
        assertThat(Role.fromRealmName("samverkan-admin")).contains(Role.ADMIN);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleIsFoundByItsOwnRealmName(Role role) {
        assertThat(Role.fromRealmName(role.realmName())).contains(role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ADMIN", "Member", "SECRETARY", "offline_access", "default-roles-samverkan", ""})
    void namesThatAreNotExactlyARealmNameAreUnknown(String name) {
        assertThat(Role.fromRealmName(name)).isEmpty();
    }

    @Test
    void theRealmNamesAreTheOnesTheRealmDefines() {
        assertThat(Role.values()).extracting(Role::realmName)
                .containsExactly("samverkan-admin", "secretary", "member", "reader", "integration");
    }
}
