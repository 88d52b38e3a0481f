package se.samverkan.tenancy;

import java.util.Optional;

/**
 * Who may call an operation at all — the gate before the rulebook. Which actor of a body may do what (the secretary
 * sends the notice, the chair admits a late matter) is rulebook data and decided by the domain with the rule's id;
 * which rows a caller sees is decided by visibility, row-level security for PARTY rows.
 */
public enum Access {
    /** Anyone, anonymous included; what is returned is what the caller may see, public data at least. */
    ANYONE,
    /** Anyone may ask; the answer holds the caller's own party's rows only, and for anonymous callers nothing. */
    OWN_PARTY_ROWS,
    /** A signed-in caller; anonymous callers are refused. The rulebook then decides which actors may act. */
    SIGNED_IN,
    /** A signed-in caller with the {@code integration} realm role only. */
    INTEGRATION_ROLE,
    /**
     * The administrator, or the secretary of the object's body. Anyone else — a secretary asking of another body's
     * object or of one that does not exist included — is refused alike, so the refusal says nothing of existence.
     */
    ADMIN_OR_BODY_SECRETARY;

    /**
     * Whether the gate refuses this caller for an object that is none of theirs: outright, or (for the body's
     * secretary) because the object is not of their body or does not exist.
     */
    public boolean refuses(Principal caller) {
        return switch (this) {
            case ANYONE, OWN_PARTY_ROWS -> false;
            case SIGNED_IN -> !caller.authenticated();
            case INTEGRATION_ROLE -> !caller.authenticated() || !caller.has(Role.INTEGRATION);
            case ADMIN_OR_BODY_SECRETARY -> !caller.authenticated() || !caller.has(Role.ADMIN);
        };
    }

    /**
     * What the gate refuses before any object is read, with the reason the caller is told: anonymous callers of
     * everything but the open operations, and callers without the role an operation needs. Whether the body's
     * secretary asks of their own body's object is decided where the object is read.
     */
    public Optional<String> refusalBeforeReading(Principal caller) {
        return switch (this) {
            case ANYONE, OWN_PARTY_ROWS -> Optional.empty();
            case SIGNED_IN, ADMIN_OR_BODY_SECRETARY -> caller.authenticated() ? Optional.empty()
                    : Optional.of("sign in first");
            case INTEGRATION_ROLE -> !caller.authenticated() ? Optional.of("sign in first")
                    : caller.has(Role.INTEGRATION) ? Optional.empty()
                    : Optional.of("only integration clients (realm role 'integration') may");
        };
    }
}
