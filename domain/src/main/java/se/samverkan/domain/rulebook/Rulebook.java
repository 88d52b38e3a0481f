package se.samverkan.domain.rulebook;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.RulebookId;

/**
 * A body's rulebook (arbetsordning), one version of it. Every value comes with the id of its rule; a value the
 * body's documents do not set is absent, never defaulted in code.
 *
 * @param inForceFrom     when this version takes effect; the version in force on a date is the latest that started
 * @param decidedOn       the decision date, where the document gives one (LSVO-29: 2024-02-16)
 * @param nextRevisionDue when the rulebook must be revised (LSVO-29: 2026-12-31)
 * @param source          the source document, e.g. {@code seeds/002_e189a2b978bc2a8a.txt}
 */
public record Rulebook(
        RulebookId id,
        BodyId body,
        String version,
        LocalDate inForceFrom,
        @Nullable LocalDate decidedOn,
        @Nullable String decidedBy,
        @Nullable LocalDate nextRevisionDue,
        @Nullable String source,
        @Nullable MeetingMinimum meetingMinimum,
        @Nullable ExtraMeetingRule extraMeetings,
        @Nullable NoticeRule notice,
        @Nullable AgendaRule agenda,
        @Nullable SubmissionRule submissions,
        @Nullable PreparationRule preparation,
        @Nullable MinutesRule minutes,
        @Nullable DistributionRule distribution,
        @Nullable PublicationRule publication,
        List<QuorumRule> quorum,
        @Nullable DeclarationRule declarations,
        @Nullable ChairRule chair,
        @Nullable SecretaryRule secretary,
        @Nullable MeetingControlRule meetingControl,
        @Nullable RecommendationRule recommendations) {

    public Rulebook {
        if (!version.matches("\\d+(\\.\\d+)*")) {
            throw new DomainException("", "rulebook version '" + version + "' is not a dotted number such as 1.0");
        }
        if (decidedOn != null && decidedOn.isAfter(inForceFrom)) {
            throw new DomainException("", "rulebook " + version + " is in force (" + inForceFrom
                    + ") before it was decided (" + decidedOn + ")");
        }
        if (nextRevisionDue != null && nextRevisionDue.isBefore(inForceFrom)) {
            throw new DomainException("", "rulebook " + version + " is due for revision before it is in force");
        }
        long categories = quorum.stream().map(QuorumRule::category).distinct().count();
        if (categories != quorum.size()) {
            throw new DomainException("", "rulebook " + version + " has two quorum rules for one decision category");
        }
        quorum = List.copyOf(quorum);
    }

    public Optional<QuorumRule> quorumFor(DecisionCategory category) {
        return quorum.stream().filter(q -> q.category() == category).findFirst();
    }

    /** Whether the rulebook has passed its revision date (LSVO-29) on the given day. */
    public boolean pastRevision(LocalDate today) {
        return pastRevision(nextRevisionDue, today);
    }

    /** Whether a rulebook due for revision on this date (LSVO-29) is past it today; never without a date. */
    public static boolean pastRevision(@Nullable LocalDate nextRevisionDue, LocalDate today) {
        return nextRevisionDue != null && today.isAfter(nextRevisionDue);
    }

    /**
     * The version in force on a date among a body's versions: the one that started last on or before it. Empty before
     * the first.
     */
    public static Optional<Rulebook> inForceOn(LocalDate date, List<Rulebook> versions) {
        return versions.stream()
                .filter(r -> !r.inForceFrom().isAfter(date))
                .max((a, b) -> a.inForceFrom().compareTo(b.inForceFrom()));
    }
}
