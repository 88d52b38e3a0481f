package se.samverkan.domain.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.structure.BodyId;

/**
 * A matter (ärende) submitted to a body (LSVO-10): its documents come in by a deadline (LSVO-11), the preparation
 * group places it on a meeting (LSVO-23), the notice puts it on the agenda.
 *
 * @param decisionCategory for a decision matter, which quorum rule applies (LSVO-17..19); absent otherwise
 * @param documentsCompleteOn the day the last document came in, the day LSVO-11 counts from
 * @param admittedLateBy who admitted it without full preparation (LSVO-12), if anyone did
 * @param forwardedFrom the matter of another body this one was forwarded from (LSVO-28)
 */
public record Matter(
        UUID id,
        BodyId body,
        String title,
        String description,
        MatterType type,
        @Nullable DecisionCategory decisionCategory,
        List<String> subjectAreas,
        MatterState state,
        String submittedBy,
        Instant submittedAt,
        @Nullable LocalDate documentsCompleteOn,
        @Nullable UUID meeting,
        @Nullable Integer agendaPosition,
        @Nullable Boolean prepared,
        @Nullable Boolean anchored,
        @Nullable String admittedLateBy,
        @Nullable String complementRequest,
        @Nullable String stateNote,
        @Nullable UUID forwardedFrom,
        int version) {

    public Matter {
        if (title.isBlank() || title.length() > 200) {
            throw new DomainException("", "a matter's title must be 1 to 200 characters");
        }
        if (description.isBlank() || description.length() > 10_000) {
            throw new DomainException("", "a matter's description must be 1 to 10 000 characters");
        }
        if ((type == MatterType.DECISION) != (decisionCategory != null)) {
            throw new DomainException("LSVO-17", type == MatterType.DECISION
                    ? "a decision matter needs its decision category (FORUM_WIDE, SUBJECT_AREA or FINANCIAL)"
                    : "only a decision matter has a decision category");
        }
        if (decisionCategory == DecisionCategory.SUBJECT_AREA && subjectAreas.isEmpty()) {
            throw new DomainException("LSVO-18", "a subject-area decision must name its subject areas");
        }
        subjectAreas = List.copyOf(subjectAreas);
    }

    /** The day its documents count as in: the last document's day, or the submission day if it has none. */
    public LocalDate documentsOn() {
        return documentsCompleteOn != null ? documentsCompleteOn : submittedAt.atZone(Meeting.ZONE).toLocalDate();
    }

    public Matter after(MatterState.Action action) {
        return with(state.after(action), meeting, agendaPosition);
    }

    public Matter with(MatterState newState, @Nullable UUID newMeeting, @Nullable Integer newPosition) {
        return new Matter(id, body, title, description, type, decisionCategory, subjectAreas, newState, submittedBy,
                submittedAt, documentsCompleteOn, newMeeting, newPosition, prepared, anchored, admittedLateBy,
                complementRequest, stateNote, forwardedFrom, version);
    }
}
