package se.samverkan.tenancy;

import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

/**
 * Turns a validated token into a {@link PrincipalAuthentication}, with the seats its subject holds. A token whose
 * organisation is no party existing today is refused (401) like any other invalid token.
 */
public final class PrincipalConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final Mandates mandates;

    public PrincipalConverter(Mandates mandates) {
        this.mandates = mandates;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Principal fromToken = KeycloakClaims.principal(jwt);
        String party = Objects.requireNonNull(fromToken.partyCode(), "validated tokens carry an organisation");
        return mandates.seatsHeldBy(Objects.requireNonNull(jwt.getSubject(), "validated tokens carry a subject"), party)
                .switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException(
                        "the token's organisation '" + party + "' is not a party of this service")))
                .map(fromToken::withSeats)
                .map(principal -> new PrincipalAuthentication(principal, jwt));
    }
}
