package se.samverkan.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.QuorumKind;
import se.samverkan.domain.rulebook.QuorumRule;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.SeatId;

class QuorumTest {

    private static final QuorumRule FORUM_WIDE = new QuorumRule(DecisionCategory.FORUM_WIDE,
            QuorumKind.MAJORITY_PRESENT_ON_EACH_SIDE, "LSVO-17");
    private static final QuorumRule SUBJECT_AREA = new QuorumRule(DecisionCategory.SUBJECT_AREA,
            QuorumKind.SUBJECT_AREA_MEMBERS_DECLARED, "LSVO-18");
    private static final QuorumRule FINANCIAL = new QuorumRule(DecisionCategory.FINANCIAL,
            QuorumKind.ALL_MEMBERS_DECLARED, "LSVO-19");

    private static final List<String> MUNICIPALITIES = List.of("karlshamn", "karlskrona", "olofstrom", "ronneby", "solvesborg");
    private static final List<String> FUNCTIONS = List.of("aldre", "funktionshinder", "ifo", "skola-barn-unga");

    /** LSVO as the acceptance describes it: 4 heads in each of 5 municipalities, 4 in the region. */
    private static List<Entitled> lsvo() {
        List<Entitled> seats = new ArrayList<>();
        for (String m : MUNICIPALITIES) {
            for (String f : FUNCTIONS) {
                seats.add(seat(m + "-" + f, m, PartySide.MUNICIPAL, f));
            }
        }
        for (String f : List.of("halso-sjukvard", "psykisk-halsa", "aldre", "skola-barn-unga")) {
            seats.add(seat("region-" + f, "region-blekinge", PartySide.REGIONAL, f));
        }
        return seats;
    }

    private static Entitled seat(String key, String party, PartySide side, String area) {
        return new Entitled(SeatId.of(key), PartyId.of(party), side, "chef-" + area, List.of(area), PersonId.of(key));
    }

    private static Set<SeatId> present(List<Entitled> seats, PartySide side, int count) {
        Set<SeatId> here = new HashSet<>();
        seats.stream().filter(e -> e.side() == side).limit(count).forEach(e -> here.add(e.seat()));
        return here;
    }

    private static Declaration support(Entitled e) {
        return new Declaration(e.seat(), Position.SUPPORT, DeclarationChannel.IN_MEETING, null, null);
    }

    @Test
    void LSVO_17_elevenOfTwentyMunicipalAndTwoOfFourRegionalMembersAreNotEnough() {
        List<Entitled> seats = lsvo();
        Set<SeatId> here = present(seats, PartySide.MUNICIPAL, 11);
        here.addAll(present(seats, PartySide.REGIONAL, 2));

        Readiness readiness = Quorum.evaluate(FORUM_WIDE, seats, here, Map.of(), List.of());

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.rule()).isEqualTo("LSVO-17");
        assertThat(readiness.missing()).hasSize(2).allSatisfy(m -> {
            assertThat(m.party()).isEqualTo(PartyId.of("region-blekinge"));
            assertThat(m.reason()).contains("regional", "2 of 4 present, 3 needed");
            assertThat(m.rule()).isEqualTo("LSVO-17");
        });
    }

    @Test
    void LSVO_17_elevenOfTwentyAndThreeOfFourAreEnough() {
        List<Entitled> seats = lsvo();
        Set<SeatId> here = present(seats, PartySide.MUNICIPAL, 11);
        here.addAll(present(seats, PartySide.REGIONAL, 3));
        assertThat(Quorum.evaluate(FORUM_WIDE, seats, here, Map.of(), List.of()).ready()).isTrue();
    }

    @Test
    void LSVO_17_exactlyHalfOfASideIsNotMoreThanHalf() {
        List<Entitled> seats = lsvo();
        Set<SeatId> here = present(seats, PartySide.MUNICIPAL, 10);
        here.addAll(present(seats, PartySide.REGIONAL, 4));
        Readiness readiness = Quorum.evaluate(FORUM_WIDE, seats, here, Map.of(), List.of());
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missing()).hasSize(10).allSatisfy(m -> assertThat(m.reason()).contains("municipal", "11 needed"));
    }

    @Test
    void LSVO_18_aSchoolDecisionWaitsForEverySchoolHeadOfEachPrincipal() {
        List<Entitled> seats = lsvo();
        Map<SeatId, Declaration> declared = new HashMap<>();
        seats.stream().filter(e -> e.subjectAreas().contains("skola-barn-unga"))
                .filter(e -> !e.seat().equals(SeatId.of("ronneby-skola-barn-unga")))
                .forEach(e -> declared.put(e.seat(), support(e)));

        Readiness waiting = Quorum.evaluate(SUBJECT_AREA, seats, Set.of(), declared, List.of("skola-barn-unga"));
        assertThat(waiting.ready()).isFalse();
        assertThat(waiting.missing()).singleElement().satisfies(m -> {
            assertThat(m.seat()).isEqualTo(SeatId.of("ronneby-skola-barn-unga"));
            assertThat(m.party()).isEqualTo(PartyId.of("ronneby"));
            assertThat(m.subjectArea()).isEqualTo("skola-barn-unga");
            assertThat(m.rule()).isEqualTo("LSVO-18");
        });

        Entitled ronneby = seats.stream().filter(e -> e.seat().equals(SeatId.of("ronneby-skola-barn-unga"))).findFirst().orElseThrow();
        declared.put(ronneby.seat(), new Declaration(ronneby.seat(), Position.SUPPORT, DeclarationChannel.EMAIL_TO_SECRETARY,
                null, "Bifaller"));
        assertThat(Quorum.evaluate(SUBJECT_AREA, seats, Set.of(), declared, List.of("skola-barn-unga")).ready()).isTrue();
    }

    @Test
    void LSVO_18_membersOfOtherSubjectAreasNeedNotDeclare() {
        List<Entitled> seats = lsvo();
        Map<SeatId, Declaration> declared = new HashMap<>();
        seats.stream().filter(e -> e.subjectAreas().contains("ifo")).forEach(e -> declared.put(e.seat(), support(e)));
        assertThat(Quorum.evaluate(SUBJECT_AREA, seats, Set.of(), declared, List.of("ifo")).ready()).isTrue();
    }

    @Test
    void LSVO_19_aFinancialDecisionNeedsEveryMember() {
        List<Entitled> seats = lsvo();
        Map<SeatId, Declaration> declared = new HashMap<>();
        seats.stream().skip(1).forEach(e -> declared.put(e.seat(), support(e)));
        Readiness readiness = Quorum.evaluate(FINANCIAL, seats, Set.of(), declared, List.of());
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missing()).singleElement().satisfies(m -> assertThat(m.rule()).isEqualTo("LSVO-19"));
        declared.put(seats.getFirst().seat(), support(seats.getFirst()));
        assertThat(Quorum.evaluate(FINANCIAL, seats, Set.of(), declared, List.of()).ready()).isTrue();
    }

    @Test
    void LSVO_16_theOutcomeListsThePartiesThatDidNotSupport() {
        List<Entitled> seats = lsvo();
        Map<SeatId, Declaration> declared = new HashMap<>();
        seats.forEach(e -> declared.put(e.seat(), support(e)));
        assertThat(Quorum.outcome(seats, declared).kind()).isEqualTo(Quorum.OutcomeKind.ADOPTED_BY_ALL);

        Entitled olofstrom = seats.stream().filter(e -> e.party().equals(PartyId.of("olofstrom"))).findFirst().orElseThrow();
        declared.put(olofstrom.seat(), new Declaration(olofstrom.seat(), Position.OPPOSE, DeclarationChannel.IN_MEETING,
                null, null));
        Quorum.Outcome some = Quorum.outcome(seats, declared);
        assertThat(some.kind()).isEqualTo(Quorum.OutcomeKind.ADOPTED_BY_SOME);
        assertThat(some.notSupporting()).containsExactly(PartyId.of("olofstrom"));
        assertThat(some.supporting()).hasSize(5);

        Quorum.Outcome none = Quorum.outcome(seats, Map.of());
        assertThat(none.kind()).isEqualTo(Quorum.OutcomeKind.NOT_ADOPTED);
        assertThat(none.notSupporting()).hasSize(6);
    }

    @Test
    void LSVO_16_anAbstentionIsNotSupport() {
        List<Entitled> seats = lsvo();
        Map<SeatId, Declaration> declared = new HashMap<>();
        seats.forEach(e -> declared.put(e.seat(), support(e)));
        Entitled region = seats.getLast();
        declared.put(region.seat(), new Declaration(region.seat(), Position.ABSTAIN, DeclarationChannel.IN_MEETING, null, null));
        assertThat(Quorum.outcome(seats, declared).notSupporting()).containsExactly(PartyId.of("region-blekinge"));
    }

    @Test
    void AGR_03_anAmendmentOfTheAgreementNeedsEveryPartyToIt() {
        List<Entitled> seats = lsvo();
        Map<SeatId, Declaration> declared = new HashMap<>();
        seats.forEach(e -> declared.put(e.seat(), support(e)));
        List<PartyId> agreementParties = seats.stream().map(Entitled::party).distinct().toList();
        assertThat(Quorum.amendment(Quorum.outcome(seats, declared), agreementParties).kind())
                .isEqualTo(Quorum.OutcomeKind.ADOPTED_BY_ALL);

        Entitled ronneby = seats.stream().filter(e -> e.party().equals(PartyId.of("ronneby"))).findFirst().orElseThrow();
        declared.put(ronneby.seat(), new Declaration(ronneby.seat(), Position.OPPOSE, DeclarationChannel.IN_MEETING, null, null));
        Quorum.Outcome some = Quorum.outcome(seats, declared);
        assertThat(some.kind()).isEqualTo(Quorum.OutcomeKind.ADOPTED_BY_SOME);
        Quorum.Outcome amendment = Quorum.amendment(some, agreementParties);
        assertThat(amendment.kind()).isEqualTo(Quorum.OutcomeKind.NOT_ADOPTED);
        assertThat(amendment.notSupporting()).containsExactly(PartyId.of("ronneby"));
    }
}
