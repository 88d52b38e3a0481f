package se.samverkan.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.support.IntegrationTest;

/**
 * The statement counter behind the statement budgets counts what reaches PostgreSQL: a statement once per set of
 * bindings, a batch once per query — on the service's own connection factory, against the real database. Counts are
 * the fewest of three tries: background work (the outbox poll) may add a statement to a try, never take one away.
 */
class SqlStatementCounterIntegrationTest extends IntegrationTest {

    @Autowired
    SqlStatementCounter counter;

    @Autowired
    ConnectionFactory connections;

    private long counted(Function<Connection, Publisher<?>> work) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = counter.total();
            Flux.usingWhen(connections.create(), c -> Flux.from(work.apply(c)), Connection::close).blockLast();
            fewest = Math.min(fewest, counter.total() - before);
        }
        return fewest;
    }

    @Test
    void aStatementWithoutBindingsCountsOnce() {
        assertThat(counted(c -> Flux.from(c.createStatement("SELECT 1").execute()).flatMap(r -> r.map(row -> 1))))
                .isEqualTo(1);
    }

    @Test
    void aStatementCountsOncePerSetOfBindings() {
        long three = counted(c -> Flux.from(c.createStatement("SELECT $1::int")
                        .bind(0, 1).add().bind(0, 2).add().bind(0, 3).execute())
                .flatMap(r -> r.map(row -> row.get(0, Integer.class))));
        long one = counted(c -> Flux.from(c.createStatement("SELECT $1::int").bind(0, 7).execute())
                .flatMap(r -> r.map(row -> row.get(0, Integer.class))));
        assertThat(three).isEqualTo(3);
        assertThat(one).isEqualTo(1);
    }

    @Test
    void aBatchCountsOncePerQuery() {
        assertThat(counted(c -> Flux.from(c.createBatch().add("SELECT 1").add("SELECT 2").execute())
                .flatMap(r -> r.map(row -> 1)))).isEqualTo(2);
    }

    @Test
    void rowsComeBackAsTheyAreSent() {
        Integer answer = Mono.usingWhen(connections.create(),
                c -> Mono.from(c.createStatement("SELECT $1::int * 6").bind(0, 7).execute())
                        .flatMap(r -> Mono.from(r.map(row -> row.get(0, Integer.class)))),
                Connection::close).block();
        assertThat(answer).isEqualTo(42);
    }
}
