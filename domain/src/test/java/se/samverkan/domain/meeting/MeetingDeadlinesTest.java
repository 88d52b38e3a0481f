package se.samverkan.domain.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.Lead;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SubmissionDeadline;
import se.samverkan.domain.rulebook.SubmissionRule;

class MeetingDeadlinesTest {

    private static final LocalDate MEETING = LocalDate.of(2027, 1, 28);

    @Test
    void LSVO_08_11_24_acceptance_theFourDatesOfTheMeetingOnJanuary28() {
        MeetingDeadlines deadlines = MeetingDeadlines.of(MEETING, TestRulebooks.lsvo());

        assertThat(deadlines.noticeDue()).isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(deadlines.decisionDocumentsDue()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(deadlines.otherDocumentsDue()).isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(deadlines.preparationMeeting()).isEqualTo(LocalDate.of(2027, 1, 8));
    }

    @Test
    void PSVO_06_aRulebookWithoutSubmissionsOrPreparationHasOnlyANoticeDate() {
        MeetingDeadlines deadlines = MeetingDeadlines.of(LocalDate.of(2027, 3, 10), TestRulebooks.psvo());

        assertThat(deadlines.noticeDue()).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(deadlines.decisionDocumentsDue()).isNull();
        assertThat(deadlines.otherDocumentsDue()).isNull();
        assertThat(deadlines.preparationMeeting()).isNull();
    }

    @Test
    void aRulebookThatSetsNothingGivesNoDates() {
        assertThat(MeetingDeadlines.of(MEETING, TestRulebooks.silent()))
                .isEqualTo(new MeetingDeadlines(null, null, null, null));
    }

    @Test
    void LSVO_11_aMatterTypeWithoutADeadlineHasNoDocumentDate() {
        Rulebook lsvo = TestRulebooks.lsvo();

        assertThat(MeetingDeadlines.documentsDue(MEETING, lsvo, MatterType.DECISION))
                .isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(MeetingDeadlines.documentsDue(MEETING, lsvo, MatterType.INFORMATION))
                .isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(MeetingDeadlines.documentsDue(MEETING, lsvo, MatterType.DISCUSSION)).isNull();
        assertThat(MeetingDeadlines.documentsDue(MEETING, TestRulebooks.psvo(), MatterType.DECISION)).isNull();
    }

    @Test
    void LSVO_11_onlyTheDecisionDeadlineSetLeavesOtherDocumentsWithoutADate() {
        SubmissionRule decisionOnly = new SubmissionRule(Set.of(Actor.MEMBER),
                List.of(new SubmissionDeadline(MatterType.DECISION, new Lead(21, DayUnit.WEEKDAYS), "LSVO-11")),
                Set.of(), Set.of(), "LSVO-10");
        Rulebook rulebook = TestRulebooks.rulebook("decision-only", null, null, null, decisionOnly, null);

        MeetingDeadlines deadlines = MeetingDeadlines.of(MEETING, rulebook);

        assertThat(deadlines.decisionDocumentsDue()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(deadlines.otherDocumentsDue()).isNull();
        assertThat(deadlines.noticeDue()).isNull();
        assertThat(deadlines.preparationMeeting()).isNull();
    }
}
