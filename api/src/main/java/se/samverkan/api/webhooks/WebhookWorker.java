package se.samverkan.api.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.events.EventStream;

/**
 * Delivers webhooks on this instance, sharing the work with every other instance through the database. Each round it
 * fans the outbox's new events out into deliveries (under the cursor row's lock, so one instance at a time) and then
 * claims the due deliveries it has room for ({@code FOR UPDATE SKIP LOCKED}, leased), which it sends concurrently.
 * Rounds are woken by {@link EventStream#live()} — every instance's events, through PostgreSQL NOTIFY — and by a timer
 * at {@code samverkan.webhooks.poll-interval}. An idle round sends no SQL: it fans out only when the event stream has
 * passed the cursor, and claims only when a delivery is known to be due, or every {@link #SWEEP} to pick up what
 * another instance left behind (e.g. it stopped mid-attempt and its lease ran out).
 */
@Component
class WebhookWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    static final int FAN_OUT_BATCH = 500;
    /** Attempts in flight at once on one instance. */
    static final int CONCURRENCY = 16;
    /** How often an instance claims without knowing of anything due. */
    static final Duration SWEEP = Duration.ofSeconds(30);

    /** Not before {@code at} does this instance claim again, unless something lowers it; {@code version} counts lowerings. */
    private record NextClaim(Instant at, long version) {
    }

    private final WebhookRepository repository;
    private final EventStream events;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final Clock clock;
    private final AtomicLong fannedOut = new AtomicLong(-1);
    private final AtomicReference<NextClaim> nextClaim = new AtomicReference<>(new NextClaim(Instant.MIN, 0));
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile @Nullable Disposable running;

    WebhookWorker(WebhookRepository repository, EventStream events, WebhookSender sender, WebhookProperties properties,
            Clock clock) {
        this.repository = repository;
        this.events = events;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        Flux<Object> wakeUps = Flux.merge(events.live(), Flux.interval(Duration.ZERO, properties.pollInterval()));
        running = wakeUps.onBackpressureLatest()
                .concatMap(x -> round().onErrorResume(e -> {
                    log.warn("webhook round failed, retrying at the next wake-up: {}", e.toString());
                    return Flux.empty();
                }), 1)
                .flatMap(this::attempt, CONCURRENCY)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable r = running;
        if (r != null) {
            r.dispose(); // attempts in flight are abandoned: their leases run out and they are sent again
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** One round: fan out what is new, then claim what is due and there is room for. */
    private Flux<WebhookRepository.Claimed> round() {
        long seen = events.delivered();
        Mono<Void> fanOut = seen < 0 || fannedOut.get() < 0 || seen > fannedOut.get() ? fanOutAll() : Mono.empty();
        return fanOut.thenMany(Flux.defer(this::claimDue));
    }

    private Mono<Void> fanOutAll() {
        return repository.fanOut(FAN_OUT_BATCH).flatMap(done -> {
            fannedOut.set(done.position());
            if (done.deliveries() > 0) {
                claimFrom(Instant.MIN);
            }
            return done.events() == FAN_OUT_BATCH ? fanOutAll() : Mono.<Void>empty();
        });
    }

    private Flux<WebhookRepository.Claimed> claimDue() {
        Instant now = clock.instant();
        NextClaim before = nextClaim.get();
        int room = CONCURRENCY - inFlight.get();
        if (room <= 0 || now.isBefore(before.at())) {
            return Flux.empty();
        }
        return repository.claim(room, properties.lease()).flatMapIterable(claimed -> {
            inFlight.addAndGet(claimed.size());
            if (claimed.size() == room) {
                claimFrom(Instant.MIN); // there may be more due
            } else {
                // nothing else is due now; unless something is scheduled meanwhile, look again at the sweep
                nextClaim.updateAndGet(n -> n.version() == before.version() ? new NextClaim(now.plus(SWEEP), n.version()) : n);
            }
            return claimed;
        });
    }

    /** Claim again no later than {@code at}. */
    private void claimFrom(Instant at) {
        nextClaim.updateAndGet(n -> new NextClaim(at.isBefore(n.at()) ? at : n.at(), n.version() + 1));
    }

    private Mono<Void> attempt(WebhookRepository.Claimed claimed) {
        return sender.send(claimed).flatMap(outcome -> record(claimed, outcome))
                .onErrorResume(e -> {
                    log.warn("recording webhook delivery {} failed; it is retried when its lease runs out: {}",
                            claimed.id(), e.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> inFlight.decrementAndGet());
    }

    private Mono<Void> record(WebhookRepository.Claimed claimed, WebhookSender.Outcome outcome) {
        if (outcome.delivered()) {
            return repository.delivered(claimed, Objects.requireNonNull(outcome.status())).then();
        }
        String error = Objects.requireNonNull(outcome.error());
        if (!outcome.retry() || claimed.attempt() >= properties.maxAttempts()) {
            log.info("webhook {} gave up on event {} after {} attempts: {}", claimed.webhook(), claimed.event().id(),
                    claimed.attempt(), error);
            return repository.attemptFailed(claimed, outcome.status(), error, null).then();
        }
        Duration wait = properties.backoff(claimed.attempt(), ThreadLocalRandom.current());
        return repository.attemptFailed(claimed, outcome.status(), error, wait)
                .doOnNext(recorded -> claimFrom(clock.instant().plus(wait))).then();
    }
}
