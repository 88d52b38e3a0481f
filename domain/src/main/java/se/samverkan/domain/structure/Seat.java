package se.samverkan.domain.structure;

import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

/**
 * A seat (plats) in a body, defined by party and function and the subject areas it answers for — not by the person
 * who holds it: people come and go through appointments (förordnanden).
 *
 * @param party                 the party the seat represents; absent for a seat of an outside organisation
 * @param externalOrganisation  the outside organisation a party-less seat belongs to, e.g. Länsstyrelsen (POL-03)
 * @param function              stable function code, also the token's {@code functions} claim, e.g.
 *                              {@code forvaltningschef-aldre}
 * @param title                 display title, e.g. {@code Förvaltningschef äldreomsorg}
 * @param decisionMandate       whether the seat's holder decides within their own mandate (LSVO-16); never for
 *                              co-opted members, experts or secretaries (LSVO-22, PSVO-04)
 * @param committee             the party's committee the seat is tied to, e.g. a PSVO seat held by that committee's chair
 */
public record Seat(
        SeatId id,
        BodyId body,
        String key,
        @Nullable PartyId party,
        @Nullable String externalOrganisation,
        String function,
        String title,
        SeatRole role,
        List<String> subjectAreas,
        boolean decisionMandate,
        @Nullable CommitteeId committee,
        Period validity) {

    public Seat {
        if (party == null && externalOrganisation == null) {
            throw new DomainException("", "seat '" + key + "' must belong to a party or name its outside organisation");
        }
        if (decisionMandate && !role.mayCarryMandate()) {
            throw new DomainException(role == SeatRole.EXPERT ? "PSVO-04" : "LSVO-22",
                    "seat '" + key + "' is " + role + " and cannot carry a decision mandate");
        }
        subjectAreas = List.copyOf(subjectAreas);
    }
}
