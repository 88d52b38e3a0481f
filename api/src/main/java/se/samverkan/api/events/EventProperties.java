package se.samverkan.api.events;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How events are delivered.
 *
 * @param pollInterval how often the dispatcher reads the outbox even without a notification (default 2 s): the bound
 *                     on delay if a notification is lost
 * @param heartbeat    how often the listener connection is checked (default 10 s)
 * @param maxReplay    how many missed events a resuming subscriber may ask for at most (default 10 000); beyond that
 *                     it is told to start again from the published data
 */
@ConfigurationProperties("samverkan.events")
record EventProperties(@Nullable Duration pollInterval, @Nullable Duration heartbeat, @Nullable Integer maxReplay) {

    EventProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(10) : heartbeat;
        maxReplay = maxReplay == null ? 10_000 : maxReplay;
    }

    @Override
    public Duration pollInterval() {
        return java.util.Objects.requireNonNull(pollInterval);
    }

    @Override
    public Duration heartbeat() {
        return java.util.Objects.requireNonNull(heartbeat);
    }

    @Override
    public Integer maxReplay() {
        return java.util.Objects.requireNonNull(maxReplay);
    }
}
