package se.samverkan.api.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings.
 *
 * @param issuerUri the Keycloak realm URL tokens must come from, e.g. {@code https://kc.example/realms/samverkan};
 *                  required in production, where keys are fetched from its discovery document
 * @param audience  the {@code aud} every token must carry (default {@code samverkan-api})
 * @param devIssuer the service's own issuer for the demo users (dev profile only)
 */
@ConfigurationProperties("samverkan.security")
public record SecurityProperties(@Nullable String issuerUri, String audience, DevIssuer devIssuer) {

    public SecurityProperties {
        audience = audience == null || audience.isBlank() ? "samverkan-api" : audience;
        devIssuer = devIssuer == null ? new DevIssuer(false, null, null) : devIssuer;
    }

    /**
     * @param enabled       whether the service issues tokens itself ({@code POST /dev/tokens})
     * @param issuer        the {@code iss} of its tokens (default {@code http://localhost:<server port>/dev}, where its
     *                      discovery document is served)
     * @param tokenLifetime how long its tokens live (default 8 hours)
     */
    public record DevIssuer(boolean enabled, @Nullable String issuer, @Nullable Duration tokenLifetime) {

        public DevIssuer {
            issuer = issuer == null || issuer.isBlank() ? null : issuer;
            tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        }
    }
}
