package se.samverkan.domain.structure;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;

/**
 * A person who holds or has held seats. Matched to a token by its subject ({@code sub}); the token says who the
 * caller is and from where, the appointments say which mandates they hold.
 *
 * @param username the login name, e.g. {@code sekreterare.lsvo}; absent for people without a login
 * @param partyCode the party the person works for, where known
 */
public record Person(PersonId id, String name, @Nullable String username, @Nullable String partyCode) {

    public Person {
        if (name.isBlank()) {
            throw new DomainException("", "a person needs a name");
        }
    }

    /** The token subject ({@code sub}) of this person: the id, which the realm export gives the same user. */
    public String subject() {
        return id.toString();
    }
}
