package se.samverkan.api.webhooks;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one attempt of a delivery: a signed {@code POST} of the event's JSON body, non-blocking, within the timeout.
 * 2xx is delivered; anything else — another status, a timeout, no connection — is a failed attempt with a short reason
 * (no stack trace, nothing of the service's internals). Redirects are not followed.
 */
@Component
class WebhookSender {

    static final String EVENT_ID = "Samverkan-Event-Id";
    static final String TIMESTAMP = "Samverkan-Timestamp";
    static final String SIGNATURE = "Samverkan-Signature";

    /** What an attempt came to. {@code retry} is false for an event that can never be sent. */
    record Outcome(@Nullable Integer status, @Nullable String error, boolean retry) {

        boolean delivered() {
            return error == null;
        }
    }

    private final WebClient client;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookSender(JsonMapper json, WebhookProperties properties, Clock clock) {
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis()))
                .responseTimeout(properties.timeout())
                .followRedirect(false);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    Mono<Outcome> send(WebhookRepository.Claimed claimed) {
        if (!claimed.event().isPublic()) {
            // the fan-out never creates one; should a row ever point at a party's event, it is not sent
            return Mono.just(new Outcome(null, "not a public event: never delivered by webhook", false));
        }
        byte[] body;
        try {
            body = WebhookMessage.body(json, claimed.event(), claimed.bodyCounty(), claimed.publishedAt());
        } catch (RuntimeException e) {
            return Mono.just(new Outcome(null, "the event cannot be delivered: " + e.getMessage(), false));
        }
        long timestamp = clock.instant().getEpochSecond();
        return client.post().uri(URI.create(claimed.url()))
                .contentType(MediaType.APPLICATION_JSON)
                .header(EVENT_ID, claimed.event().cursor())
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignature.sign(claimed.secret(), timestamp, body))
                .header("User-Agent", "Samverkan-Webhooks/1")
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(properties.timeout())
                .map(status -> status >= 200 && status < 300 ? new Outcome(status, null, true)
                        : new Outcome(status, "the receiver answered HTTP " + status, true))
                .onErrorResume(e -> Mono.just(new Outcome(null, reason(e), true)));
    }

    /** A short reason for a failed attempt, for the delivery log. */
    private String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException
                    || cause instanceof ConnectTimeoutException) {
                break;
            }
            cause = cause.getCause();
        }
        return switch (cause) {
            case TimeoutException t -> "no answer within " + properties.timeout().toMillis() + " ms";
            case ReadTimeoutException t -> "no answer within " + properties.timeout().toMillis() + " ms";
            case ConnectTimeoutException t -> "could not connect within " + properties.timeout().toMillis() + " ms";
            case UnknownHostException u -> "unknown host";
            case ConnectException c -> "could not connect" + (String.valueOf(c.getMessage()).contains("refused")
                    ? ": connection refused" : "");
            default -> cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
        };
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
