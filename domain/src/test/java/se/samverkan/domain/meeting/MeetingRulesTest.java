package se.samverkan.domain.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.Rulebook;

class MeetingRulesTest {

    /** Thursday 2027-01-28, an LSVO meeting. */
    private static final LocalDate LSVO_MEETING = LocalDate.of(2027, 1, 28);
    /** Wednesday 2027-03-10, a PSVO meeting. */
    private static final LocalDate PSVO_MEETING = LocalDate.of(2027, 3, 10);

    private static final Rulebook LSVO = TestRulebooks.lsvo();
    private static final Rulebook PSVO = TestRulebooks.psvo();

    // ---- checkNoticeInTime ----

    @Test
    void LSVO_08_noticeTenWeekdaysBeforeIsAccepted() {
        LocalDate tenBefore = LocalDate.of(2027, 1, 14);
        assertThat(Deadlines.before(tenBefore, LSVO_MEETING, DayUnit.WEEKDAYS)).isEqualTo(10);

        assertThatCode(() -> MeetingRules.checkNoticeInTime(tenBefore, LSVO_MEETING, LSVO)).doesNotThrowAnyException();
        assertThatCode(() -> MeetingRules.checkNoticeInTime(LocalDate.of(2027, 1, 9), LSVO_MEETING, LSVO))
                .doesNotThrowAnyException();
    }

    @Test
    void LSVO_08_noticeNineWeekdaysBeforeIsRefused() {
        LocalDate nineBefore = LocalDate.of(2027, 1, 15);
        assertThat(Deadlines.before(nineBefore, LSVO_MEETING, DayUnit.WEEKDAYS)).isEqualTo(9);

        assertThatExceptionOfType(DeadlinePassed.class)
                .isThrownBy(() -> MeetingRules.checkNoticeInTime(nineBefore, LSVO_MEETING, LSVO))
                .satisfies(e -> {
                    assertThat(e.ruleId()).isEqualTo("LSVO-08");
                    assertThat(e.due()).isEqualTo(LocalDate.of(2027, 1, 14));
                    assertThat(e).isInstanceOf(DomainException.class);
                })
                .withMessageStartingWith("LSVO-08: ")
                .withMessageContaining("10 weekdays")
                .withMessageContaining("2027-01-14")
                .withMessageContaining("2027-01-28");
    }

    @Test
    void PSVO_06_noticeSevenDaysBeforeIsAccepted() {
        assertThatCode(() -> MeetingRules.checkNoticeInTime(LocalDate.of(2027, 3, 3), PSVO_MEETING, PSVO))
                .doesNotThrowAnyException();
    }

    @Test
    void PSVO_06_noticeSixDaysBeforeIsRefused() {
        assertThatExceptionOfType(DeadlinePassed.class)
                .isThrownBy(() -> MeetingRules.checkNoticeInTime(LocalDate.of(2027, 3, 4), PSVO_MEETING, PSVO))
                .satisfies(e -> {
                    assertThat(e.ruleId()).isEqualTo("PSVO-06");
                    assertThat(e.due()).isEqualTo(LocalDate.of(2027, 3, 3));
                })
                .withMessageContaining("7 calendar days");
    }

    @Test
    void PSVO_06_calendarDaysAreNotWeekdays() {
        // 7 calendar days before the LSVO meeting (Thu Jan 21) is fine for PSVO's rule but only 5 weekdays for LSVO's
        LocalDate jan21 = LocalDate.of(2027, 1, 21);
        assertThatCode(() -> MeetingRules.checkNoticeInTime(jan21, LSVO_MEETING, PSVO)).doesNotThrowAnyException();
        assertThatExceptionOfType(DeadlinePassed.class)
                .isThrownBy(() -> MeetingRules.checkNoticeInTime(jan21, LSVO_MEETING, LSVO));
    }

    @Test
    void aRulebookWithoutANoticeRuleSetsNoNoticeDeadline() {
        assertThatCode(() -> MeetingRules.checkNoticeInTime(LSVO_MEETING, LSVO_MEETING, TestRulebooks.silent()))
                .doesNotThrowAnyException();
    }

    // ---- checkDocumentsInTime ----

    @Test
    void LSVO_11_acceptance_decisionDocumentsFifteenWeekdaysBeforeAreRefused() {
        LocalDate fifteenBefore = LocalDate.of(2027, 1, 7);
        assertThat(Deadlines.before(fifteenBefore, LSVO_MEETING, DayUnit.WEEKDAYS)).isEqualTo(15);

        assertThatExceptionOfType(DeadlinePassed.class)
                .isThrownBy(() -> MeetingRules.checkDocumentsInTime(fifteenBefore, LSVO_MEETING, MatterType.DECISION,
                        LSVO, false))
                .satisfies(e -> {
                    assertThat(e.ruleId()).isEqualTo("LSVO-11");
                    assertThat(e.due()).isEqualTo(LocalDate.of(2026, 12, 23));
                })
                .withMessageContaining("decision")
                .withMessageContaining("21 weekdays")
                .withMessageContaining("LSVO-12");
    }

    @Test
    void LSVO_12_acceptance_lateDecisionDocumentsAdmittedLatePass() {
        assertThatCode(() -> MeetingRules.checkDocumentsInTime(LocalDate.of(2027, 1, 7), LSVO_MEETING,
                MatterType.DECISION, LSVO, true)).doesNotThrowAnyException();
        // even on the meeting day itself
        assertThatCode(() -> MeetingRules.checkDocumentsInTime(LSVO_MEETING, LSVO_MEETING, MatterType.DECISION, LSVO,
                true)).doesNotThrowAnyException();
    }

    @Test
    void LSVO_11_decisionDocumentsTwentyOneWeekdaysBeforePass() {
        assertThatCode(() -> MeetingRules.checkDocumentsInTime(LocalDate.of(2026, 12, 23), LSVO_MEETING,
                MatterType.DECISION, LSVO, false)).doesNotThrowAnyException();
    }

    @Test
    void LSVO_11_decisionDocumentsOnChristmasEveAreRefused() {
        assertThatExceptionOfType(DeadlinePassed.class)
                .isThrownBy(() -> MeetingRules.checkDocumentsInTime(LocalDate.of(2026, 12, 24), LSVO_MEETING,
                        MatterType.DECISION, LSVO, false))
                .satisfies(e -> assertThat(e.due()).isEqualTo(LocalDate.of(2026, 12, 23)));
    }

    @Test
    void LSVO_11_acceptance_informationDocumentsTenWeekdaysBeforePass() {
        assertThatCode(() -> MeetingRules.checkDocumentsInTime(LocalDate.of(2027, 1, 14), LSVO_MEETING,
                MatterType.INFORMATION, LSVO, false)).doesNotThrowAnyException();
    }

    @Test
    void LSVO_11_acceptance_informationDocumentsNineWeekdaysBeforeAreRefused() {
        assertThatExceptionOfType(DeadlinePassed.class)
                .isThrownBy(() -> MeetingRules.checkDocumentsInTime(LocalDate.of(2027, 1, 15), LSVO_MEETING,
                        MatterType.INFORMATION, LSVO, false))
                .satisfies(e -> {
                    assertThat(e.ruleId()).isEqualTo("LSVO-11");
                    assertThat(e.due()).isEqualTo(LocalDate.of(2027, 1, 14));
                })
                .withMessageContaining("information");
    }

    @Test
    void LSVO_12_informationDocumentsNineWeekdaysBeforeAdmittedLatePass() {
        assertThatCode(() -> MeetingRules.checkDocumentsInTime(LocalDate.of(2027, 1, 15), LSVO_MEETING,
                MatterType.INFORMATION, LSVO, true)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(MatterType.class)
    void aRulebookWithoutSubmissionRulesSetsNoDocumentDeadline(MatterType type) {
        assertThatCode(() -> MeetingRules.checkDocumentsInTime(LSVO_MEETING, LSVO_MEETING, type, PSVO, false))
                .doesNotThrowAnyException();
    }

    @Test
    void aMatterTypeTheRulebookSetsNoDeadlineForIsNotChecked() {
        assertThatCode(() -> MeetingRules.checkDocumentsInTime(LSVO_MEETING, LSVO_MEETING, MatterType.DISCUSSION, LSVO,
                false)).doesNotThrowAnyException();
    }

    // ---- extraMeeting ----

    @Test
    void LSVO_07_acceptance_nineOfTwentyFiveMembersCallAnExtraMeeting() {
        MeetingRules.ExtraMeetingDue due = MeetingRules.extraMeeting(TestRulebooks.LSVO_EXTRA, false, 9, 25, false);

        assertThat(due.due()).isTrue();
        assertThat(due.rule()).isEqualTo("LSVO-07");
        assertThat(due.reason()).contains("9 of 25 members").contains("1/3").contains(": 9");
    }

    @Test
    void LSVO_07_acceptance_eightOfTwentyFiveMembersDoNotCallAnExtraMeeting() {
        MeetingRules.ExtraMeetingDue due = MeetingRules.extraMeeting(TestRulebooks.LSVO_EXTRA, false, 8, 25, false);

        assertThat(due.due()).isFalse();
        assertThat(due.rule()).isEqualTo("LSVO-07");
        assertThat(due.reason()).contains("8 of 25 members").contains("9 needed");
    }

    @Test
    void LSVO_07_acceptance_theChairAloneCallsAnExtraMeeting() {
        MeetingRules.ExtraMeetingDue due = MeetingRules.extraMeeting(TestRulebooks.LSVO_EXTRA, true, 0, 25, false);

        assertThat(due.due()).isTrue();
        assertThat(due.rule()).isEqualTo("LSVO-07");
        assertThat(due.reason()).contains("chair");
    }

    @ParameterizedTest(name = "{0} of {1} members: due={2}")
    @CsvSource({
            "9, 25, true",
            "8, 25, false",
            "25, 25, true",
            "0, 25, false",
            "4, 12, true",
            "3, 12, false",
            "1, 3, true",
            "0, 3, false",
            "0, 0, false"})
    void LSVO_07_oneThirdOfTheMembersRoundedUp(int asking, int members, boolean expected) {
        assertThat(MeetingRules.extraMeeting(TestRulebooks.LSVO_EXTRA, false, asking, members, false).due())
                .isEqualTo(expected);
    }

    @Test
    void LSVO_07_aPartyAskingDoesNotCallAnLsvoExtraMeeting() {
        MeetingRules.ExtraMeetingDue due = MeetingRules.extraMeeting(TestRulebooks.LSVO_EXTRA, false, 0, 25, true);

        assertThat(due.due()).isFalse();
        assertThat(due.reason()).contains("0 of 25").contains("9 needed");
    }

    @Test
    void PSVO_05_chairOrOneThirdOfTheCouncilCallsAnExtraMeeting() {
        assertThat(MeetingRules.extraMeeting(TestRulebooks.PSVO_EXTRA, true, 0, 12, false))
                .extracting(MeetingRules.ExtraMeetingDue::due, MeetingRules.ExtraMeetingDue::rule)
                .containsExactly(true, "PSVO-05");
        assertThat(MeetingRules.extraMeeting(TestRulebooks.PSVO_EXTRA, false, 4, 12, false).due()).isTrue();
        assertThat(MeetingRules.extraMeeting(TestRulebooks.PSVO_EXTRA, false, 3, 12, false).due()).isFalse();
    }

    @Test
    void NB_04_acceptance_aPartyAskingCallsAnExtraMeeting() {
        MeetingRules.ExtraMeetingDue due = MeetingRules.extraMeeting(TestRulebooks.NB_EXTRA, false, 0, 10, true);

        assertThat(due.due()).isTrue();
        assertThat(due.rule()).isEqualTo("NB-04");
        assertThat(due.reason()).contains("party");
    }

    @Test
    void NB_04_withoutAPartyAskingNoExtraMeetingIsDue() {
        MeetingRules.ExtraMeetingDue due = MeetingRules.extraMeeting(TestRulebooks.NB_EXTRA, true, 10, 10, false);

        // NB-04 gives neither the chair nor a share of the members the power to call one
        assertThat(due.due()).isFalse();
        assertThat(due.rule()).isEqualTo("NB-04");
        assertThat(due.reason()).startsWith("not yet").doesNotContain("needed");
    }

    @Test
    void notInRulebookNamesWhatIsMissingWithoutARule() {
        DomainException e = MeetingRules.notInRulebook("the notice");

        assertThat(e.ruleId()).isEmpty();
        assertThat(e).hasMessageContaining("the notice");
    }
}
