package se.samverkan.api.events;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Delivers the outbox, in id order, to this instance's subscribers. Every instance listens on PostgreSQL's
 * {@code samverkan_events} channel over a connection of its own (NOTIFY carries only the new event's id, and only
 * wakes the dispatcher); what is delivered is always read back from the outbox after the last id delivered, so a
 * missed or coalesced notification loses nothing. A poll at {@code samverkan.events.poll-interval} covers a listener
 * connection that died silently; a heartbeat on that connection notices it and reconnects.
 */
@Component
public class EventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int BATCH = 500;
    /** How many events a subscriber may fall behind before it is cut off (it resumes with its last cursor). */
    static final int SUBSCRIBER_BUFFER = 10_000;

    private final Outbox outbox;
    private final ConnectionFactory listenerConnections;
    private final EventProperties properties;
    private final AtomicLong delivered = new AtomicLong(-1);
    // Replaced on every start: the context may stop and start this bean again (a stopped sink stays completed)
    private volatile Sinks.Many<Event> live = Sinks.many().multicast().directBestEffort();
    private volatile Sinks.Many<Boolean> wake = Sinks.many().unicast().onBackpressureBuffer();
    private volatile Disposable.Composite running = Disposables.composite();
    private volatile boolean started;
    private volatile boolean stoppedBefore;

    EventStream(Outbox outbox, R2dbcConnectionDetails database, EventProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
        this.listenerConnections = ConnectionFactories.get(unpooled(database.getConnectionFactoryOptions()));
    }

    /** The listener needs a connection of its own that no pool hands to anyone else. */
    private static ConnectionFactoryOptions unpooled(ConnectionFactoryOptions options) {
        Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
        if (!"pool".equals(driver)) {
            return options;
        }
        return options.mutate().option(ConnectionFactoryOptions.DRIVER,
                String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.PROTOCOL)))
                .option(ConnectionFactoryOptions.PROTOCOL, "").build();
    }

    /** Events as this instance delivers them from now on: every event of every instance, in id order. */
    public Flux<Event> live() {
        return live.asFlux();
    }

    /**
     * The events that pass a filter, resuming after a cursor: first those already in the outbox after it, then live
     * ones, each exactly once and in order. Without a cursor, live ones only.
     */
    public Flux<Event> since(@Nullable Long after, List<String> types, Predicate<Event> filter) {
        Predicate<Event> wanted = e -> (types.isEmpty() || types.contains(e.type())) && filter.test(e);
        if (after == null) {
            return buffered(live().filter(wanted));
        }
        return Flux.defer(() -> {
            // Listen before reading the outbox: whatever commits meanwhile is then in the buffer, the outbox, or both.
            Sinks.Many<Event> buffer = Sinks.many().unicast().onBackpressureBuffer();
            Disposable listening = live().subscribe(buffer::tryEmitNext, buffer::tryEmitError, buffer::tryEmitComplete);
            return replay(after, types).flatMapMany(missed -> {
                long upTo = missed.isEmpty() ? after : missed.getLast().id();
                return Flux.fromIterable(missed).concatWith(buffer.asFlux().filter(e -> e.id() > upTo));
            }).filter(wanted).transform(EventStream::buffered).doFinally(signal -> listening.dispose());
        });
    }

    /**
     * At most {@value #SUBSCRIBER_BUFFER} events wait for a slow subscriber; one more ends its stream with an overflow
     * error (it resumes from its last cursor). The buffer grows with what waits: Reactor's plain bounded buffer
     * allocates its whole capacity up front, 64 KB per subscriber, most of the heap of 10 000 idle subscribers.
     */
    private static Flux<Event> buffered(Flux<Event> events) {
        return events.onBackpressureBuffer(SUBSCRIBER_BUFFER, overflow -> { }, BufferOverflowStrategy.ERROR);
    }

    /** Every event after a cursor, read in pages. */
    private Mono<List<Event>> replay(long after, List<String> types) {
        return outbox.after(after, types, properties.maxReplay() + 1).flatMap(events -> events.size() > properties.maxReplay()
                ? Mono.error(new ReplayTooLongException(properties.maxReplay()))
                : Mono.just(events));
    }

    /** Wakes the dispatcher: there may be new events. */
    void wake() {
        // never throws: a wake-up lost to a concurrent one is covered by that one (the drain reads everything new)
        wake.tryEmitNext(Boolean.TRUE);
    }

    private Mono<Void> drain() {
        return outbox.after(delivered.get(), List.of(), BATCH).flatMap(events -> {
            for (Event event : events) {
                delivered.set(event.id());
                live.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
            }
            return events.size() == BATCH ? drain() : Mono.<Void>empty();
        });
    }

    private Flux<Long> listen() {
        return Flux.usingWhen(listenerConnections.create(), connection -> {
            PostgresqlConnection pg = (PostgresqlConnection) connection;
            Flux<Long> notifications = pg.getNotifications()
                    .mapNotNull(n -> n.getParameter() == null ? null : Long.valueOf(n.getParameter()));
            Flux<Long> heartbeat = Flux.interval(properties.heartbeat())
                    .concatMap(tick -> Flux.from(pg.createStatement("SELECT 1").execute())
                            .flatMap(result -> result.map((row, meta) -> 0L)).timeout(properties.heartbeat()))
                    .filter(x -> false);
            return Flux.from(pg.createStatement("LISTEN samverkan_events").execute()).flatMap(r -> r.getRowsUpdated())
                    .thenMany(Flux.defer(() -> {
                        wake(); // whatever was written while we were not listening
                        return Flux.merge(notifications, heartbeat);
                    }));
        }, Connection::close);
    }

    /**
     * Starts delivering, from the newest event on. After a stop, with fresh sinks: subscribers of before were completed
     * by the stop and resume with their cursors.
     */
    @Override
    public void start() {
        if (stoppedBefore) {
            live = Sinks.many().multicast().directBestEffort();
            wake = Sinks.many().unicast().onBackpressureBuffer();
            running = Disposables.composite();
        }
        started = true;
        Sinks.Many<Boolean> wake = this.wake;
        running.add(outbox.lastId()
                .doOnNext(delivered::set)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .thenMany(wake.asFlux().onBackpressureLatest().concatMap(x -> drain()
                        .onErrorResume(e -> {
                            log.warn("delivering events failed, retrying at the next wake-up", e);
                            return Mono.empty();
                        }), 1))
                .subscribe());
        running.add(listen().doOnNext(id -> wake())
                .doOnError(e -> log.warn("event listener connection lost, reconnecting: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .subscribe());
        running.add(Flux.interval(properties.pollInterval()).subscribe(tick -> wake()));
    }

    @Override
    public void stop() {
        running.dispose();
        live.tryEmitComplete();
        started = false;
        stoppedBefore = true;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Before what reads it (the webhook worker, default phase) starts, and stops before the web server: subscriptions
     * end cleanly, then the sockets close.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    /** The id of the last event this instance delivered; -1 before it started. */
    public long delivered() {
        return delivered.get();
    }
}
