package se.samverkan.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import se.samverkan.api.events.EventStream;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: an integration client registers one over GraphQL, events are written to the outbox, and a real
 * HTTP receiver on a loopback port checks what arrives with HMAC code of its own. A tiny backoff here, so that
 * retries happen within the test, and a timeout short enough for the silent receiver yet long enough that a loaded
 * machine does not turn a prompt answer into a retry.
 */
@TestPropertySource(properties = {
    "samverkan.webhooks.poll-interval=50ms",
    "samverkan.webhooks.base-backoff=50ms",
    "samverkan.webhooks.max-backoff=200ms",
    "samverkan.webhooks.timeout=2s",
    "samverkan.webhooks.max-attempts=3",
    "samverkan.events.poll-interval=200ms"})
class WebhookIntegrationTest extends IntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final Receiver RECEIVER = new Receiver();

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void startReceiver() {
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    // ----------------------------------------------------------------------------------------------------- the tests

    @Test
    void anIntegrationClientsWebhookReceivesMinutesPublishedSignedWithTheRightData() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        String path = RECEIVER.path("ok");
        Map<String, Object> registered = register(client, Map.of("url", RECEIVER.url(path),
                "events", List.of("MINUTES_PUBLISHED"), "counties", List.of("blekinge")));
        String secret = (String) registered.get("secret");
        assertThat(secret).matches("[0-9a-f]{64}");
        @SuppressWarnings("unchecked")
        Map<String, Object> webhook = (Map<String, Object>) registered.get("webhook");
        assertThat(webhook).containsEntry("url", RECEIVER.url(path)).containsEntry("events", List.of("MINUTES_PUBLISHED"))
                .containsEntry("counties", List.of(Map.of("code", "blekinge"))).containsEntry("bodies", List.of());
        // the secret is shown once: no field of a webhook gives it again
        graphQl.document("{ __type(name: \"Webhook\") { fields { name } } }").execute()
                .path("__type.fields[*].name").entityList(String.class)
                .satisfies(fields -> assertThat(fields).contains("url", "deliveries").doesNotContain("secret"));

        UUID lsvo = bodyId("blekinge", "LSVO");
        UUID meeting = UUID.randomUUID();
        UUID minutes = UUID.randomUUID();
        String hash = "c0ffee".repeat(10) + "c0ff";
        Instant publishedAt = Instant.parse("2026-11-30T09:00:00Z");
        publishedMinutes(lsvo, meeting, minutes, hash, publishedAt);
        Instant before = Instant.now().minusSeconds(1);
        long event = writeEvent("MinutesPublished", lsvo, null, Map.of("minutes", minutes.toString(),
                "meeting", meeting.toString(), "contentHash", hash, "county", "blekinge"));

        Received got = await(() -> RECEIVER.on(path), list -> !list.isEmpty()).getFirst();
        assertThat(got.header("content-type")).startsWith("application/json");
        assertThat(got.header("samverkan-event-id")).isEqualTo(Long.toString(event));
        long timestamp = Long.parseLong(got.header("samverkan-timestamp"));
        assertThat(timestamp).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(got.header("samverkan-signature")).startsWith("v1=");
        assertThat(Receiver.verifies(secret, got.header("samverkan-timestamp"), got.body(), got.header("samverkan-signature")))
                .as("the receiver's own HMAC check").isTrue();

        JsonNode body = json.readTree(got.body());
        assertThat(body.get("id").asString()).isEqualTo(Long.toString(event));
        assertThat(body.get("type").asString()).isEqualTo("MinutesPublished");
        assertThat(OffsetDateTime.parse(body.get("occurredAt").asString()).toInstant()).isAfter(before);
        JsonNode data = body.get("data");
        assertThat(data.get("minutes").asString()).isEqualTo(new GlobalId("Minutes", minutes.toString()).encode());
        assertThat(data.get("meeting").asString()).isEqualTo(new GlobalId("Meeting", meeting.toString()).encode());
        assertThat(data.get("body").asString()).isEqualTo(new GlobalId("Body", lsvo.toString()).encode());
        assertThat(data.get("county").asString()).isEqualTo("blekinge");
        assertThat(data.get("contentHash").asString()).isEqualTo(hash);
        assertThat(OffsetDateTime.parse(data.get("publishedAt").asString()).toInstant()).as("the minutes' publication")
                .isEqualTo(publishedAt);

        // a tampered payload, or the same payload under another timestamp, fails the receiver's check
        byte[] tampered = new String(got.body(), StandardCharsets.UTF_8).replace(hash, "0".repeat(64)).getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(got.body());
        assertThat(Receiver.verifies(secret, got.header("samverkan-timestamp"), tampered, got.header("samverkan-signature")))
                .isFalse();
        assertThat(Receiver.verifies(secret, Long.toString(timestamp - 1), got.body(), got.header("samverkan-signature")))
                .isFalse();
        assertThat(Receiver.verifies(WebhookService.newSecret(), got.header("samverkan-timestamp"), got.body(),
                got.header("samverkan-signature"))).isFalse();

        Map<String, Object> delivery = awaitDelivery(client, (String) webhook.get("id"), event, "DELIVERED");
        assertThat(delivery).containsEntry("type", "MINUTES_PUBLISHED").containsEntry("attempts", 1)
                .containsEntry("lastStatus", 200).containsEntry("lastError", null).containsEntry("nextAttemptAt", null);
        assertThat(delivery.get("deliveredAt")).isNotNull();
        assertThat(RECEIVER.on(path)).hasSize(1);
    }

    @Test
    void aReceiverAnswering500IsRetriedWithBackoffAndTheLogShowsTwoAttemptsDelivered() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        String path = RECEIVER.path("flaky", 500);
        Map<String, Object> registered = register(client, Map.of("url", RECEIVER.url(path)));
        String secret = (String) registered.get("secret");
        String webhook = webhookId(registered);

        long event = writeEvent("NoticeSent", bodyId("blekinge", "PSVO"), null, Map.of("meeting", UUID.randomUUID().toString()));

        Map<String, Object> delivery = awaitDelivery(client, webhook, event, "DELIVERED");
        assertThat(delivery).containsEntry("type", "NOTICE_SENT").containsEntry("attempts", 2)
                .containsEntry("lastStatus", 200).containsEntry("lastError", null);
        List<Received> got = RECEIVER.on(path);
        assertThat(got).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("samverkan-event-id")).isEqualTo(Long.toString(event));
            assertThat(Receiver.verifies(secret, r.header("samverkan-timestamp"), r.body(), r.header("samverkan-signature"))).isTrue();
        });
        assertThat(got.get(0).body()).as("a retry sends the same body").isEqualTo(got.get(1).body());
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).as("after the backoff (base 50 ms, half of it at least)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(25));
        assertThat(json.readTree(got.get(0).body()).get("data").get("county").asString())
                .as("without a county in the event, the body's").isEqualTo("blekinge");
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutIsRetriedAndFailsAfterMaxAttempts() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        String path = RECEIVER.silentPath();
        String webhook = webhookId(register(client, Map.of("url", RECEIVER.url(path), "events", List.of("NOTICE_SENT"))));

        long event = writeEvent("NoticeSent", bodyId("blekinge", "LSVO"), null, Map.of("meeting", UUID.randomUUID().toString()));

        Map<String, Object> delivery = awaitDelivery(client, webhook, event, "FAILED");
        assertThat(delivery).containsEntry("attempts", 3).containsEntry("lastStatus", null).containsEntry("nextAttemptAt", null)
                .containsEntry("deliveredAt", null);
        assertThat((String) delivery.get("lastError")).startsWith("no answer within 2000 ms").doesNotContain("Exception", "\tat ");
        assertThat(RECEIVER.on(path)).hasSize(3);
        delete(client, webhook);
    }

    @Test
    void aReceiverThatIsNotThereIsLoggedShortly() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        String webhook = webhookId(register(client, Map.of("url", "http://127.0.0.1:" + Receiver.closedPort() + "/nobody")));

        long event = writeEvent("NoticeSent", bodyId("blekinge", "LSVO"), null, Map.of("meeting", UUID.randomUUID().toString()));

        Map<String, Object> delivery = awaitDelivery(client, webhook, event, "FAILED");
        assertThat(delivery).containsEntry("attempts", 3).containsEntry("lastStatus", null);
        assertThat((String) delivery.get("lastError")).isEqualTo("could not connect: connection refused");
        delete(client, webhook);
    }

    @Test
    void callersWithoutTheIntegrationRoleAreRefused() {
        String register = """
                mutation($url: String!) { registerWebhook(input: { url: $url }) { webhook { id } secret errors { code field } } }""";
        graphQl.document(register).variable("url", RECEIVER.url("/anonymous")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).hasToString("UNAUTHORIZED");
                    assertThat(e.getMessage()).isEqualTo("Mutation.registerWebhook: sign in first");
                }));
        HttpGraphQlTester member = as("aldrechef.karlskrona");
        member.document(register).variable("url", RECEIVER.url("/member")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).hasToString("FORBIDDEN");
                    assertThat(e.getMessage()).contains("realm role 'integration'");
                }));
        member.document("{ webhooks { totalCount } }").execute().path("webhooks.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl.document("{ webhooks { totalCount } }").execute().path("webhooks.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void anotherIntegrationClientSeesNoneOfTheFirstOnesWebhooksAndCannotDeleteThem() {
        HttpGraphQlTester first = integrationClient("region-blekinge");
        HttpGraphQlTester second = integrationClient("karlskrona");
        String webhook = webhookId(register(first, Map.of("url", RECEIVER.url(RECEIVER.path("first")))));
        String theirs = webhookId(register(second, Map.of("url", RECEIVER.url(RECEIVER.path("second")))));

        assertThat(webhookIds(first)).containsExactly(webhook);
        assertThat(webhookIds(second)).containsExactly(theirs);
        String node = "query($id: ID!) { node(id: $id) { __typename ... on Webhook { url } } }";
        first.document(node).variable("id", webhook).execute().path("node.__typename").entity(String.class).isEqualTo("Webhook");
        second.document(node).variable("id", webhook).execute().path("node").valueIsNull();
        graphQl.document(node).variable("id", webhook).execute().path("node").valueIsNull();

        String delete = "mutation($id: ID!) { deleteWebhook(input: { webhook: $id }) { deletedWebhookId errors { code field } } }";
        second.document(delete).variable("id", webhook).execute()
                .path("deleteWebhook.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("deleteWebhook.deletedWebhookId").valueIsNull();
        assertThat(webhookIds(first)).containsExactly(webhook);
        first.document(delete).variable("id", webhook).execute()
                .path("deleteWebhook.deletedWebhookId").entity(String.class).isEqualTo(webhook)
                .path("deleteWebhook.errors").entityList(Object.class).hasSize(0);
        assertThat(webhookIds(first)).isEmpty();
        assertThat(webhookIds(second)).containsExactly(theirs);
    }

    @Test
    void aPartyEventIsNeverDeliveredEvenOfAWebhookType() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        String path = RECEIVER.path("party");
        String webhook = webhookId(register(client, Map.of("url", RECEIVER.url(path))));
        UUID lsvo = bodyId("blekinge", "LSVO");

        long partyEvent = writeEvent("MinutesPublished", lsvo, "karlskrona", Map.of("minutes", UUID.randomUUID().toString(),
                "meeting", UUID.randomUUID().toString(), "contentHash", "secret-of-karlskrona", "county", "blekinge"));
        long inbox = writeEvent("InboxItemArrived", lsvo, "karlskrona", Map.of("item", UUID.randomUUID().toString()));
        long publicEvent = writeEvent("NoticeSent", lsvo, null, Map.of("meeting", UUID.randomUUID().toString()));

        // events are fanned out in order: once the later public event is delivered, the party ones were passed over
        awaitDelivery(client, webhook, publicEvent, "DELIVERED");
        assertThat(RECEIVER.on(path)).extracting(r -> r.header("samverkan-event-id")).containsExactly(Long.toString(publicEvent));
        assertThat(deliveries(client, webhook)).extracting(d -> d.get("eventId"))
                .containsExactly(Long.toString(publicEvent)).doesNotContain(Long.toString(partyEvent), Long.toString(inbox));
    }

    @Test
    void eventsBeforeRegistrationAreNotDeliveredEvenWhenTheFanOutLagsBehind() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        UUID lsvo = bodyId("blekinge", "LSVO");
        long earlier = writeEvent("NoticeSent", lsvo, null, Map.of("meeting", UUID.randomUUID().toString()));
        await(this::cursor, position -> position >= earlier);
        // as if every instance had been down since before that event: the fan-out has not reached it yet
        db.sql("UPDATE webhook_cursor SET position = :p").bind("p", earlier - 1).fetch().rowsUpdated().block();
        String path = RECEIVER.path("late");
        String webhook = webhookId(register(client, Map.of("url", RECEIVER.url(path))));
        long later = writeEvent("NoticeSent", lsvo, null, Map.of("meeting", UUID.randomUUID().toString()));

        awaitDelivery(client, webhook, later, "DELIVERED");
        assertThat(cursor()).isGreaterThanOrEqualTo(later);
        assertThat(RECEIVER.on(path)).extracting(r -> r.header("samverkan-event-id")).containsExactly(Long.toString(later))
                .doesNotContain(Long.toString(earlier));
        assertThat(deliveries(client, webhook)).extracting(d -> d.get("eventId")).containsExactly(Long.toString(later));
    }

    @Test
    void eventsAreFilteredByTypeBodyAndCounty() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        UUID lsvo = bodyId("blekinge", "LSVO");
        UUID psvo = bodyId("blekinge", "PSVO");
        UUID pb = bodyId("norrbotten", "PB");
        String lsvoNotices = RECEIVER.path("lsvo-notices");
        String norrbotten = RECEIVER.path("norrbotten");
        String byBody = webhookId(register(client, Map.of("url", RECEIVER.url(lsvoNotices), "events", List.of("NOTICE_SENT"),
                "bodies", List.of(new GlobalId("Body", lsvo.toString()).encode()))));
        String byCounty = webhookId(register(client, Map.of("url", RECEIVER.url(norrbotten), "counties", List.of("norrbotten"))));

        long wrongType = writeEvent("MinutesPublished", lsvo, null, Map.of("minutes", UUID.randomUUID().toString(),
                "meeting", UUID.randomUUID().toString(), "contentHash", "x", "county", "blekinge"));
        long wrongBody = writeEvent("NoticeSent", psvo, null, Map.of("meeting", UUID.randomUUID().toString(), "county", "blekinge"));
        long inNorrbotten = writeEvent("NoticeSent", pb, null, Map.of("meeting", UUID.randomUUID().toString()));
        long match = writeEvent("NoticeSent", lsvo, null, Map.of("meeting", UUID.randomUUID().toString(), "county", "blekinge"));

        awaitDelivery(client, byBody, match, "DELIVERED");
        awaitDelivery(client, byCounty, inNorrbotten, "DELIVERED");
        assertThat(RECEIVER.on(lsvoNotices)).extracting(r -> r.header("samverkan-event-id")).containsExactly(Long.toString(match));
        assertThat(RECEIVER.on(norrbotten)).extracting(r -> r.header("samverkan-event-id"))
                .containsExactly(Long.toString(inNorrbotten)).doesNotContain(Long.toString(wrongType), Long.toString(wrongBody));
        assertThat(json.readTree(RECEIVER.on(norrbotten).getFirst().body()).get("data").get("county").asString())
                .isEqualTo("norrbotten");
    }

    @Test
    void theDeliveryLogIsPagedNewestFirstForEveryWebhookInOneQuery() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        UUID group = bodyId("blekinge", "LSVO-BG");
        Map<String, Object> onlyGroup = Map.of("bodies", List.of(new GlobalId("Body", group.toString()).encode()));
        String first = webhookId(register(client, with(onlyGroup, "url", RECEIVER.url(RECEIVER.path("log-a")))));
        String second = webhookId(register(client, with(onlyGroup, "url", RECEIVER.url(RECEIVER.path("log-b")))));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(Long.toString(writeEvent("NoticeSent", group, null, Map.of("meeting", UUID.randomUUID().toString()))));
        }
        for (String webhook : List.of(first, second)) {
            await(() -> deliveries(client, webhook), log -> log.size() == 3 && log.stream().allMatch(d -> "DELIVERED".equals(d.get("state"))));
        }

        String page = """
                query($after: String) { webhooks { edges { node { id deliveries(first: 2, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor } edges { node { eventId } } } } } } }""";
        List<Map<String, Object>> pages = client.document(page).execute().path("webhooks.edges[*].node").entityList(Map.class)
                .get().stream().map(WebhookIntegrationTest::cast).toList();
        assertThat(pages).extracting(w -> w.get("id")).containsExactly(second, first);
        String cursor = null;
        for (Map<String, Object> webhook : pages) {
            Map<String, Object> log = cast(webhook.get("deliveries"));
            assertThat(log.get("totalCount")).isEqualTo(3);
            assertThat(cast(log.get("pageInfo")).get("hasNextPage")).isEqualTo(true);
            assertThat((List<?>) log.get("edges")).extracting(e -> cast(cast(e).get("node")).get("eventId"))
                    .containsExactly(events.get(2), events.get(1));
            cursor = (String) cast(log.get("pageInfo")).get("endCursor");
        }
        client.document(page).variable("after", cursor).execute()
                .path("webhooks.edges[*].node.deliveries.edges[*].node.eventId").entityList(String.class)
                .containsExactly(events.get(0), events.get(0))
                .path("webhooks.edges[*].node.deliveries.pageInfo.hasNextPage").entityList(Boolean.class)
                .containsExactly(false, false);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    @Test
    void badInputIsRefusedNamingEachField() {
        HttpGraphQlTester client = integrationClient("region-blekinge");
        String register = """
                mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) {
                  webhook { id } secret errors { code field message } } }""";
        List<Map<String, Object>> errors = new ArrayList<>();
        client.document(register).variable("input", Map.of("url", "ftp://example.org/x", "events", List.of())).execute()
                .path("registerWebhook.secret").valueIsNull()
                .path("registerWebhook.errors").entityList(Map.class).get().forEach(e -> errors.add(cast(e)));
        assertThat(errors).extracting(e -> e.get("code")).containsOnly("BAD_INPUT");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("url", "events");

        errors.clear();
        client.document(register).variable("input", Map.of("url", "https://example.org/hook", "counties", List.of("atlantis"),
                "bodies", List.of("bm90LWEtYm9keQ", new GlobalId("Body", bodyId("norrbotten", "PB").toString()).encode(),
                        new GlobalId("Body", UUID.randomUUID().toString()).encode()))).execute()
                .path("registerWebhook.webhook").valueIsNull()
                .path("registerWebhook.errors").entityList(Map.class).get().forEach(e -> errors.add(cast(e)));
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("counties", "bodies", "bodies", "bodies");
        assertThat(errors).extracting(e -> (String) e.get("message")).anySatisfy(m -> assertThat(m).contains("atlantis"));

        errors.clear();
        client.document(register).variable("input", Map.of("url", "https://example.org/" + "a".repeat(2000))).execute()
                .path("registerWebhook.errors").entityList(Map.class).get().forEach(e -> errors.add(cast(e)));
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("url");
        assertThat(webhookIds(client)).isEmpty();
    }

    @Test
    void twoInstancesOnOneDatabaseDeliverEveryEventExactlyOnce(@Autowired WebhookRepository repository,
            @Autowired EventStream events, @Autowired WebhookSender sender, @Autowired WebhookProperties properties,
            @Autowired Clock clock) {
        WebhookWorker secondInstance = new WebhookWorker(repository, events, sender, properties, clock);
        secondInstance.start();
        try {
            HttpGraphQlTester client = integrationClient("region-blekinge");
            String path = RECEIVER.path("shared");
            String webhook = webhookId(register(client, Map.of("url", RECEIVER.url(path))));
            UUID lsvo = bodyId("blekinge", "LSVO");
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                written.add(Long.toString(writeEvent("NoticeSent", lsvo, null, Map.of("meeting", UUID.randomUUID().toString()))));
            }

            await(() -> deliveries(client, webhook), log -> log.size() == written.size()
                    && log.stream().allMatch(d -> "DELIVERED".equals(d.get("state"))));
            Map<String, Long> sends = RECEIVER.on(path).stream()
                    .collect(Collectors.groupingBy(r -> r.header("samverkan-event-id"), Collectors.counting()));
            assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(written);
            assertThat(sends).allSatisfy((event, count) -> assertThat(count).as("sends of event " + event).isEqualTo(1));
            assertThat(deliveries(client, webhook)).allSatisfy(d -> assertThat(d).containsEntry("attempts", 1));
        } finally {
            secondInstance.stop();
        }
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private HttpGraphQlTester integrationClient(String organisation) {
        Instant now = Instant.now();
        return withToken(devIssuer.sign(new JWTClaimsSet.Builder().issuer(devIssuer.issuer())
                .subject("integration-" + UUID.randomUUID()).audience("samverkan-api").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("organisation", organisation)
                .claim("realm_access", Map.of("roles", List.of("integration"))).build()));
    }

    private Map<String, Object> register(HttpGraphQlTester client, Map<String, Object> input) {
        return cast(client.document("""
                mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) {
                  webhook { id url events counties { code } bodies { shortName } createdAt }
                  secret errors { code field message } } }""")
                .variable("input", input).execute()
                .path("registerWebhook.errors").entityList(Object.class).hasSize(0)
                .path("registerWebhook").entity(Map.class).get());
    }

    private void delete(HttpGraphQlTester client, String webhook) {
        client.document("mutation($id: ID!) { deleteWebhook(input: { webhook: $id }) { deletedWebhookId } }")
                .variable("id", webhook).execute().path("deleteWebhook.deletedWebhookId").entity(String.class).isEqualTo(webhook);
    }

    private static String webhookId(Map<String, Object> registered) {
        return (String) cast(registered.get("webhook")).get("id");
    }

    private List<String> webhookIds(HttpGraphQlTester client) {
        return client.document("{ webhooks { edges { node { id } } } }").execute()
                .path("webhooks.edges[*].node.id").entityList(String.class).get();
    }

    private List<Map<String, Object>> deliveries(HttpGraphQlTester client, String webhook) {
        return client.document("""
                query($id: ID!) { node(id: $id) { ... on Webhook { deliveries(first: 100) { totalCount edges { node {
                  eventId type occurredAt state attempts lastStatus lastError lastAttemptAt nextAttemptAt deliveredAt } } } } } }""")
                .variable("id", webhook).execute()
                .path("node.deliveries.edges[*].node").entityList(Map.class).get().stream()
                .map(WebhookIntegrationTest::cast).toList();
    }

    private Map<String, Object> awaitDelivery(HttpGraphQlTester client, String webhook, long event, String state) {
        String id = Long.toString(event);
        return await(() -> deliveries(client, webhook).stream().filter(d -> id.equals(d.get("eventId"))).findFirst().orElse(null),
                d -> d != null && state.equals(d.get("state")));
    }

    private UUID bodyId(String county, String shortName) {
        String id = graphQl.document("query($c: String, $s: String) { body(county: $c, shortName: $s) { id } }")
                .variable("c", county).variable("s", shortName).execute().path("body.id").entity(String.class).get();
        return GlobalId.uuidOf(id, "Body").orElseThrow();
    }

    /** Held meeting and signed, published minutes of it, straight into the tables (the minutes flow has its own tests). */
    private void publishedMinutes(UUID body, UUID meeting, UUID minutes, String hash, Instant publishedAt) {
        db.sql("""
                INSERT INTO meeting (id, body_id, kind, starts_at, location, state, scheduled_by)
                VALUES (:id, :body, 'ORDINARY', :at, 'Karlskrona', 'HELD', 'test')""")
                .bind("id", meeting).bind("body", body).bind("at", publishedAt.minus(Duration.ofDays(14)).atOffset(java.time.ZoneOffset.UTC))
                .fetch().rowsUpdated().block();
        db.sql("""
                INSERT INTO minutes (id, meeting_id, body_id, content, signatories, state, content_hash, signed_at, published_at, drafted_by)
                VALUES (:id, :meeting, :body, 'Protokoll', '[]', 'SIGNED', :hash, :signed, :published, 'test')""")
                .bind("id", minutes).bind("meeting", meeting).bind("body", body).bind("hash", hash)
                .bind("signed", publishedAt.minus(Duration.ofDays(7)).atOffset(java.time.ZoneOffset.UTC))
                .bind("published", publishedAt.atOffset(java.time.ZoneOffset.UTC)).fetch().rowsUpdated().block();
    }

    /** Writes an event to the outbox as its writers do (the trigger draws the id in commit order). */
    private long writeEvent(String type, UUID body, @Nullable String party, Map<String, Object> payload) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO event (type, body_id, party_code, payload) VALUES (:type, :body, :party, CAST(:payload AS jsonb))
                RETURNING id""").bind("type", type).bind("body", body).bind("payload", json.writeValueAsString(payload));
        spec = party == null ? spec.bindNull("party", String.class) : spec.bind("party", party);
        return Objects.requireNonNull(spec.map(r -> r.get("id", Long.class)).one().block());
    }

    private long cursor() {
        return Objects.requireNonNull(db.sql("SELECT position FROM webhook_cursor").map(r -> r.get("position", Long.class))
                .one().block());
    }

    /** Polls until the value satisfies the condition, failing at the deadline with the last value seen. */
    private static <T> T await(Supplier<T> value, Predicate<T> done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        T last = value.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + DEADLINE + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    // -------------------------------------------------------------------------------------------------- receiver

    /** A request as the receiver got it. */
    record Received(String path, Map<String, String> headers, byte[] body, Instant at) {

        String header(String name) {
            return Objects.requireNonNull(headers.get(name), "no header " + name);
        }
    }

    /**
     * A webhook receiver on a random loopback port: records every request by path and answers per path — first the
     * scripted statuses, then 200; a silent path never answers.
     */
    static final class Receiver {

        private final Queue<Received> received = new ConcurrentLinkedQueue<>();
        private final Map<String, ConcurrentLinkedDeque<Integer>> scripts = new ConcurrentHashMap<>();
        private final Map<String, Boolean> silent = new ConcurrentHashMap<>();
        private @Nullable DisposableServer server;

        void start() {
            server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> request.receive()
                    .aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
                        String path = request.uri();
                        Map<String, String> headers = new ConcurrentHashMap<>();
                        request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
                        received.add(new Received(path, headers, body, Instant.now()));
                        if (silent.containsKey(path)) {
                            return Mono.never();
                        }
                        Integer scripted = scripts.getOrDefault(path, new ConcurrentLinkedDeque<>()).poll();
                        return response.status(scripted == null ? 200 : scripted).sendString(Mono.just("ok")).then();
                    })).bindNow();
        }

        void stop() {
            if (server != null) {
                server.disposeNow();
            }
        }

        /** A fresh path that answers the given statuses first, then 200. */
        String path(String name, Integer... statuses) {
            String path = "/" + name + "-" + UUID.randomUUID();
            scripts.put(path, new ConcurrentLinkedDeque<>(List.of(statuses)));
            return path;
        }

        /** A fresh path that never answers. */
        String silentPath() {
            String path = "/silent-" + UUID.randomUUID();
            silent.put(path, true);
            return path;
        }

        String url(String path) {
            return "http://127.0.0.1:" + Objects.requireNonNull(server).port() + path;
        }

        List<Received> on(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }

        /** A loopback port nobody listens on. */
        static int closedPort() {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * The receiver's own check, written apart from the service's code: HMAC-SHA256 keyed with the secret's text over
         * "timestamp.body", hex, compared in constant time; and the timestamp no older than 5 minutes.
         */
        static boolean verifies(String secret, String timestamp, byte[] body, String signature) {
            try {
                if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                    return false;
                }
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) '.');
                String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
            } catch (java.security.GeneralSecurityException | NumberFormatException e) {
                return false;
            }
        }
    }
}
