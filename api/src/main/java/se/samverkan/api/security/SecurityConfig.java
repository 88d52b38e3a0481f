package se.samverkan.api.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import se.samverkan.tenancy.Mandates;
import se.samverkan.tenancy.PrincipalConverter;
import se.samverkan.tenancy.TokenValidation;

/**
 * The API is an OAuth2 resource server. Every request may come without a token (anonymous callers see public data
 * only); a request that brings a token that fails any check gets 401, never public data. What an authenticated caller
 * may do is decided per operation, not per URL.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, Mandates mandates,
            Clock clock) {
        JwtReactiveAuthenticationManager checks = new JwtReactiveAuthenticationManager(decoder);
        checks.setJwtAuthenticationConverter(new PrincipalConverter(mandates));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                        .authenticationManager(new RecentTokens(checks, clock))))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "samverkan.security.dev-issuer.enabled", havingValue = "true")
    DevIssuer devIssuer(SecurityProperties properties, Environment environment, Clock clock) {
        String configured = properties.devIssuer().issuer();
        return new DevIssuer(() -> configured != null ? configured
                : "http://localhost:" + environment.getRequiredProperty("local.server.port") + "/dev",
                properties.audience(), clock);
    }

    /**
     * One decoder path for both issuers: the issuer's discovery document names its JWKS, the keys are fetched from
     * there — Keycloak's realm, or the service's own dev issuer over HTTP — and the same validators check lifetime,
     * subject, issuer, audience and organisation. Algorithms are pinned by the keys, never taken from the token.
     * Resolved on first use, because the dev issuer is this very server.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<DevIssuer> devIssuer) {
        DevIssuer dev = devIssuer.getIfAvailable();
        if (dev == null && (properties.issuerUri() == null || properties.issuerUri().isBlank())) {
            throw new IllegalStateException("samverkan.security.issuer-uri is not set: configure the Keycloak realm "
                    + "URL (SAMVERKAN_SECURITY_ISSUER_URI), or run the dev profile");
        }
        Supplier<ReactiveJwtDecoder> decoder = SingletonSupplier.of(() -> {
            String issuer = dev != null ? dev.issuer() : properties.issuerUri();
            NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
            nimbus.setJwtValidator(TokenValidation.validator(issuer, properties.audience()));
            return nimbus;
        });
        return token -> decoder.get().decode(token);
    }
}
