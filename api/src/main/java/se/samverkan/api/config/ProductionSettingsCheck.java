package se.samverkan.api.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * In the {@code prod} profile the service needs a database and a Keycloak issuer of its own; without them it refuses
 * to start, naming what is missing, rather than falling back to anything made for development. And the dev issuer,
 * which gives anyone a token, refuses to run against a configured (real) database.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean devIssuer = environment.getProperty("samverkan.security.dev-issuer.enabled", Boolean.class, false);
        if (devIssuer && StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))
                && !environment.getProperty("samverkan.security.dev-issuer.allow-external-database", Boolean.class, false)) {
            // the dev profile hands out tokens to anyone who asks: never against a real database by accident
            throw new IllegalStateException("The dev issuer (POST /dev/tokens, demo users) runs only on the embedded "
                    + "database. Against " + environment.getProperty("spring.r2dbc.url") + " run the prod profile "
                    + "(--spring.profiles.active=prod), or set samverkan.security.dev-issuer.allow-external-database=true "
                    + "for a throw-away database.");
        }
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))) {
            missing.add("spring.r2dbc.url (SPRING_R2DBC_URL), e.g. r2dbc:postgresql://db:5432/samverkan");
        }
        if (!StringUtils.hasText(environment.getProperty("samverkan.security.issuer-uri"))) {
            missing.add("samverkan.security.issuer-uri (SAMVERKAN_SECURITY_ISSUER_URI), e.g. "
                    + "https://keycloak.example/realms/samverkan");
        }
        if (devIssuer) {
            missing.add("samverkan.security.dev-issuer.enabled must be false in production");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start without:\n  - " + String.join("\n  - ", missing));
        }
    }
}
