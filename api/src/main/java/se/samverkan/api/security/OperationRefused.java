package se.samverkan.api.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * An operation refused by its access before it ran. {@code anonymous} tells UNAUTHORIZED (sign in) from FORBIDDEN
 * (signed in, but not allowed) also where Spring Security cannot tell, on a subscription's stream.
 */
public final class OperationRefused extends AccessDeniedException {

    private final boolean anonymous;

    OperationRefused(String message, boolean anonymous) {
        super(message);
        this.anonymous = anonymous;
    }

    public boolean anonymous() {
        return anonymous;
    }
}
