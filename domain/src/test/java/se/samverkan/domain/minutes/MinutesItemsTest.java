package se.samverkan.domain.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.minutes.MinutesItems.AtMeeting;
import se.samverkan.domain.minutes.MinutesItems.Item;
import se.samverkan.domain.minutes.MinutesItems.Planned;

class MinutesItemsTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID LATE = UUID.randomUUID();

    private static final List<Planned> AGENDA = List.of(
            new Planned(1, "MATTER", A, "Elevhälsa"),
            new Planned(2, "MATTER", B, "Skolnärvaro"),
            new Planned(3, "MINUTES_OF_BODY", null, "Protokoll från LSVO"),
            new Planned(4, "MATTER", C, "Läxhjälp"));

    private static AtMeeting at(UUID matter, String title, String outcome) {
        return new AtMeeting(matter, title, outcome, Instant.parse("2027-01-28T09:30:00Z"));
    }

    @Test
    void withoutARecordOfTheOrderTheMeetingFollowedTheAgendaAndAPostponedMatterWasNotDealtWith() {
        List<Item> items = MinutesItems.of(AGENDA, List.of(at(A, "Elevhälsa", "ADOPTED_BY_ALL"), at(C, "Läxhjälp", "NOT_ADOPTED")), null);
        assertThat(items).extracting(Item::title, Item::plannedPosition, Item::actualPosition, Item::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Elevhälsa", 1, 1, "ADOPTED_BY_ALL"),
                org.assertj.core.groups.Tuple.tuple("Protokoll från LSVO", 3, 2, null),
                org.assertj.core.groups.Tuple.tuple("Läxhjälp", 4, 3, "NOT_ADOPTED"),
                org.assertj.core.groups.Tuple.tuple("Skolnärvaro", 2, null, "POSTPONED"));
    }

    @Test
    void theSecretarysRecordOfTheOrderGivesTheActualPositionsAndLateMattersFollow() {
        List<Item> items = MinutesItems.of(AGENDA, List.of(at(A, "Elevhälsa", "ADOPTED_BY_ALL"), at(B, "Skolnärvaro", "HANDLED"),
                at(C, "Läxhjälp", "ADOPTED_BY_SOME"), at(LATE, "Brådskande ärende", "ADOPTED_BY_ALL")), List.of(4, 1, 2));
        assertThat(items).extracting(Item::title, Item::plannedPosition, Item::actualPosition).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Läxhjälp", 4, 1),
                org.assertj.core.groups.Tuple.tuple("Elevhälsa", 1, 2),
                org.assertj.core.groups.Tuple.tuple("Skolnärvaro", 2, 3),
                org.assertj.core.groups.Tuple.tuple("Brådskande ärende", null, 4),
                org.assertj.core.groups.Tuple.tuple("Protokoll från LSVO", 3, null));
    }

    @Test
    void anOrderNamingAnUnknownRepeatedOrPostponedItemIsRefused() {
        List<AtMeeting> present = List.of(at(A, "Elevhälsa", "ADOPTED_BY_ALL"));
        assertThatThrownBy(() -> MinutesItems.of(AGENDA, present, List.of(9))).isInstanceOf(DomainException.class)
                .hasMessageContaining("no item 9");
        assertThatThrownBy(() -> MinutesItems.of(AGENDA, present, List.of(1, 1))).hasMessageContaining("twice");
        assertThatThrownBy(() -> MinutesItems.of(AGENDA, present, List.of(2))).hasMessageContaining("moved to another meeting");
    }
}
