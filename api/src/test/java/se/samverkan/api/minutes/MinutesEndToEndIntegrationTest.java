package se.samverkan.api.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.api.support.LsvoFlow;
import se.samverkan.api.tenant.TenantTransactions;

/**
 * LSVO's minutes end to end over GraphQL: a decided meeting, the four signatures of LSVO-13 (a fifth person refused),
 * frozen in the database (IMP-02), distributed to exactly the committees of the rulebook's list (LSVO-14), published
 * (LSVO-15) and public without a token — and nothing of Karlskrona's inbox reaches Ronneby by any path.
 */
class MinutesEndToEndIntegrationTest extends IntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    DatabaseClient db;
    @Autowired
    TenantTransactions tenant;

    private final LsvoFlow lsvo = new LsvoFlow(this);

    /** The committees LSVO-14 names for minutes of a school matter: Region Blekinge's HSN and every municipality's committee for school. */
    private Set<UUID> rulebookRecipientsForSchool() {
        List<Map<String, Object>> parties = graphQl.document("""
                { parties(county: "blekinge") { edges { node { code kind committees { id code kind subjectAreas { code } } } } } }""")
                .execute().path("parties.edges[*].node").entityList(MAP).get();
        Set<UUID> expected = new HashSet<>();
        for (Map<String, Object> party : parties) {
            for (Object c : (List<?>) party.get("committees")) {
                Map<?, ?> committee = (Map<?, ?>) c;
                boolean school = ((List<?>) committee.get("subjectAreas")).stream()
                        .anyMatch(a -> "skola-barn-unga".equals(((Map<?, ?>) a).get("code")));
                if (party.get("code").equals("region-blekinge") && committee.get("code").equals("hsn")
                        || party.get("kind").equals("MUNICIPALITY") && !committee.get("kind").equals("BOARD") && school) {
                    expected.add(LsvoFlow.key((String) committee.get("id")));
                }
            }
        }
        return expected;
    }

    /** Every inbox item of the minutes, as each party's own transactions see them (row-level security). */
    private Set<UUID> deliveredTo(UUID minutes) {
        List<String> parties = graphQl.document("{ parties(county: \"blekinge\") { edges { node { code } } } }").execute()
                .path("parties.edges[*].node.code").entityList(String.class).get();
        Set<UUID> delivered = new HashSet<>();
        for (String party : parties) {
            delivered.addAll(tenant.asParty(party, () -> db.sql("SELECT committee_id FROM inbox_item WHERE minutes_id = :m")
                    .bind("m", minutes).map(r -> r.get("committee_id", UUID.class)).all().collectList()).block());
        }
        return delivered;
    }

    private String committee(String party, String code) {
        return graphQl.document("query($p: String!) { party(code: $p) { committees { id code } } }").variable("p", party).execute()
                .path("party.committees[?(@.code == '" + code + "')].id").entityList(String.class).get().getFirst();
    }

    @Test
    void LSVO_13_LSVO_14_LSVO_15_IMP_02_decidedSignedFrozenDistributedToExactlyTheRulebooksRecipientsAndPublic() throws Exception {
        String meeting = lsvo.heldMeetingWithSchoolDecision(LsvoFlow.weekdaysAhead(15), "Gemensam plan för skolnärvaro")[0];
        String minutes = lsvo.draft(meeting);
        UUID key = LsvoFlow.key(minutes);
        String karlskronaBun = committee("karlskrona", "bun");

        // Karlskrona's reader follows its school committee's inbox; Ronneby's reader tries to follow it too
        BlockingQueue<Map<String, Object>> karlskrona = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> ronneby = new LinkedBlockingQueue<>();
        // from a cursor taken now, so that the subscriptions miss nothing however long the sockets take to open
        String feedFrom = String.valueOf(db.sql("SELECT coalesce(max(id), 0) AS id FROM event").map(x -> x.get("id", Long.class)).one().block());
        String inboxSubscription = "subscription($c: ID!, $a: String) { inboxItemArrived(committee: $c, after: $a) { cursor item { id title kind committee { code } minutes { id } } } }";
        WebSocketGraphQlTester karlskronaSocket = socket(port, Map.of("Authorization", "Bearer " + tokenFor("handlaggare.karlskrona")));
        WebSocketGraphQlTester ronnebySocket = socket(port, Map.of("Authorization", "Bearer " + tokenFor("handlaggare.ronneby")));
        @SuppressWarnings("unchecked")
        Disposable k = karlskronaSocket.document(inboxSubscription)
                .variable("c", karlskronaBun).variable("a", feedFrom).executeSubscription().toFlux("inboxItemArrived", Map.class)
                .subscribe(m -> karlskrona.add((Map<String, Object>) m), e -> karlskrona.add(Map.of("error", String.valueOf(e))));
        @SuppressWarnings("unchecked")
        Disposable r = ronnebySocket.document(inboxSubscription)
                .variable("c", karlskronaBun).variable("a", feedFrom).executeSubscription().toFlux("inboxItemArrived", Map.class)
                .subscribe(m -> ronneby.add((Map<String, Object>) m), e -> ronneby.add(Map.of("error", String.valueOf(e))));
        try {
            Thread.sleep(300);
            afterSubscribing(minutes, key, meeting, karlskronaBun, feedFrom, karlskrona, ronneby);
        } finally {
            k.dispose();
            r.dispose();
            karlskronaSocket.stop().block(Duration.ofSeconds(5));
            ronnebySocket.stop().block(Duration.ofSeconds(5));
        }
    }

    private void afterSubscribing(String minutes, UUID key, String meeting, String karlskronaBun, String feedFrom,
            BlockingQueue<Map<String, Object>> karlskrona, BlockingQueue<Map<String, Object>> ronneby) throws Exception {
        // LSVO-13: the four named sign; anyone else — here Ronneby's school head, a member — is refused with the rule
        String sign = "mutation($m: ID!) { signMinutes(input: { minutes: $m }) { minutes { state } errors { code rule } } }";
        lsvo.signAllButLast(minutes);
        as("skolchef.ronneby").document(sign).variable("m", minutes).execute()
                .path("signMinutes.errors[0].code").entity(String.class).isEqualTo("SIGNATURE_NOT_ALLOWED")
                .path("signMinutes.errors[0].rule").entity(String.class).isEqualTo("LSVO-13");
        lsvo.signLast(minutes);

        // IMP-02: the database refuses a direct change of the signed row
        assertThatThrownBy(() -> db.sql("UPDATE minutes SET content = 'ändrat i efterhand' WHERE id = :id").bind("id", key)
                .fetch().rowsUpdated().block()).hasMessageContaining("IMP-02");
        assertThatThrownBy(() -> db.sql("DELETE FROM minutes_item WHERE minutes_id = :id").bind("id", key)
                .fetch().rowsUpdated().block()).hasMessageContaining("IMP-02");

        // LSVO-14: exactly the rulebook's recipients
        Set<UUID> expected = rulebookRecipientsForSchool();
        assertThat(expected).hasSize(6).contains(LsvoFlow.key(karlskronaBun));
        assertThat(deliveredTo(key)).containsExactlyInAnyOrderElementsOf(expected);

        // the committee's own party is told at once; Ronneby hears nothing
        Map<String, Object> arrived = karlskrona.poll(10, TimeUnit.SECONDS);
        assertThat(arrived).isNotNull().doesNotContainKey("error");
        String item = (String) ((Map<?, ?>) arrived.get("item")).get("id");
        assertThat(((Map<?, ?>) arrived.get("item")).get("kind")).isEqualTo("MINUTES");
        assertThat(((Map<?, ?>) ((Map<?, ?>) arrived.get("item")).get("minutes")).get("id")).isEqualTo(minutes);

        // LSVO-15: published, and public without a token
        graphQl.document("query($m: ID!) { meeting(id: $m) { minutes { id } } }").variable("m", meeting).execute()
                .path("meeting.minutes").entityList(Object.class).hasSize(0);
        lsvo.publish(minutes);
        graphQl.document("query($m: ID!) { meeting(id: $m) { minutes { id state contentHash verified publishedAt } } }")
                .variable("m", meeting).execute()
                .path("meeting.minutes[0].id").entity(String.class).isEqualTo(minutes)
                .path("meeting.minutes[0].state").entity(String.class).isEqualTo("SIGNED")
                .path("meeting.minutes[0].verified").entity(Boolean.class).isEqualTo(true);
        graphQl.document("query($m: ID!) { node(id: $m) { ... on Minutes { id publishedAt } } }").variable("m", minutes).execute()
                .path("node.id").entity(String.class).isEqualTo(minutes);

        // Ronneby's reader gets nothing of Karlskrona's inbox: not by the list, the node, acknowledging, the subscription or the change feed
        HttpGraphQlTester ronnebyReader = as("handlaggare.ronneby");
        ronnebyReader.document("query($c: ID!) { inbox(committee: $c) { totalCount edges { node { id } } } }").variable("c", karlskronaBun)
                .execute().path("inbox.totalCount").entity(Integer.class).isEqualTo(0);
        ronnebyReader.document("query($i: ID!) { node(id: $i) { id } }").variable("i", item).execute().path("node").valueIsNull();
        ronnebyReader.document("mutation($i: ID!) { acknowledgeInboxItem(input: { item: $i, note: \"x\" }) { errors { code } } }")
                .variable("i", item).execute().path("acknowledgeInboxItem.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        String feed = ronnebyReader.document("query($a: String) { changes(after: $a) { edges { node { objectType objectId kind node { id } } } } }")
                .variable("a", feedFrom).execute().path("changes.edges[*].node.objectType").entityList(String.class)
                .satisfies(types -> assertThat(types).contains("Minutes").doesNotContain("InboxItem"))
                .path("changes").entity(Map.class).get().toString();
        assertThat(feed).doesNotContain(item);
        Thread.sleep(300);
        assertThat(ronneby).isEmpty();
        // while Karlskrona's own reader sees it by the list
        as("handlaggare.karlskrona").document("query($c: ID!) { inbox(committee: $c) { edges { node { id rule } } } }")
                .variable("c", karlskronaBun).execute()
                .path("inbox.edges[*].node.id").entityList(String.class).contains(item);
    }

    @Test
    void aDraftIsEditableByTheSecretaryUntilTheFirstSignatureAndNeverAfter() {
        String meeting = lsvo.heldMeetingWithSchoolDecision(LsvoFlow.weekdaysAhead(18), "Simundervisning")[0];
        String minutes = lsvo.draft(meeting);
        String edit = "mutation($m: ID!, $c: String!) { editMinutes(input: { minutes: $m, content: $c }) { minutes { content } errors { code rule } } }";
        as("aldrechef.karlskrona").document(edit).variable("m", minutes).variable("c", "x").execute()
                .path("editMinutes.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        as("sekreterare.lsvo").document(edit).variable("m", minutes).variable("c", " ").execute()
                .path("editMinutes.errors[0].code").entity(String.class).isEqualTo("BAD_INPUT");
        as("sekreterare.lsvo").document(edit).variable("m", minutes).variable("c", "Protokoll, justerad text").execute()
                .path("editMinutes.errors").entityList(Object.class).hasSize(0)
                .path("editMinutes.minutes.content").entity(String.class).isEqualTo("Protokoll, justerad text");
        lsvo.signAllButLast(minutes);
        as("sekreterare.lsvo").document(edit).variable("m", minutes).variable("c", "ändrat efter signering").execute()
                .path("editMinutes.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
        lsvo.signLast(minutes);
        as("sekreterare.lsvo").document(edit).variable("m", minutes).variable("c", "ändrat efter justering").execute()
                .path("editMinutes.errors[0].rule").entity(String.class).isEqualTo("IMP-02");
    }

    @Test
    void anUnauthenticatedInboxSubscriptionIsRefusedAndABadTokenAtConnectionInitClosesTheSocket() {
        String hsn = committee("region-blekinge", "hsn");
        WebSocketGraphQlTester anonymous = socket(port, Map.of());
        anonymous.document("subscription($c: ID!) { inboxItemArrived(committee: $c) { cursor } }").variable("c", hsn)
                .executeSubscription().toFlux().as(reactor.test.StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("sign in")).verify(Duration.ofSeconds(10));
        anonymous.stop().block(Duration.ofSeconds(5));
        socket(port, Map.of("Authorization", "Bearer not-a-token")).document("subscription { minutesPublished { cursor } }")
                .executeSubscription().toFlux().as(reactor.test.StepVerifier::create)
                .expectError().verify(Duration.ofSeconds(10));
    }
}
