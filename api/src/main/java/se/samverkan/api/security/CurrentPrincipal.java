package se.samverkan.api.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;
import se.samverkan.tenancy.Principal;
import se.samverkan.tenancy.PrincipalAuthentication;

/** The caller of the current request, or {@link Principal#ANONYMOUS}. */
public final class CurrentPrincipal {

    private CurrentPrincipal() {
    }

    public static Mono<Principal> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof PrincipalAuthentication auth
                        ? auth.getPrincipal() : null)
                .defaultIfEmpty(Principal.ANONYMOUS);
    }
}
