package se.samverkan.domain.meeting;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SubmissionDeadline;

/**
 * The deadlines of one meeting, all from the rulebook in force on the meeting date: when the notice is due
 * (LSVO-08, PSVO-06), when documents for decision and other matters are due (LSVO-11), and when the preparation group
 * meets (LSVO-24). A deadline the rulebook does not set is absent.
 */
public record MeetingDeadlines(@Nullable LocalDate noticeDue, @Nullable LocalDate decisionDocumentsDue,
        @Nullable LocalDate otherDocumentsDue, @Nullable LocalDate preparationMeeting) {

    public static MeetingDeadlines of(LocalDate meeting, Rulebook rulebook) {
        return new MeetingDeadlines(
                rulebook.notice() == null ? null : Deadlines.due(meeting, rulebook.notice().lead()),
                documentsDue(meeting, rulebook, MatterType.DECISION),
                documentsDue(meeting, rulebook, MatterType.INFORMATION),
                rulebook.preparation() == null ? null : Deadlines.due(meeting, rulebook.preparation().lead()));
    }

    /** When documents for a matter of this type are due for the meeting, or absent if the rulebook sets no deadline. */
    public static @Nullable LocalDate documentsDue(LocalDate meeting, Rulebook rulebook, MatterType type) {
        if (rulebook.submissions() == null) {
            return null;
        }
        return rulebook.submissions().deadlineFor(type).map(SubmissionDeadline::lead)
                .map(lead -> Deadlines.due(meeting, lead)).orElse(null);
    }
}
