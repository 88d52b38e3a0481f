package se.samverkan.domain.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkan.domain.DomainException;

class SubmissionRuleTest {

    /** LSVO-10..12: any member submits; decision documents 21 weekdays before, other matters 10. */
    private static SubmissionRule lsvo() {
        return new SubmissionRule(Set.of(Actor.MEMBER),
                List.of(new SubmissionDeadline(MatterType.DECISION, new Lead(21, DayUnit.WEEKDAYS), "LSVO-11"),
                        new SubmissionDeadline(MatterType.INFORMATION, new Lead(10, DayUnit.WEEKDAYS), "LSVO-11"),
                        new SubmissionDeadline(MatterType.DISCUSSION, new Lead(10, DayUnit.WEEKDAYS), "LSVO-11")),
                Set.of(Actor.CHAIR, Actor.SECRETARY), Set.of(Actor.CHAIR, Actor.BODY), "LSVO-10");
    }

    @Test
    void LSVO_11_decisionDocumentsAreDue21WeekdaysBefore() {
        assertThat(lsvo().deadlineFor(MatterType.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.lead()).isEqualTo(new Lead(21, DayUnit.WEEKDAYS));
            assertThat(d.rule()).isEqualTo("LSVO-11");
        });
    }

    @Test
    void LSVO_11_informationDocumentsAreDue10WeekdaysBefore() {
        assertThat(lsvo().deadlineFor(MatterType.INFORMATION)).hasValueSatisfying(d -> {
            assertThat(d.lead()).isEqualTo(new Lead(10, DayUnit.WEEKDAYS));
            assertThat(d.rule()).isEqualTo("LSVO-11");
        });
    }

    @Test
    void LSVO_11_otherMattersAreDue10WeekdaysBefore() {
        assertThat(lsvo().deadlineFor(MatterType.DISCUSSION)).map(SubmissionDeadline::lead)
                .contains(new Lead(10, DayUnit.WEEKDAYS));
    }

    @Test
    void aMatterTypeTheRulebookSetsNoDeadlineForHasNone() {
        SubmissionRule onlyDecisions = new SubmissionRule(Set.of(Actor.MEMBER),
                List.of(new SubmissionDeadline(MatterType.DECISION, new Lead(21, DayUnit.WEEKDAYS), "LSVO-11")),
                Set.of(), Set.of(), "LSVO-10");

        assertThat(onlyDecisions.deadlineFor(MatterType.DECISION)).isPresent();
        assertThat(onlyDecisions.deadlineFor(MatterType.INFORMATION)).isEmpty();
    }

    @Test
    void LSVO_12_lateMattersAreAdmittedByTheChairOrTheBodyAndTheSetsAreCopied() {
        Set<Actor> admittedBy = new HashSet<>(Set.of(Actor.CHAIR, Actor.BODY));
        SubmissionRule rule = new SubmissionRule(Set.of(Actor.MEMBER), List.of(), Set.of(), admittedBy, "LSVO-12");

        admittedBy.add(Actor.MEMBER);

        assertThat(rule.lateMatterAdmittedBy()).containsExactlyInAnyOrder(Actor.CHAIR, Actor.BODY);
    }

    @Test
    void PSVO_06_leadInCalendarDays() {
        NoticeRule psvo = new NoticeRule(Actor.CHAIR, new Lead(7, DayUnit.CALENDAR_DAYS), "PSVO-06");

        assertThat(psvo.lead().unit()).isEqualTo(DayUnit.CALENDAR_DAYS);
        assertThat(psvo.lead().amount()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 367})
    void leadOutside0To366IsRejected(int amount) {
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> new Lead(amount, DayUnit.WEEKDAYS));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 366})
    void leadAtTheEndsOf0To366IsAccepted(int amount) {
        assertThat(new Lead(amount, DayUnit.CALENDAR_DAYS).amount()).isEqualTo(amount);
    }

    @Test
    void aSubmissionDeadlineMustNameARuleOfTheCatalogue() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new SubmissionDeadline(MatterType.DECISION, new Lead(21, DayUnit.WEEKDAYS), "LSVO-1"));
    }
}
