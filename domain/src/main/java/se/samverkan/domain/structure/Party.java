package se.samverkan.domain.structure;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

/**
 * A party (huvudman / part) to the collaboration: a municipality, a region, a county council or a municipal
 * association. The party is the tenant: its internal handling is visible to it alone.
 *
 * @param code               stable lower-case code, also the token's {@code organisation} claim, e.g. {@code karlskrona}
 * @param organisationNumber the Swedish organisation number (organisationsnummer) where known
 * @param validity           when the party exists; a party that merges away ends and names its successor
 * @param successor          the party that took over (AGR-02: Landstinget Blekinge → Region Blekinge)
 * @param formerNames        earlier names of the same legal person, e.g. Norrbottens läns landsting
 */
public record Party(
        PartyId id,
        String code,
        String countyCode,
        String name,
        PartyKind kind,
        @Nullable String organisationNumber,
        Period validity,
        @Nullable PartyId successor,
        List<FormerName> formerNames) {

    public Party {
        if (!code.matches("[a-z][a-z0-9-]*")) {
            throw new DomainException("", "party code '" + code + "' must be lower-case letters, digits or '-'");
        }
        if (organisationNumber != null && !organisationNumber.matches("\\d{6}-\\d{4}")) {
            throw new DomainException("", "organisation number '" + organisationNumber + "' is not of the form NNNNNN-NNNN");
        }
        if (successor != null && validity.to() == null) {
            throw new DomainException("AGR-02", "party '" + code + "' names a successor but never ends");
        }
        formerNames = List.copyOf(formerNames);
    }

    public boolean existsOn(LocalDate date) {
        return validity.contains(date);
    }

    /** A name the party carried until a date (namnbyte): the same legal person under another name. */
    public record FormerName(String name, LocalDate until) {
    }
}
