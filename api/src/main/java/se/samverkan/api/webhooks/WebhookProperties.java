package se.samverkan.api.webhooks;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered.
 *
 * @param pollInterval how often the worker looks for due retries and for events it was not woken for (default 1 s);
 *                     looking costs no SQL while nothing is due
 * @param timeout      how long a receiver has to answer a delivery, connecting included (default 10 s); a timeout is
 *                     a failed attempt
 * @param baseBackoff  the wait before the first retry (default 10 s); it doubles with every failed attempt
 * @param maxBackoff   the longest wait between two attempts (default 1 h)
 * @param maxAttempts  attempts per event before the delivery is FAILED (default 8)
 * @param requireHttps whether webhook URLs must be {@code https} (default false; true in the {@code prod} profile)
 */
@ConfigurationProperties("samverkan.webhooks")
record WebhookProperties(@Nullable Duration pollInterval, @Nullable Duration timeout, @Nullable Duration baseBackoff,
        @Nullable Duration maxBackoff, @Nullable Integer maxAttempts, @Nullable Boolean requireHttps) {

    WebhookProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        baseBackoff = baseBackoff == null ? Duration.ofSeconds(10) : baseBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        requireHttps = requireHttps != null && requireHttps;
        if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative() || timeout.isZero()
                || baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("samverkan.webhooks: poll-interval and timeout must be positive, and "
                    + "max-backoff at least base-backoff");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("samverkan.webhooks.max-attempts must be at least 1, not " + maxAttempts);
        }
    }

    /** Defaults for everything. */
    static WebhookProperties defaults() {
        return new WebhookProperties(null, null, null, null, null, null);
    }

    /**
     * The wait after failed attempt {@code attempt} (1 for the first): {@code base-backoff} doubling per attempt, capped
     * at {@code max-backoff}, of which a random half is taken off ("equal jitter") so that receivers coming back from an
     * outage are not hit by every retry at once. Always between half the capped wait and the capped wait.
     */
    Duration backoff(int attempt, RandomGenerator random) {
        long base = baseBackoff().toMillis();
        long cap = maxBackoff().toMillis();
        int doublings = Math.min(Math.max(attempt, 1) - 1, 40);
        long wait = base > (cap >> doublings) ? cap : Math.min(cap, base << doublings);
        long half = wait / 2;
        return Duration.ofMillis(wait - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /** How long a claimed attempt keeps its delivery from every other instance: the timeout and a margin. */
    Duration lease() {
        return timeout().plusSeconds(30);
    }

    @Override
    public Duration pollInterval() {
        return Objects.requireNonNull(pollInterval);
    }

    @Override
    public Duration timeout() {
        return Objects.requireNonNull(timeout);
    }

    @Override
    public Duration baseBackoff() {
        return Objects.requireNonNull(baseBackoff);
    }

    @Override
    public Duration maxBackoff() {
        return Objects.requireNonNull(maxBackoff);
    }

    @Override
    public Integer maxAttempts() {
        return Objects.requireNonNull(maxAttempts);
    }

    @Override
    public Boolean requireHttps() {
        return Objects.requireNonNull(requireHttps);
    }
}
