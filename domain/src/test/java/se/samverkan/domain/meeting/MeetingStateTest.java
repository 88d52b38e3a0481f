package se.samverkan.domain.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static se.samverkan.domain.meeting.MeetingState.CANCELLED;
import static se.samverkan.domain.meeting.MeetingState.HELD;
import static se.samverkan.domain.meeting.MeetingState.NOTICE_SENT;
import static se.samverkan.domain.meeting.MeetingState.PLANNED;
import static se.samverkan.domain.meeting.MeetingState.Action.CANCEL;
import static se.samverkan.domain.meeting.MeetingState.Action.HOLD;
import static se.samverkan.domain.meeting.MeetingState.Action.SEND_NOTICE;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.meeting.MeetingState.Action;

class MeetingStateTest {

    /** The transition table, written out independently of the enum. */
    private static final Map<MeetingState, Map<Action, MeetingState>> TABLE = Map.of(
            PLANNED, Map.of(SEND_NOTICE, NOTICE_SENT, CANCEL, CANCELLED),
            NOTICE_SENT, Map.of(HOLD, HELD, CANCEL, CANCELLED),
            HELD, Map.of(),
            CANCELLED, Map.of());

    static Stream<Arguments> legalTransitions() {
        return TABLE.entrySet().stream().flatMap(row -> row.getValue().entrySet().stream()
                .map(cell -> Arguments.of(row.getKey(), cell.getKey(), cell.getValue())));
    }

    static Stream<Arguments> allPairs() {
        return Arrays.stream(MeetingState.values())
                .flatMap(state -> Arrays.stream(Action.values()).map(action -> Arguments.of(state, action)));
    }

    @Test
    void theTableCoversEveryState() {
        assertThat(TABLE).containsOnlyKeys(MeetingState.values());
        assertThat(legalTransitions()).hasSize(4);
        assertThat(allPairs()).hasSize(12);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legalTransitions")
    void everyLegalTransitionWorks(MeetingState from, Action action, MeetingState to) {
        assertThat(from.allows(action)).isTrue();
        assertThat(from.after(action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("allPairs")
    void exactlyThePairsOfTheTableAreAllowed(MeetingState state, Action action) {
        MeetingState expected = TABLE.get(state).get(action);

        assertThat(state.allows(action)).isEqualTo(expected != null);
        if (expected != null) {
            assertThat(state.after(action)).isEqualTo(expected);
        } else {
            assertThatExceptionOfType(IllegalTransition.class)
                    .isThrownBy(() -> state.after(action))
                    .satisfies(e -> {
                        assertThat(e.state()).isEqualTo(state.name());
                        assertThat(e.action()).isEqualTo(action.name());
                        assertThat(e.ruleId()).isEqualTo(action == CANCEL ? "LSVO-21" : "");
                        assertThat(e).isInstanceOf(DomainException.class);
                    })
                    .withMessageContaining("meeting");
        }
    }

    @Test
    void LSVO_21_cancellingAHeldMeetingIsRefused() {
        assertThat(HELD.allows(CANCEL)).isFalse();
        assertThatExceptionOfType(IllegalTransition.class)
                .isThrownBy(() -> HELD.after(CANCEL))
                .satisfies(e -> {
                    assertThat(e.ruleId()).isEqualTo("LSVO-21");
                    assertThat(e.state()).isEqualTo("HELD");
                    assertThat(e.action()).isEqualTo("CANCEL");
                })
                .withMessage("LSVO-21: cannot cancel a meeting that is held");
    }

    @Test
    void LSVO_21_theChairMayCancelAPlannedOrNoticedMeeting() {
        assertThat(PLANNED.after(CANCEL)).isEqualTo(CANCELLED);
        assertThat(NOTICE_SENT.after(CANCEL)).isEqualTo(CANCELLED);
    }

    @Test
    void LSVO_08_aMeetingIsNotHeldWithoutANotice() {
        assertThatExceptionOfType(IllegalTransition.class)
                .isThrownBy(() -> PLANNED.after(HOLD))
                .satisfies(e -> assertThat(e.state()).isEqualTo("PLANNED"))
                .withMessageContaining("cannot hold a meeting that is planned");
    }

    @Test
    void theOrdinaryLifeOfAMeeting() {
        assertThat(PLANNED.after(SEND_NOTICE).after(HOLD)).isEqualTo(HELD);
    }

    @Test
    void aCancelledMeetingCannotBeNoticedAgain() {
        assertThatExceptionOfType(IllegalTransition.class)
                .isThrownBy(() -> CANCELLED.after(SEND_NOTICE))
                .withMessage("cannot send notice a meeting that is cancelled");
    }
}
