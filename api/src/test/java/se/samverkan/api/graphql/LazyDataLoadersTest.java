package se.samverkan.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

/**
 * A request's registry makes its data loaders at the first look-up: an idle subscription, which never looks one up,
 * holds none; a query gets every one of them at its first batched field.
 */
class LazyDataLoadersTest {

    private final AtomicInteger fills = new AtomicInteger();

    private void registerBodies(DataLoaderRegistry registry) {
        fills.incrementAndGet();
        DataLoader<String, String> bodies = DataLoaderFactory.newDataLoader(
                keys -> CompletableFuture.completedFuture(keys.stream().map(k -> "body " + k).toList()));
        registry.register("bodies", bodies);
    }

    @Test
    void untilALoaderIsAskedForNoneIsMadeAndDispatchingFindsNothingToDo() {
        var registry = new LazyDataLoaders.LazyRegistry();
        registry.fillWith(this::registerBodies);

        registry.dispatchAll();

        assertThat(registry.getDataLoaders()).isEmpty();
        assertThat(registry.dispatchDepth()).isZero();
        assertThat(fills).hasValue(0);
    }

    @Test
    void theFirstLookUpMakesThemAllOnceAndTheyLoad() {
        var registry = new LazyDataLoaders.LazyRegistry();
        registry.fillWith(this::registerBodies);

        DataLoader<String, String> bodies = registry.getDataLoader("bodies");
        CompletableFuture<String> lsvo = bodies.load("LSVO");
        registry.dispatchAll();

        assertThat(lsvo.join()).isEqualTo("body LSVO");
        assertThat(registry.getKeys()).containsExactly("bodies");
        assertThat(registry.<String, String>getDataLoader("bodies")).isSameAs(bodies);
        assertThat(fills).hasValue(1);
    }

    @Test
    void aSecondThreadLookingUpWhileTheFirstRegistersWaitsAndFindsTheLoader() throws Exception {
        var registry = new LazyDataLoaders.LazyRegistry();
        var registering = new java.util.concurrent.CountDownLatch(1);
        registry.fillWith(r -> {
            registering.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            registerBodies(r);
        });
        var first = CompletableFuture.supplyAsync(() -> registry.<String, String>getDataLoader("bodies"));
        registering.await();
        DataLoader<String, String> second = registry.getDataLoader("bodies");

        assertThat(second).isNotNull().isSameAs(first.get());
        assertThat(fills).hasValue(1);
    }

    @Test
    void registrationsThatArriveAfterTheFillAreMadeAtOnce() {
        var registry = new LazyDataLoaders.LazyRegistry();
        assertThat(registry.getKeys()).isEmpty();

        registry.fillWith(this::registerBodies);

        assertThat(registry.getDataLoadersMap()).containsOnlyKeys("bodies");
        assertThat(List.copyOf(registry.getDataLoaders())).hasSize(1);
    }
}
