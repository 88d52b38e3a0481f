package se.samverkan.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.api.support.LsvoFlow;

/**
 * The change feed a mirror follows: public changes in order, resumable by cursor, with tombstones for what was taken
 * back (a cancelled meeting, LSVO-21) or replaced (a published correction, IMP-02), read without a token.
 */
class ChangeFeedIntegrationTest extends IntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final String CHANGES = """
            query($a: String, $n: Int) { changes(after: $a, first: $n) {
              edges { cursor node { cursor kind objectType objectId supersededBy node { id } } }
              pageInfo { hasNextPage endCursor } } }""";

    @Autowired
    DatabaseClient db;

    private final LsvoFlow lsvo = new LsvoFlow(this);

    private String lastCursor() {
        return String.valueOf(db.sql("SELECT coalesce(max(id), 0) AS id FROM event").map(r -> r.get("id", Long.class)).one().block());
    }

    private List<Map<String, Object>> changesAfter(String cursor) {
        return graphQl.document(CHANGES).variable("a", cursor).variable("n", 100).execute()
                .path("changes.edges[*].node").entityList(MAP).get();
    }

    @Test
    void IMP_02_aPublishedCorrectionIsPublishedAndTheVersionItReplacesGetsATombstone() {
        String meeting = lsvo.heldMeetingWithSchoolDecision(LsvoFlow.weekdaysAhead(16), "Modersmålsundervisning")[0];
        String from = lastCursor();
        String first = lsvo.draft(meeting);
        lsvo.signAllButLast(first);
        lsvo.signLast(first);
        lsvo.publish(first);
        String correction = as("sekreterare.lsvo").document("""
                mutation($m: ID!, $s: [SignatoryInput!]!, $c: ID) { draftMinutes(input: { meeting: $m, signatories: $s, corrects: $c }) {
                  minutes { id } errors { code message } } }""")
                .variable("m", meeting).variable("s", lsvo.signatories()).variable("c", first).execute()
                .path("draftMinutes.minutes.id").entity(String.class).get();
        lsvo.signAllButLast(correction);
        lsvo.signLast(correction);
        lsvo.publish(correction);

        List<Map<String, Object>> changes = changesAfter(from);
        assertThat(changes).extracting(c -> c.get("kind"), c -> c.get("objectId"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PUBLISHED", first),
                        org.assertj.core.groups.Tuple.tuple("PUBLISHED", correction),
                        org.assertj.core.groups.Tuple.tuple("SUPERSEDED", first));
        Map<String, Object> tombstone = changes.get(2);
        assertThat(tombstone.get("supersededBy")).isEqualTo(correction);
        assertThat(tombstone.get("node")).as("a tombstone carries no object").isNull();
        assertThat(((Map<?, ?>) changes.get(1).get("node")).get("id")).isEqualTo(correction);

        // the replaced version stays readable as history and says what replaced it
        graphQl.document("query($m: ID!) { node(id: $m) { ... on Minutes { supersededBy { id } publishedAt lastRevisedAt items { actualPosition plannedPosition title outcome } } } }")
                .variable("m", first).execute()
                .path("node.supersededBy.id").entity(String.class).isEqualTo(correction)
                .path("node.lastRevisedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank())
                .path("node.items[0].title").entity(String.class).isEqualTo("Modersmålsundervisning")
                .path("node.items[0].actualPosition").entity(Integer.class).isEqualTo(1)
                .path("node.items[0].plannedPosition").entity(Integer.class).isEqualTo(1)
                .path("node.items[0].outcome").entity(String.class).isEqualTo("ADOPTED_BY_ALL");
    }

    @Test
    void LSVO_21_aCancelledMeetingWhoseNoticeWasPublicIsWithdrawnAndTheFeedPagesByCursor() {
        String from = lastCursor();
        String meeting = as("sekreterare.lsvo").document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Ronneby" }) {
                  meeting { id } } }""").variable("b", lsvo.lsvo()).variable("at", LsvoFlow.weekdaysAhead(17) + "T09:00:00+01:00")
                .execute().path("scheduleMeeting.meeting.id").entity(String.class).get();
        as("sekreterare.lsvo").document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code } } }")
                .variable("m", meeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        graphQl.document("query($m: ID!) { meeting(id: $m) { publishedAt lastRevisedAt } }").variable("m", meeting).execute()
                .path("meeting.publishedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
        // a mirror reading one change a page sees the meeting published, and after the cancellation its tombstone
        String firstPage = graphQl.document(CHANGES).variable("a", from).variable("n", 1).execute()
                .path("changes.edges[0].node.kind").entity(String.class).isEqualTo("PUBLISHED")
                .path("changes.edges[0].node.objectType").entity(String.class).isEqualTo("Meeting")
                .path("changes.edges[0].node.node.id").entity(String.class).isEqualTo(meeting)
                .path("changes.pageInfo.endCursor").entity(String.class).get();
        holderOf("LSVO", "CHAIR").document("""
                mutation($m: ID!) { cancelMeeting(input: { meeting: $m, reason: "Ordföranden är förhindrad" }) { errors { code } } }""")
                .variable("m", meeting).execute().path("cancelMeeting.errors").entityList(Object.class).hasSize(0);

        graphQl.document(CHANGES).variable("a", firstPage).variable("n", 1).execute()
                .path("changes.edges[0].node.kind").entity(String.class).isEqualTo("WITHDRAWN")
                .path("changes.edges[0].node.objectId").entity(String.class).isEqualTo(meeting)
                .path("changes.edges[0].node.node").valueIsNull()
                .path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        graphQl.document(CHANGES).variable("a", "not-a-cursor").execute().errors()
                .satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).contains("not an event cursor")));
    }

}
