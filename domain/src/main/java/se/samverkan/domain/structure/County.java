package se.samverkan.domain.structure;

import se.samverkan.domain.DomainException;

/**
 * A county (län), e.g. Blekinge (10) or Norrbotten (25).
 *
 * @param code   lower-case stable code used in the API, e.g. {@code blekinge}
 * @param number the official county number (länsnummer)
 * @param name   display name, e.g. {@code Blekinge län}
 */
public record County(String code, int number, String name) {

    public County {
        if (!code.matches("[a-z][a-z0-9-]*")) {
            throw new DomainException("", "county code '" + code + "' must be lower-case letters, digits or '-'");
        }
        if (number < 1 || number > 99) {
            throw new DomainException("", "county number " + number + " is outside 1..99");
        }
    }
}
