package se.samverkan.api.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import se.samverkan.api.SamverkanApplication;

/** The prod profile refuses to start without a database and a Keycloak issuer of its own. */
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
    void prodRefusesTheDevIssuer() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod",
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:1/none",
                "--samverkan.security.issuer-uri=http://localhost:1/realms/samverkan",
                "--samverkan.security.dev-issuer.enabled=true"))
                .hasStackTraceContaining("dev-issuer.enabled must be false in production");
    }
}
