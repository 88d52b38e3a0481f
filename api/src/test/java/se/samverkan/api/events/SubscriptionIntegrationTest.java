package se.samverkan.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;
import se.samverkan.api.SamverkanApplication;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.api.support.LsvoFlow;

/**
 * Subscriptions over graphql-ws, fed by the outbox through LISTEN/NOTIFY. The poll that backs NOTIFY up is set to a
 * minute here, so what arrives within a second came by NOTIFY — on this instance and on a second one on the same
 * database.
 */
@TestPropertySource(properties = "samverkan.events.poll-interval=60s")
class SubscriptionIntegrationTest extends IntegrationTest {

    private static final String MINUTES_PUBLISHED = """
            subscription($after: String, $bodies: [ID!]) { minutesPublished(counties: ["blekinge"], bodies: $bodies, after: $after) {
              cursor at minutes { id contentHash publishedAt meeting { body { shortName } } } } }""";

    private static ConfigurableApplicationContext second;

    @Autowired
    DatabaseClient db;
    @Autowired
    Environment environment;

    private final LsvoFlow lsvo = new LsvoFlow(this);

    /* The second instance, once started, runs until the JVM exits (it registered its own shutdown hook). */

    private String lastCursor() {
        return String.valueOf(db.sql("SELECT coalesce(max(id), 0) AS id FROM event").map(r -> r.get("id", Long.class)).one().block());
    }

    /** Subscribes, collecting what arrives; the subscription is live once the returned handle exists. */
    private Disposable collect(WebSocketGraphQlTester tester, String document, Map<String, Object> variables,
            String path, BlockingQueue<Map<String, Object>> into) {
        WebSocketGraphQlTester.Request<?> request = tester.document(document);
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        @SuppressWarnings("unchecked")
        Disposable handle = request.executeSubscription().toFlux(path, Map.class)
                .subscribe(m -> into.add((Map<String, Object>) m));
        return () -> {
            handle.dispose();
            tester.stop().block(Duration.ofSeconds(5)); // close the socket, as an app going away does
        };
    }

    private static Map<String, Object> next(BlockingQueue<Map<String, Object>> queue, Duration within) throws InterruptedException {
        Map<String, Object> received = queue.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(received).as("an event within " + within).isNotNull();
        return received;
    }

    @SuppressWarnings("unchecked")
    private static String minutesId(Map<String, Object> event) {
        return (String) ((Map<String, Object>) event.get("minutes")).get("id");
    }

    private ConfigurableApplicationContext secondInstance() {
        if (second == null) {
            Map<String, Object> database = new java.util.HashMap<>();
            for (String key : List.of("spring.r2dbc.url", "spring.r2dbc.username", "spring.r2dbc.password", "spring.flyway.url",
                    "spring.flyway.user", "spring.flyway.password", "spring.flyway.placeholders.appRole")) {
                database.put(key, environment.getRequiredProperty(key));
            }
            database.put("server.port", 0);
            database.put("samverkan.demo.meetings.enabled", false);
            database.put("samverkan.security.dev-issuer.allow-external-database", true);
            database.put("samverkan.events.poll-interval", "60s");
            second = new SpringApplicationBuilder(SamverkanApplication.class).properties(database).run();
        }
        return second;
    }

    @Test
    void LSVO_15_aSubscriberOnThisInstanceAndOneOnASecondInstanceReceivePublishedMinutesWithinASecond() throws Exception {
        int secondPort = secondInstance().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        String minutes = lsvo.signedMinutes(12, "Gemensam elevhälsa");
        String from = lastCursor();
        BlockingQueue<Map<String, Object>> here = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> there = new LinkedBlockingQueue<>();
        Disposable a = collect(socket(port, Map.of()), MINUTES_PUBLISHED, Map.of("after", from), "minutesPublished", here);
        Disposable b = collect(socket(secondPort, Map.of()), MINUTES_PUBLISHED, Map.of("after", from), "minutesPublished", there);
        try {
            // both subscriptions are up (each replays from `from`, so none can miss the event however the race goes)
            Thread.sleep(300);
            long published = System.nanoTime();
            lsvo.publish(minutes);
            Map<String, Object> onThis = next(here, Duration.ofSeconds(1));
            Map<String, Object> onSecond = next(there, Duration.ofSeconds(1));
            long millis = Duration.ofNanos(System.nanoTime() - published).toMillis();
            System.out.println("minutesPublished: both subscribers received the event " + millis + " ms after publishMinutes was sent");
            assertThat(minutesId(onThis)).isEqualTo(minutes);
            assertThat(minutesId(onSecond)).isEqualTo(minutes);
            assertThat(onThis.get("cursor")).isEqualTo(onSecond.get("cursor"));
            assertThat(((Map<?, ?>) onThis.get("minutes")).get("contentHash")).asString().matches("[0-9a-f]{64}");
            Thread.sleep(200);
            assertThat(here).as("each event once").isEmpty();
            assertThat(there).as("each event once").isEmpty();
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    @Test
    void aSubscriberThatWasAwayDuringPublicationResumesWithItsLastCursorAndGetsWhatItMissedOnce() throws Exception {
        String first = lsvo.signedMinutes(13, "Tidiga insatser");
        String missed = lsvo.signedMinutes(13, "Skolnärvaro");
        String later = lsvo.signedMinutes(13, "Övergångar mellan skolformer");
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        Disposable connected = collect(socket(port, Map.of()), MINUTES_PUBLISHED, Map.of("after", lastCursor()), "minutesPublished", received);
        Thread.sleep(300);
        lsvo.publish(first);
        Map<String, Object> seen = next(received, Duration.ofSeconds(5));
        assertThat(minutesId(seen)).isEqualTo(first);
        connected.dispose(); // the app goes away

        lsvo.publish(missed);

        Disposable back = collect(socket(port, Map.of()), MINUTES_PUBLISHED, Map.of("after", seen.get("cursor")), "minutesPublished", received);
        try {
            assertThat(minutesId(next(received, Duration.ofSeconds(5)))).isEqualTo(missed);
            Thread.sleep(300);
            lsvo.publish(later);
            assertThat(minutesId(next(received, Duration.ofSeconds(5)))).isEqualTo(later);
            Thread.sleep(300);
            assertThat(received).as("nothing twice, nothing from before the cursor").isEmpty();
        } finally {
            back.dispose();
        }
    }

    @Autowired
    EventStream stream;

    /**
     * The context may stop and start its lifecycle beans (Spring's test framework pauses cached contexts; an operator
     * may stop and start the service). After a restart the dispatcher listens again: with the poll at a minute, only
     * NOTIFY can deliver within a second.
     */
    @Test
    void afterTheDispatcherIsStoppedAndStartedAgainNotifiedEventsAreDeliveredAgain() throws Exception {
        String minutes = lsvo.signedMinutes(15, "Studie- och yrkesvägledning");
        stream.stop();
        stream.start();
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        Disposable subscriber = collect(socket(port, Map.of()), MINUTES_PUBLISHED, Map.of("after", lastCursor()),
                "minutesPublished", received);
        try {
            Thread.sleep(500);
            lsvo.publish(minutes);
            assertThat(minutesId(next(received, Duration.ofSeconds(1)))).isEqualTo(minutes);
        } finally {
            subscriber.dispose();
        }
    }

    @Test
    void aSubscriberFilteringByAnotherBodyReceivesNothingOfLsvo() throws Exception {
        String psvo = graphQl.document("{ body(county: \"blekinge\", shortName: \"PSVO\") { id } }").execute()
                .path("body.id").entity(String.class).get();
        String minutes = lsvo.signedMinutes(14, "Läxhjälp");
        BlockingQueue<Map<String, Object>> psvoOnly = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> lsvoOnly = new LinkedBlockingQueue<>();
        String from = lastCursor();
        Disposable a = collect(socket(port, Map.of()), MINUTES_PUBLISHED, Map.of("after", from, "bodies", List.of(psvo)), "minutesPublished", psvoOnly);
        Disposable b = collect(socket(port, Map.of()), MINUTES_PUBLISHED, Map.of("after", from, "bodies", List.of(lsvo.lsvo())), "minutesPublished", lsvoOnly);
        try {
            Thread.sleep(300);
            lsvo.publish(minutes);
            assertThat(minutesId(next(lsvoOnly, Duration.ofSeconds(5)))).isEqualTo(minutes);
            Thread.sleep(300);
            assertThat(psvoOnly).isEmpty();
        } finally {
            a.dispose();
            b.dispose();
        }
    }
}
