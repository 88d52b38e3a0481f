package se.samverkan.domain.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static se.samverkan.domain.meeting.MatterState.COMPLEMENT_REQUESTED;
import static se.samverkan.domain.meeting.MatterState.DECIDED;
import static se.samverkan.domain.meeting.MatterState.DEFERRED;
import static se.samverkan.domain.meeting.MatterState.FORWARDED;
import static se.samverkan.domain.meeting.MatterState.HANDLED;
import static se.samverkan.domain.meeting.MatterState.ON_AGENDA;
import static se.samverkan.domain.meeting.MatterState.POSTPONED;
import static se.samverkan.domain.meeting.MatterState.REJECTED;
import static se.samverkan.domain.meeting.MatterState.SUBMITTED;
import static se.samverkan.domain.meeting.MatterState.TRIAGED;
import static se.samverkan.domain.meeting.MatterState.Action.COMPLEMENT;
import static se.samverkan.domain.meeting.MatterState.Action.DECIDE;
import static se.samverkan.domain.meeting.MatterState.Action.DEFER;
import static se.samverkan.domain.meeting.MatterState.Action.FORWARD;
import static se.samverkan.domain.meeting.MatterState.Action.HANDLE;
import static se.samverkan.domain.meeting.MatterState.Action.POSTPONE;
import static se.samverkan.domain.meeting.MatterState.Action.PUT_ON_AGENDA;
import static se.samverkan.domain.meeting.MatterState.Action.REJECT;
import static se.samverkan.domain.meeting.MatterState.Action.REQUEST_COMPLEMENT;
import static se.samverkan.domain.meeting.MatterState.Action.TRIAGE;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.samverkan.domain.meeting.MatterState.Action;

class MatterStateTest {

    /** The transition table, written out independently of the enum. */
    private static final Map<MatterState, Map<Action, MatterState>> TABLE = Map.of(
            SUBMITTED, Map.of(REQUEST_COMPLEMENT, COMPLEMENT_REQUESTED, TRIAGE, TRIAGED, DEFER, DEFERRED,
                    REJECT, REJECTED, FORWARD, FORWARDED),
            COMPLEMENT_REQUESTED, Map.of(COMPLEMENT, SUBMITTED, REJECT, REJECTED),
            DEFERRED, Map.of(TRIAGE, TRIAGED, REJECT, REJECTED, FORWARD, FORWARDED,
                    REQUEST_COMPLEMENT, COMPLEMENT_REQUESTED),
            TRIAGED, Map.of(PUT_ON_AGENDA, ON_AGENDA, DEFER, DEFERRED, TRIAGE, TRIAGED,
                    REQUEST_COMPLEMENT, COMPLEMENT_REQUESTED),
            ON_AGENDA, Map.of(DECIDE, DECIDED, HANDLE, HANDLED, POSTPONE, POSTPONED),
            POSTPONED, Map.of(TRIAGE, TRIAGED),
            REJECTED, Map.of(),
            DECIDED, Map.of(),
            HANDLED, Map.of(),
            FORWARDED, Map.of());

    /** The rule an illegal action names. */
    private static String ruleOf(Action action) {
        return switch (action) {
            case REQUEST_COMPLEMENT, COMPLEMENT -> "LSVO-11";
            case TRIAGE, DEFER, REJECT -> "LSVO-23";
            case POSTPONE -> "LSVO-21";
            case FORWARD -> "LSVO-28";
            case PUT_ON_AGENDA, DECIDE, HANDLE -> "";
        };
    }

    static Stream<Arguments> legalTransitions() {
        return TABLE.entrySet().stream().flatMap(row -> row.getValue().entrySet().stream()
                .map(cell -> Arguments.of(row.getKey(), cell.getKey(), cell.getValue())));
    }

    static Stream<Arguments> allPairs() {
        return Arrays.stream(MatterState.values())
                .flatMap(state -> Arrays.stream(Action.values()).map(action -> Arguments.of(state, action)));
    }

    @Test
    void theTableCoversEveryState() {
        assertThat(TABLE).containsOnlyKeys(MatterState.values());
        assertThat(legalTransitions()).hasSize(19);
        assertThat(allPairs()).hasSize(100);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legalTransitions")
    void everyLegalTransitionWorks(MatterState from, Action action, MatterState to) {
        assertThat(from.allows(action)).isTrue();
        assertThat(from.after(action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("allPairs")
    void exactlyThePairsOfTheTableAreAllowed(MatterState state, Action action) {
        MatterState expected = TABLE.get(state).get(action);

        assertThat(state.allows(action)).isEqualTo(expected != null);
        if (expected != null) {
            assertThat(state.after(action)).isEqualTo(expected);
        } else {
            assertThatExceptionOfType(IllegalTransition.class)
                    .isThrownBy(() -> state.after(action))
                    .satisfies(e -> {
                        assertThat(e.state()).isEqualTo(state.name());
                        assertThat(e.action()).isEqualTo(action.name());
                        assertThat(e.ruleId()).isEqualTo(ruleOf(action));
                    })
                    .withMessageContaining("matter");
        }
    }

    @Test
    void rejectingADecidedMatterIsRefused() {
        assertThat(DECIDED.allows(REJECT)).isFalse();
        assertThatExceptionOfType(IllegalTransition.class)
                .isThrownBy(() -> DECIDED.after(REJECT))
                .satisfies(e -> {
                    assertThat(e.state()).isEqualTo("DECIDED");
                    assertThat(e.action()).isEqualTo("REJECT");
                    assertThat(e.ruleId()).isEqualTo("LSVO-23");
                })
                .withMessage("LSVO-23: cannot reject a matter that is decided");
    }

    @ParameterizedTest
    @EnumSource(value = MatterState.class, names = {"REJECTED", "DECIDED", "HANDLED", "FORWARDED"})
    void finalStatesAllowNothing(MatterState state) {
        assertThat(Action.values()).noneMatch(state::allows);
    }

    @Test
    void LSVO_10_11_aMatterNeedingAComplementComesBackAsSubmitted() {
        assertThat(SUBMITTED.after(REQUEST_COMPLEMENT).after(COMPLEMENT)).isEqualTo(SUBMITTED);
    }

    @Test
    void LSVO_21_aPostponedMatterIsTriagedAgainBeforeItReturnsToAnAgenda() {
        MatterState postponed = SUBMITTED.after(TRIAGE).after(PUT_ON_AGENDA).after(POSTPONE);

        assertThat(postponed).isEqualTo(POSTPONED);
        assertThatExceptionOfType(IllegalTransition.class).isThrownBy(() -> postponed.after(PUT_ON_AGENDA));
        assertThat(postponed.after(TRIAGE).after(PUT_ON_AGENDA).after(DECIDE)).isEqualTo(DECIDED);
    }

    @Test
    void aMatterIsDecidedOnlyFromAnAgenda() {
        assertThat(Arrays.stream(MatterState.values()).filter(s -> s.allows(DECIDE))).containsExactly(ON_AGENDA);
        assertThat(Arrays.stream(MatterState.values()).filter(s -> s.allows(HANDLE))).containsExactly(ON_AGENDA);
    }
}
