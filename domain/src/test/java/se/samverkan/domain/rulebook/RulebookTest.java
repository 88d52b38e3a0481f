package se.samverkan.domain.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.RulebookId;

class RulebookTest {

    private static final BodyId LSVO = BodyId.of("blekinge/LSVO");
    private static final LocalDate DECIDED = LocalDate.of(2024, 2, 16);
    private static final LocalDate NEXT_REVISION = LocalDate.of(2026, 12, 31);

    private static final QuorumRule FORUM_WIDE = new QuorumRule(DecisionCategory.FORUM_WIDE,
            QuorumKind.MAJORITY_PRESENT_ON_EACH_SIDE, "LSVO-17");
    private static final QuorumRule SUBJECT_AREA = new QuorumRule(DecisionCategory.SUBJECT_AREA,
            QuorumKind.SUBJECT_AREA_MEMBERS_DECLARED, "LSVO-18");
    private static final QuorumRule FINANCIAL = new QuorumRule(DecisionCategory.FINANCIAL,
            QuorumKind.ALL_MEMBERS_DECLARED, "LSVO-19");

    /** LSVO's rulebook v1.0: decided 2024-02-16 by LSVO, next revision 2026-12-31 (LSVO-29). */
    private static Rulebook lsvo10() {
        return rulebook("1.0", DECIDED, DECIDED, NEXT_REVISION, List.of(FORUM_WIDE, SUBJECT_AREA, FINANCIAL));
    }

    @Test
    void LSVO_29_versionInForceIsTheLatestStarted() {
        Rulebook v10 = lsvo10();
        Rulebook v11 = rulebook("1.1", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 20), null, List.of());
        Rulebook v20 = rulebook("2.0", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 10), null, List.of());
        List<Rulebook> unordered = List.of(v20, v10, v11);

        assertThat(Rulebook.inForceOn(DECIDED, unordered)).contains(v10);
        assertThat(Rulebook.inForceOn(LocalDate.of(2025, 2, 28), unordered)).contains(v10);
        assertThat(Rulebook.inForceOn(LocalDate.of(2025, 3, 1), unordered)).contains(v11);
        assertThat(Rulebook.inForceOn(LocalDate.of(2026, 12, 31), unordered)).contains(v11);
        assertThat(Rulebook.inForceOn(LocalDate.of(2027, 1, 1), unordered)).contains(v20);
    }

    @Test
    void LSVO_29_noVersionIsInForceBeforeTheFirst() {
        assertThat(Rulebook.inForceOn(DECIDED.minusDays(1), List.of(lsvo10()))).isEmpty();
        assertThat(Rulebook.inForceOn(DECIDED, List.of())).isEmpty();
    }

    @Test
    void LSVO_29_rulebookPastRevisionAfterDueDate() {
        Rulebook v10 = lsvo10();

        assertThat(v10.pastRevision(LocalDate.of(2026, 12, 30))).isFalse();
        assertThat(v10.pastRevision(NEXT_REVISION)).isFalse();
        assertThat(v10.pastRevision(LocalDate.of(2027, 1, 1))).isTrue();
    }

    @Test
    void LSVO_29_rulebookWithoutRevisionDateIsNeverPastRevision() {
        Rulebook psvo = rulebook("1.0", DECIDED, null, null, List.of());

        assertThat(psvo.pastRevision(LocalDate.of(2099, 12, 31))).isFalse();
    }

    @Test
    void LSVO_29_rejectsDecidedOnAfterInForceFrom() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> rulebook("1.0", DECIDED, DECIDED.plusDays(1), NEXT_REVISION, List.of()))
                .withMessageContaining(DECIDED.toString())
                .withMessageContaining(DECIDED.plusDays(1).toString());
    }

    @Test
    void LSVO_29_mayBeInForceFromTheDayItIsDecided() {
        assertThat(lsvo10().decidedOn()).isEqualTo(lsvo10().inForceFrom());
        assertThatCode(() -> rulebook("1.0", DECIDED.plusDays(14), DECIDED, NEXT_REVISION, List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void LSVO_29_rejectsRevisionDueBeforeInForce() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> rulebook("1.0", DECIDED, DECIDED, DECIDED.minusDays(1), List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0", "1.", ".1", "1,0", "", "1.0-rc"})
    void rejectsAVersionThatIsNotADottedNumber(String version) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> rulebook(version, DECIDED, DECIDED, NEXT_REVISION, List.of()))
                .withMessageContaining("'" + version + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "2.10", "1.0.3"})
    void acceptsADottedNumberVersion(String version) {
        assertThat(rulebook(version, DECIDED, DECIDED, NEXT_REVISION, List.of()).version()).isEqualTo(version);
    }

    @Test
    void rejectsTwoQuorumRulesOfOneCategory() {
        QuorumRule anotherForumWide = new QuorumRule(DecisionCategory.FORUM_WIDE, QuorumKind.ALL_MEMBERS_DECLARED,
                "LSVO-19");

        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> rulebook("1.0", DECIDED, DECIDED, NEXT_REVISION,
                        List.of(FORUM_WIDE, SUBJECT_AREA, anotherForumWide)))
                .withMessageContaining("two quorum rules");
    }

    @Test
    void LSVO_17_forumWideDecisionsNeedAMajorityPresentOnEachSide() {
        assertThat(lsvo10().quorumFor(DecisionCategory.FORUM_WIDE))
                .hasValueSatisfying(q -> {
                    assertThat(q.kind()).isEqualTo(QuorumKind.MAJORITY_PRESENT_ON_EACH_SIDE);
                    assertThat(q.rule()).isEqualTo("LSVO-17");
                });
    }

    @Test
    void LSVO_18_subjectAreaDecisionsNeedTheResponsibleMembersDeclared() {
        assertThat(lsvo10().quorumFor(DecisionCategory.SUBJECT_AREA))
                .hasValueSatisfying(q -> {
                    assertThat(q.kind()).isEqualTo(QuorumKind.SUBJECT_AREA_MEMBERS_DECLARED);
                    assertThat(q.rule()).isEqualTo("LSVO-18");
                });
    }

    @Test
    void LSVO_19_financialDecisionsNeedEveryMemberDeclared() {
        assertThat(lsvo10().quorumFor(DecisionCategory.FINANCIAL))
                .hasValueSatisfying(q -> {
                    assertThat(q.kind()).isEqualTo(QuorumKind.ALL_MEMBERS_DECLARED);
                    assertThat(q.rule()).isEqualTo("LSVO-19");
                });
    }

    @Test
    void aCategoryTheRulebookDoesNotSetHasNoQuorumRuleRatherThanADefault() {
        Rulebook onlyForumWide = rulebook("1.0", DECIDED, DECIDED, NEXT_REVISION, List.of(FORUM_WIDE));

        assertThat(onlyForumWide.quorumFor(DecisionCategory.FORUM_WIDE)).isPresent();
        assertThat(onlyForumWide.quorumFor(DecisionCategory.FINANCIAL)).isEmpty();
        assertThat(onlyForumWide.quorumFor(DecisionCategory.SUBJECT_AREA)).isEmpty();
    }

    @Test
    void quorumRulesAreCopiedNotShared() {
        List<QuorumRule> quorum = new ArrayList<>(List.of(FORUM_WIDE));
        Rulebook rulebook = rulebook("1.0", DECIDED, DECIDED, NEXT_REVISION, quorum);

        quorum.add(FINANCIAL);

        assertThat(rulebook.quorum()).containsExactly(FORUM_WIDE);
        assertThat(rulebook.quorumFor(DecisionCategory.FINANCIAL)).isEmpty();
    }

    @Test
    void aQuorumRuleMustNameARuleOfTheCatalogue() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new QuorumRule(DecisionCategory.FORUM_WIDE,
                        QuorumKind.MAJORITY_PRESENT_ON_EACH_SIDE, "LSVO-7"));
    }

    private static Rulebook rulebook(String version, LocalDate inForceFrom, @Nullable LocalDate decidedOn,
            @Nullable LocalDate nextRevisionDue, List<QuorumRule> quorum) {
        return new Rulebook(RulebookId.of("blekinge/LSVO/" + version), LSVO, version, inForceFrom, decidedOn,
                decidedOn == null ? null : "LSVO", nextRevisionDue, "seeds/002_e189a2b978bc2a8a.txt",
                null, null, null, null, null, null, null, null, null, quorum, null, null, null, null, null);
    }
}
