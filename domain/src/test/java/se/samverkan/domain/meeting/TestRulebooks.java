package se.samverkan.domain.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.ExtraMeetingRule;
import se.samverkan.domain.rulebook.Fraction;
import se.samverkan.domain.rulebook.Lead;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.MeetingMinimum;
import se.samverkan.domain.rulebook.NoticeRule;
import se.samverkan.domain.rulebook.PreparationRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SubmissionDeadline;
import se.samverkan.domain.rulebook.SubmissionRule;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.RulebookId;

/** Rulebooks shaped like LSVO's, PSVO's and the Norrbotten board's, built through the record constructor. */
final class TestRulebooks {

    static final ExtraMeetingRule LSVO_EXTRA = new ExtraMeetingRule(true, new Fraction(1, 3), false, "LSVO-07");
    static final ExtraMeetingRule PSVO_EXTRA = new ExtraMeetingRule(true, new Fraction(1, 3), false, "PSVO-05");
    static final ExtraMeetingRule NB_EXTRA = new ExtraMeetingRule(false, null, true, "NB-04");

    private TestRulebooks() {
    }

    /** LSVO-06..12, LSVO-24: notice 10 weekdays, decision documents 21, other documents 10, preparation 14. */
    static Rulebook lsvo() {
        SubmissionRule submissions = new SubmissionRule(Set.of(Actor.MEMBER),
                List.of(new SubmissionDeadline(MatterType.DECISION, new Lead(21, DayUnit.WEEKDAYS), "LSVO-11"),
                        new SubmissionDeadline(MatterType.INFORMATION, new Lead(10, DayUnit.WEEKDAYS), "LSVO-11")),
                Set.of(Actor.CHAIR, Actor.SECRETARY), Set.of(Actor.CHAIR, Actor.BODY), "LSVO-10");
        return rulebook("lsvo", new MeetingMinimum(8, "LSVO-06"), LSVO_EXTRA,
                new NoticeRule(Actor.SECRETARY, new Lead(10, DayUnit.WEEKDAYS), "LSVO-08"), submissions,
                new PreparationRule("beredningsgruppen", new Lead(14, DayUnit.WEEKDAYS), "LSVO-24"));
    }

    /** PSVO-05, PSVO-06: notice 7 calendar days; no document deadlines, no preparation group. */
    static Rulebook psvo() {
        return rulebook("psvo", new MeetingMinimum(4, "PSVO-05"), PSVO_EXTRA,
                new NoticeRule(Actor.CHAIR, new Lead(7, DayUnit.CALENDAR_DAYS), "PSVO-06"), null, null);
    }

    /** A rulebook that sets nothing about meetings. */
    static Rulebook silent() {
        return rulebook("silent", null, null, null, null, null);
    }

    static Rulebook rulebook(String key, @Nullable MeetingMinimum minimum, @Nullable ExtraMeetingRule extra,
            @Nullable NoticeRule notice, @Nullable SubmissionRule submissions, @Nullable PreparationRule preparation) {
        LocalDate decided = LocalDate.of(2024, 2, 16);
        return new Rulebook(RulebookId.of(key), BodyId.of(key), "1.0", decided, decided, key.toUpperCase(), null,
                null, minimum, extra, notice, null, submissions, preparation, null, null, null, List.of(), null, null,
                null, null, null);
    }
}
