package se.samverkan.domain.rulebook;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.RuleIds;

/**
 * How matters reach a meeting: who may submit (LSVO-10), the document deadlines by matter type and who checks them
 * (LSVO-11), and who may admit a late matter (LSVO-12).
 *
 * @param rule               the rule of submission itself (LSVO-10)
 * @param complementRule     the rule that lets {@code complementRequestedBy} ask for a complement (LSVO-11)
 * @param lateAdmissionRule  the rule that lets {@code lateMatterAdmittedBy} admit a late matter (LSVO-12)
 */
public record SubmissionRule(Set<Actor> submittedBy, List<SubmissionDeadline> deadlines, Set<Actor> complementRequestedBy,
        Set<Actor> lateMatterAdmittedBy, String rule, @Nullable String complementRule, @Nullable String lateAdmissionRule) {

    public SubmissionRule(Set<Actor> submittedBy, List<SubmissionDeadline> deadlines, Set<Actor> complementRequestedBy,
            Set<Actor> lateMatterAdmittedBy, String rule) {
        this(submittedBy, deadlines, complementRequestedBy, lateMatterAdmittedBy, rule, null, null);
    }

    public SubmissionRule {
        RuleIds.require(rule);
        if (complementRule != null) {
            RuleIds.require(complementRule);
        }
        if (lateAdmissionRule != null) {
            RuleIds.require(lateAdmissionRule);
        }
        if (deadlines.stream().map(SubmissionDeadline::matterType).distinct().count() != deadlines.size()) {
            throw new DomainException(rule, "two document deadlines for one matter type");
        }
        submittedBy = Set.copyOf(submittedBy);
        deadlines = List.copyOf(deadlines);
        complementRequestedBy = Set.copyOf(complementRequestedBy);
        lateMatterAdmittedBy = Set.copyOf(lateMatterAdmittedBy);
    }

    public Optional<SubmissionDeadline> deadlineFor(MatterType type) {
        return deadlines.stream().filter(d -> d.matterType() == type).findFirst();
    }
}
