package se.samverkan.domain.meeting;

import java.time.LocalDate;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.rulebook.ExtraMeetingRule;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.NoticeRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SubmissionDeadline;

/** The rules of notice, submission and extra meetings, as pure functions of a body's rulebook. */
public final class MeetingRules {

    private MeetingRules() {
    }

    /** LSVO-08, PSVO-06: a notice sent on {@code sentOn} must meet the rulebook's lead time. */
    public static void checkNoticeInTime(LocalDate sentOn, LocalDate meeting, Rulebook rulebook) {
        NoticeRule notice = rulebook.notice();
        if (notice != null && !Deadlines.onTime(sentOn, meeting, notice.lead())) {
            throw new DeadlinePassed(notice.rule(), "the notice (" + notice.lead().amount() + " "
                    + notice.lead().unit().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ahead)",
                    Deadlines.due(meeting, notice.lead()), meeting);
        }
    }

    /**
     * LSVO-11, LSVO-12: a matter whose documents came in on {@code documentsOn} may be placed on a meeting only if they
     * met the deadline for its type, or if the chair or the body admitted it late.
     */
    public static void checkDocumentsInTime(LocalDate documentsOn, LocalDate meeting, MatterType type, Rulebook rulebook,
            boolean admittedLate) {
        if (admittedLate || rulebook.submissions() == null) {
            return;
        }
        SubmissionDeadline deadline = rulebook.submissions().deadlineFor(type).orElse(null);
        if (deadline != null && !Deadlines.onTime(documentsOn, meeting, deadline.lead())) {
            throw new DeadlinePassed(deadline.rule(), "the documents of this " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " matter (" + deadline.lead().amount() + " "
                    + deadline.lead().unit().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " ahead; admitLateMatter may let it in, LSVO-12)",
                    Deadlines.due(meeting, deadline.lead()), meeting);
        }
    }

    /** Why an extra meeting is due, if it is (LSVO-07, PSVO-05, NB-04). */
    public record ExtraMeetingDue(boolean due, String reason, String rule) {
    }

    /**
     * Whether the requests made so far call an extra meeting: the chair asked, enough distinct members asked (a share
     * of the current members, rounded up), or any party asked — whichever the rulebook allows.
     */
    public static ExtraMeetingDue extraMeeting(ExtraMeetingRule rule, boolean chairAsked, int distinctMembersAsking,
            int currentMembers, boolean aPartyAsked) {
        if (chairAsked && rule.chairMayRequest()) {
            return new ExtraMeetingDue(true, "the chair asked", rule.rule());
        }
        if (rule.memberShare() != null && rule.memberShare().reachedBy(distinctMembersAsking, currentMembers)) {
            return new ExtraMeetingDue(true, distinctMembersAsking + " of " + currentMembers + " members asked (at least "
                    + rule.memberShare() + ": " + rule.memberShare().threshold(currentMembers) + ")", rule.rule());
        }
        if (aPartyAsked && rule.anyPartyMayRequest()) {
            return new ExtraMeetingDue(true, "a party asked", rule.rule());
        }
        String needed = rule.memberShare() == null ? "" : " (" + distinctMembersAsking + " of " + currentMembers
                + " members asked; " + rule.memberShare().threshold(currentMembers) + " needed)";
        return new ExtraMeetingDue(false, "not yet" + needed, rule.rule());
    }

    /** A rulebook value the action needs is missing: the body's documents do not say, so the service cannot either. */
    public static DomainException notInRulebook(String what) {
        return new DomainException("", "the body's rulebook says nothing about " + what);
    }
}
