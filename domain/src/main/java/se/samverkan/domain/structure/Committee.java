package se.samverkan.domain.structure;

import java.util.List;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;

/**
 * A committee (nämnd), board (styrelse) or preparatory committee (beredning) of one party. It receives minutes and
 * recommendations from the bodies (LSVO-14, PSVO-11, LSVO-27) in its inbox.
 *
 * @param code         stable code unique within the party, e.g. {@code hsn}, {@code ks}
 * @param subjectAreas codes of the subject areas the committee is concerned with ("berörda nämnder")
 */
public record Committee(
        CommitteeId id,
        PartyId party,
        String code,
        String name,
        CommitteeKind kind,
        List<String> subjectAreas,
        Period validity) {

    public Committee {
        if (!code.matches("[a-z][a-z0-9-]*")) {
            throw new DomainException("", "committee code '" + code + "' must be lower-case letters, digits or '-'");
        }
        subjectAreas = List.copyOf(subjectAreas);
    }
}
