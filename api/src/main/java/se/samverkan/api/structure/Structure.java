package se.samverkan.api.structure;

import java.util.List;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyRelation;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SubjectArea;

/** Everything the structure files describe, validated and with every reference resolved. */
public record Structure(
        List<County> counties,
        List<SubjectArea> subjectAreas,
        List<Party> parties,
        List<Committee> committees,
        List<Body> bodies,
        List<BodyRelation> relations,
        List<Rulebook> rulebooks,
        List<Seat> seats,
        List<Login> people,
        List<Appointment> appointments,
        List<Agreement> agreements) {

    /** A person, and the realm roles of their login where they have one (demo users). */
    public record Login(Person person, List<String> roles) {
    }
}
