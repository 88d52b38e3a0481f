package se.samverkan.tenancy;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** Turns a validated token into a {@link PrincipalAuthentication}, with the seats its subject holds. */
public final class PrincipalConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final Mandates mandates;

    public PrincipalConverter(Mandates mandates) {
        this.mandates = mandates;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Principal fromToken = KeycloakClaims.principal(jwt);
        return mandates.seatsHeldBy(jwt.getSubject())
                .map(fromToken::withSeats)
                .map(principal -> new PrincipalAuthentication(principal, jwt));
    }
}
