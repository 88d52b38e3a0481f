package se.samverkan.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class WebhookPropertiesTest {

    /** A generator that always draws its largest or its smallest value. */
    private static RandomGenerator always(boolean largest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return largest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void defaultsAreDocumented() {
        WebhookProperties defaults = WebhookProperties.defaults();
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.baseBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.requireHttps()).isFalse();
        assertThat(defaults.lease()).isGreaterThan(defaults.timeout());
    }

    @Test
    void backoffDoublesFromTheBaseUpToTheCapWithEqualJitter() {
        WebhookProperties defaults = WebhookProperties.defaults();
        RandomGenerator top = always(true);
        RandomGenerator bottom = always(false);
        assertThat(defaults.backoff(1, top)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.backoff(1, bottom)).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.backoff(2, top)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.backoff(3, top)).isEqualTo(Duration.ofSeconds(40));
        assertThat(defaults.backoff(7, top)).isEqualTo(Duration.ofSeconds(640));
        assertThat(defaults.backoff(9, top)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(defaults.backoff(10, top)).as("5120 s, capped").isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoff(10, bottom)).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.backoff(1_000, top)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterStaysWithinHalfAndAllOfTheWait() {
        WebhookProperties defaults = WebhookProperties.defaults();
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long cap = Math.min(3_600_000L, 10_000L << (attempt - 1));
            for (int i = 0; i < 200; i++) {
                assertThat(defaults.backoff(attempt, random).toMillis()).isBetween(cap - cap / 2, cap);
            }
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new WebhookProperties(null, null, null, null, 0, null))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new WebhookProperties(Duration.ZERO, null, null, null, null, null))
                .hasMessageContaining("poll-interval");
        assertThatThrownBy(() -> new WebhookProperties(null, null, Duration.ofHours(2), Duration.ofHours(1), null, null))
                .hasMessageContaining("max-backoff");
    }
}
