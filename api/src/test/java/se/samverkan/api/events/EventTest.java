package se.samverkan.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverkan.api.graphql.BadInputException;

class EventTest {

    @Test
    void aPayloadWithJsonNullsIsReadWithoutThem() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("minutes", "8c1f3c2e-8a57-4a49-9d3e-0a0c8f6d2b11");
        payload.put("rule", null);
        Event event = new Event(7, "MinutesPublished", null, "blekinge", null, null, null, null, payload, Instant.EPOCH);
        assertThat(event.payload()).containsOnlyKeys("minutes");
        assertThat(event.uuid("minutes")).hasToString("8c1f3c2e-8a57-4a49-9d3e-0a0c8f6d2b11");
    }

    @Test
    void aCursorIsTheEventIdAndAnythingElseIsRefused() {
        assertThat(Event.parseCursor("42")).isEqualTo(42);
        assertThatThrownBy(() -> Event.parseCursor("-1")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> Event.parseCursor("Y3Vyc29yOjE")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not an event cursor");
    }
}
