package se.samverkan.api.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samverkan.api.SamverkanApplication;

/**
 * The prod profile refuses to start without a database and a Keycloak issuer of its own, and serves nothing made for
 * development: no tokens, no GraphiQL, no demo people, no introspection.
 */
class ProductionProfileTest {

    private static void start(String... args) {
        SpringApplication app = new SpringApplication(SamverkanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.run(args);
    }

    @Test
    void prodWithoutDatabaseOrIssuerRefusesToStartNamingBoth() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod"))
                .hasStackTraceContaining("The prod profile refuses to start without")
                .hasStackTraceContaining("spring.r2dbc.url")
                .hasStackTraceContaining("samverkan.security.issuer-uri");
    }

    @Test
    void prodWithoutIssuerRefusesToStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod",
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:1/none"))
                .hasStackTraceContaining("samverkan.security.issuer-uri")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.toString()).doesNotContain("spring.r2dbc.url ("));
    }

    @Test
    void prodServesNoDevTokensNoGraphiqlNoIntrospectionAndNoDemoPeople() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "localhost:" + pg.getPort() + "/postgres";
            SpringApplication app = new SpringApplication(SamverkanApplication.class);
            try (ConfigurableApplicationContext context = app.run("--spring.profiles.active=prod", "--server.port=0",
                    "--spring.r2dbc.url=r2dbc:postgresql://" + url, "--spring.r2dbc.username=postgres",
                    "--spring.r2dbc.password=postgres",
                    "--samverkan.security.issuer-uri=http://127.0.0.1:9/realms/samverkan")) {
                int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
                http.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .bodyValue("user=admin").exchange().expectStatus().isNotFound();
                http.get().uri("/dev/jwks").exchange().expectStatus().isNotFound();
                http.get().uri("/graphiql").exchange().expectStatus().isNotFound();
                http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"query\":\"{ counties { code } party(code: \\\"karlskrona\\\") { name } }\"}")
                        .exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.data.counties.length()").isEqualTo(2)
                        .jsonPath("$.data.party.name").isEqualTo("Karlskrona kommun");
                // no introspection in production, said as a typed error and, to a GraphQL-over-HTTP client, as 400
                http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.parseMediaType("application/graphql-response+json"))
                        .bodyValue("{\"query\":\"{ __schema { types { name } } }\"}")
                        .exchange().expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.data").doesNotExist()
                        .jsonPath("$.errors[0].extensions.classification").isEqualTo("IntrospectionDisabled");
                http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"query\":\"{ __type(name: \\\"Body\\\") { fields { name } } }\"}")
                        .exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.data").doesNotExist()
                        .jsonPath("$.errors[0].extensions.classification").isEqualTo("IntrospectionDisabled");
                // __typename stays (clients need it), and an unknown field suggests no other names
                http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"query\":\"{ __typename party(code: \\\"karlskrona\\\") { nme } }\"}")
                        .exchange().expectStatus().isOk()
                        .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                                .contains("Field 'nme' in type 'Party' is undefined").doesNotContain("Did you mean", "'name'"));
                http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"query\":\"{ __typename }\"}")
                        .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
                try (var c = pg.getPostgresDatabase().getConnection(); var rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM person")) {
                    rs.next();
                    org.assertj.core.api.Assertions.assertThat(rs.getInt(1)).as("demo people in prod").isZero();
                }
            }
        }
    }

    @Test
    void prodRefusesTheDevIssuer() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod",
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:1/none",
                "--samverkan.security.issuer-uri=http://localhost:1/realms/samverkan",
                "--samverkan.security.dev-issuer.enabled=true",
                "--samverkan.security.dev-issuer.allow-external-database=true"))
                .hasStackTraceContaining("dev-issuer.enabled must be false in production");
    }

    @Test
    void theDefaultDevProfileRefusesAConfiguredDatabase() {
        assertThatThrownBy(() -> start("--spring.r2dbc.url=r2dbc:postgresql://db.example:5432/samverkan"))
                .hasStackTraceContaining("The dev issuer (POST /dev/tokens, demo users) runs only on the embedded database");
    }
}
