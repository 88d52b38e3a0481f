package se.samverkan.domain.structure;

import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

/**
 * A body (råd / grupp / forum) the parties run together: LSVO, PSVO, a collaboration group, Norrbotten's political
 * preparatory body. No single party owns it, except a municipality's own public-health council (POL-04).
 *
 * @param shortName    stable short name unique within the county, e.g. {@code LSVO}
 * @param bindsParties whether the body's decisions bind the parties; LSVO (LSVO-16) and the regional council
 *                     (AGR-04) cannot — their members decide within their own mandates
 * @param ownerParty   the party that owns the body, where one does (a municipal public-health council)
 */
public record Body(
        BodyId id,
        String countyCode,
        String shortName,
        String name,
        BodyKind kind,
        BodyLevel level,
        boolean bindsParties,
        @Nullable String description,
        @Nullable PartyId ownerParty,
        Period validity) {

    public Body {
        if (!shortName.matches("[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö_-]*")) {
            throw new DomainException("", "body short name '" + shortName + "' must be letters, digits, '-' or '_'");
        }
    }
}
