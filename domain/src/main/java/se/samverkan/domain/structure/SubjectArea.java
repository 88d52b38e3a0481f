package se.samverkan.domain.structure;

import se.samverkan.domain.DomainException;

/**
 * A subject area (sakområde), e.g. äldre, funktionshinder, IFO, skola/barn och unga, hälso- och sjukvård. Seats
 * carry subject areas; LSVO-18 asks for the members responsible for a matter's subject areas.
 */
public record SubjectArea(String code, String name) {

    public SubjectArea {
        if (!code.matches("[a-z][a-z0-9-]*")) {
            throw new DomainException("", "subject area code '" + code + "' must be lower-case letters, digits or '-'");
        }
    }
}
