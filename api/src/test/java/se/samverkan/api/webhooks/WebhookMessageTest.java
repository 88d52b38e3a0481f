package se.samverkan.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samverkan.api.events.Event;
import se.samverkan.api.graphql.GlobalId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookMessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID BODY = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID MINUTES = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    private static final Instant AT = Instant.parse("2027-01-28T10:15:30Z");

    @Test
    void minutesPublishedCarriesGlobalIdsCountyHashAndPublicationTime() {
        Event event = new Event(42, "MinutesPublished", BODY, null, null, null, null, null, Map.of("minutes", MINUTES.toString(),
                "meeting", MEETING.toString(), "contentHash", "abc123", "county", "blekinge"), AT);
        JsonNode body = JSON.readTree(WebhookMessage.body(JSON, event, "norrbotten", Instant.parse("2027-01-28T10:15:00Z")));
        assertThat(body.get("id").asString()).isEqualTo("42");
        assertThat(body.get("type").asString()).isEqualTo("MinutesPublished");
        assertThat(body.get("occurredAt").asString()).isEqualTo("2027-01-28T11:15:30+01:00");
        JsonNode data = body.get("data");
        assertThat(data.get("minutes").asString()).isEqualTo(new GlobalId("Minutes", MINUTES.toString()).encode());
        assertThat(data.get("meeting").asString()).isEqualTo(new GlobalId("Meeting", MEETING.toString()).encode());
        assertThat(data.get("body").asString()).isEqualTo(new GlobalId("Body", BODY.toString()).encode());
        assertThat(data.get("county").asString()).as("the payload's county wins").isEqualTo("blekinge");
        assertThat(data.get("contentHash").asString()).isEqualTo("abc123");
        assertThat(data.get("publishedAt").asString()).isEqualTo("2027-01-28T11:15+01:00");
    }

    @Test
    void withoutACountyInThePayloadTheBodysCountyIsUsed() {
        Event event = new Event(7, "NoticeSent", BODY, null, null, null, null, null, Map.of("meeting", MEETING.toString()), AT);
        JsonNode data = JSON.readTree(WebhookMessage.body(JSON, event, "blekinge", null)).get("data");
        assertThat(data.get("county").asString()).isEqualTo("blekinge");
        assertThat(data.get("meeting").asString()).isEqualTo(new GlobalId("Meeting", MEETING.toString()).encode());
        assertThat(data.has("minutes")).isFalse();
    }

    @Test
    void otherEventTypesAreNotWebhookMessages() {
        Event event = new Event(8, "InboxItemArrived", BODY, null, "karlskrona", null, null, null, Map.of(), AT);
        assertThatThrownBy(() -> WebhookMessage.body(JSON, event, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
