package se.samverkan.tenancy;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated caller: the validated token and the {@link Principal} made of it. */
public final class PrincipalAuthentication extends AbstractAuthenticationToken {

    private final Principal principal;
    private final Jwt token;

    public PrincipalAuthentication(Principal principal, Jwt token) {
        super(authorities(principal));
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(Principal principal) {
        return principal.roles().stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public Principal getPrincipal() {
        return principal;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return principal.subject() == null ? "anonymous" : principal.subject();
    }
}
