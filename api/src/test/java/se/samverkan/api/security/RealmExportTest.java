package se.samverkan.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverkan.api.structure.Structure;
import se.samverkan.api.structure.StructureReader;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm export (tenancy: keycloak/samverkan-realm.json) gives every demo login of the structure files a
 * user whose token carries what the service reads: {@code sub} = the person's id, {@code organisation} = their party,
 * {@code functions} = the function codes of the seats they hold today, the realm roles, and audience samverkan-api.
 */
class RealmExportTest {

    private static final String REALM_EXPORT = "keycloak/samverkan-realm.json";
    private static final List<String> STRUCTURE_FILES = List.of(
            "structure/blekinge.yaml", "structure/norrbotten.yaml", "demo/blekinge.yaml", "demo/norrbotten.yaml");

    private static JsonNode realm;
    private static Structure structure;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = resource(REALM_EXPORT)) {
            realm = JsonMapper.builder().build().readTree(in);
        }
        Map<String, Supplier<InputStream>> files = new LinkedHashMap<>();
        STRUCTURE_FILES.forEach(name -> files.put(name, () -> resource(name)));
        structure = StructureReader.read(files);
    }

    private static InputStream resource(String name) {
        InputStream in = RealmExportTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException(name + " is not on the classpath"));
        }
        return in;
    }

    @Test
    void realmIsSamverkanWithTheFiveRealmRoles() {
        assertThat(realm.path("realm").asString()).isEqualTo("samverkan");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(strings(realm.path("roles").path("realm"), r -> r.path("name").asString()))
                .containsExactlyInAnyOrder("samverkan-admin", "secretary", "member", "reader", "integration");
    }

    @Test
    void realmUsersAreExactlyTheDemoLogins() {
        assertThat(realmUsers().keySet()).isEqualTo(demoLogins().keySet());
    }

    @Test
    void requiredDemoUsersExist() {
        assertThat(realmUsers().keySet()).contains("sekreterare.lsvo", "aldrechef.karlskrona", "skolchef.ronneby",
                "hsdirektor.region", "ordforande.psvo", "handlaggare.karlskrona", "handlaggare.ronneby", "admin");
    }

    @Test
    void userIdIsThePersonIdSoTheSubjectMatches() {
        demoLogins().forEach((username, login) -> assertThat(realmUsers().get(username).path("id").asString())
                .as(username).isEqualTo(login.person().subject()));
    }

    @Test
    void organisationAttributeIsThePersonsParty() {
        demoLogins().forEach((username, login) -> assertThat(strings(attribute(username, "organisation")))
                .as(username).containsExactly(Objects.requireNonNull(login.person().partyCode(), username)));
    }

    @Test
    void realmRolesAreTheDemoRoles() {
        demoLogins().forEach((username, login) -> assertThat(new TreeSet<>(strings(realmUsers().get(username).path("realmRoles"))))
                .as(username).isEqualTo(new TreeSet<>(login.roles())));
    }

    @Test
    void functionsAreThoseOfTheSeatsHeldToday() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        Map<SeatId, Seat> seats = structure.seats().stream().collect(Collectors.toMap(Seat::id, Function.identity()));
        demoLogins().forEach((username, login) -> {
            Set<String> held = structure.appointments().stream()
                    .filter(a -> a.person().equals(login.person().id()) && a.activeOn(today))
                    .map(a -> seats.get(a.seat()).function())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(strings(attribute(username, "functions")))).as(username).isEqualTo(held);
        });
    }

    @Test
    void usersAreEnabledWithNameVerifiedEmailAndDemoPassword() {
        demoLogins().forEach((username, login) -> {
            JsonNode user = realmUsers().get(username);
            assertThat(user.path("enabled").asBoolean()).as(username).isTrue();
            assertThat(user.path("firstName").asString() + " " + user.path("lastName").asString())
                    .as(username).isEqualTo(login.person().name());
            assertThat(user.path("email").asString()).as(username).isEqualTo(username + "@example.invalid");
            assertThat(user.path("emailVerified").asBoolean()).as(username).isTrue();
            JsonNode credentials = user.path("credentials");
            assertThat(credentials.size()).as(username).isEqualTo(1);
            assertThat(credentials.get(0).path("type").asString()).isEqualTo("password");
            assertThat(credentials.get(0).path("value").asString()).isEqualTo("demo");
            assertThat(credentials.get(0).path("temporary").asBoolean()).isFalse();
        });
    }

    @Test
    void portalIsAPublicClientWithPasswordGrantAndApiIsBearerOnly() {
        JsonNode portal = client("samverkan-portal");
        assertThat(portal.path("publicClient").asBoolean()).isTrue();
        assertThat(portal.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(strings(portal.path("defaultClientScopes"))).contains("basic", "roles");

        JsonNode api = client("samverkan-api");
        assertThat(api.path("bearerOnly").asBoolean()).isTrue();
        assertThat(api.path("publicClient").asBoolean()).isFalse();
        assertThat(api.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(api.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(api.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(api.path("serviceAccountsEnabled").asBoolean()).isFalse();
    }

    @Test
    void audienceMapperAddsSamverkanApiToTheAccessToken() {
        JsonNode audience = mapper("oidc-audience-mapper").getFirst();
        assertThat(audience.path("config").path("included.client.audience").asString()).isEqualTo("samverkan-api");
        assertThat(audience.path("config").path("access.token.claim").asString()).isEqualTo("true");
    }

    @Test
    void organisationAndFunctionsMappersPutTheAttributesInTheToken() {
        Map<String, JsonNode> byClaim = new TreeMap<>();
        mapper("oidc-usermodel-attribute-mapper")
                .forEach(m -> byClaim.put(m.path("config").path("claim.name").asString(), m.path("config")));

        JsonNode organisation = byClaim.get("organisation");
        assertThat(organisation).isNotNull();
        assertThat(organisation.path("user.attribute").asString()).isEqualTo("organisation");
        assertThat(organisation.path("jsonType.label").asString()).isEqualTo("String");
        assertThat(organisation.path("multivalued").asString()).isEqualTo("false");
        assertThat(organisation.path("access.token.claim").asString()).isEqualTo("true");

        JsonNode functions = byClaim.get("functions");
        assertThat(functions).isNotNull();
        assertThat(functions.path("user.attribute").asString()).isEqualTo("functions");
        assertThat(functions.path("jsonType.label").asString()).isEqualTo("String");
        assertThat(functions.path("multivalued").asString()).isEqualTo("true");
        assertThat(functions.path("access.token.claim").asString()).isEqualTo("true");
    }

    @Test
    void userProfileDeclaresOrganisationAndFunctionsEditableByAdminsOnly() {
        JsonNode providers = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
        assertThat(providers.size()).isEqualTo(1);
        assertThat(providers.get(0).path("providerId").asString()).isEqualTo("declarative-user-profile");
        JsonNode profile = JsonMapper.builder().build()
                .readTree(providers.get(0).path("config").path("kc.user.profile.config").get(0).asString());
        Map<String, JsonNode> attributes = new TreeMap<>();
        profile.path("attributes").forEach(a -> attributes.put(a.path("name").asString(), a));

        assertThat(attributes).containsKeys("username", "email", "firstName", "lastName", "organisation", "functions");
        assertThat(attributes.get("functions").path("multivalued").asBoolean()).isTrue();
        assertThat(attributes.get("organisation").path("multivalued").asBoolean()).isFalse();
        for (String name : List.of("organisation", "functions")) {
            // a user who could edit their own organisation could move themselves into another tenant
            assertThat(strings(attributes.get(name).path("permissions").path("edit"))).as(name).containsExactly("admin");
        }
        assertThat(profile.path("unmanagedAttributePolicy").asString()).isNotEqualTo("ENABLED");
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private static Map<String, Structure.Login> demoLogins() {
        Map<String, Structure.Login> logins = new TreeMap<>();
        for (Structure.Login login : structure.people()) {
            Person person = login.person();
            if (person.username() != null) {
                logins.put(person.username(), login);
            }
        }
        return logins;
    }

    private static Map<String, JsonNode> realmUsers() {
        Map<String, JsonNode> users = new TreeMap<>();
        realm.path("users").forEach(u -> assertThat(users.put(u.path("username").asString(), u))
                .as("user %s appears once", u.path("username").asString()).isNull());
        return users;
    }

    private static JsonNode attribute(String username, String name) {
        return realmUsers().get(username).path("attributes").path(name);
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asString())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /** The portal's mappers of one kind; at least one must exist. */
    private static List<JsonNode> mapper(String protocolMapper) {
        List<JsonNode> found = new ArrayList<>();
        client("samverkan-portal").path("protocolMappers").forEach(m -> {
            if (protocolMapper.equals(m.path("protocolMapper").asString())) {
                found.add(m);
            }
        });
        assertThat(found).as(protocolMapper).isNotEmpty();
        return found;
    }

    private static List<String> strings(JsonNode array) {
        return strings(array, JsonNode::asString);
    }

    private static List<String> strings(JsonNode array, Function<JsonNode, String> value) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(value.apply(n)));
        return values;
    }
}
