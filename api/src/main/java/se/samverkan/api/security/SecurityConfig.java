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
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Flux;
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
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, Mandates mandates) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                        .jwtDecoder(decoder)
                        .jwtAuthenticationConverter(new PrincipalConverter(mandates))))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "samverkan.security.dev-issuer.enabled", havingValue = "true")
    DevIssuer devIssuer(SecurityProperties properties) {
        return new DevIssuer(properties.devIssuer().issuer(), properties.audience(), Clock.systemUTC());
    }

    /**
     * One decoder path for both issuers: the keys come from the service's own dev issuer or from Keycloak's JWKS, and
     * the same validators check issuer, audience, lifetime and organisation. Algorithms are pinned by the keys, never
     * taken from the token's header.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<DevIssuer> devIssuer) {
        DevIssuer dev = devIssuer.getIfAvailable();
        NimbusReactiveJwtDecoder decoder;
        String issuer;
        if (dev != null) {
            issuer = dev.issuer();
            decoder = NimbusReactiveJwtDecoder
                    .withJwkSource(signedJwt -> Flux.fromIterable(dev.publicKeys().getKeys()))
                    .build();
        } else {
            issuer = properties.issuerUri();
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalStateException("samverkan.security.issuer-uri is not set: configure the Keycloak realm "
                        + "URL (SAMVERKAN_SECURITY_ISSUER_URI), or run the dev profile");
            }
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
        }
        decoder.setJwtValidator(TokenValidation.validator(issuer, properties.audience()));
        return decoder;
    }
}
