package se.samverkan.api.graphql;

import graphql.GraphQLContext;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * A request's data loaders are made when one of them is first asked for, not for every request up front. Spring for
 * GraphQL makes all of them (some 70 batch loaders here, each a DataLoader with its cache, options and futures) for
 * each request; a graphql-ws subscription is a request that lasts as long as the subscriber stays, so each idle
 * subscriber held them all: about 50 KB of heap each, 10 000 subscribers a 512 MB heap. A query asks for a loader at
 * its first batched field and gets them all then, as before. (The request observation must leave the registry as it
 * is: see {@code ObservationConfig}.)
 */
@Configuration(proxyBeanMethods = false)
class LazyDataLoaders {

    /** Replaces Spring Boot's registry (which backs off); the batch loaders register with it as before. */
    @Bean
    BatchLoaderRegistry batchLoaderRegistry() {
        return new DefaultBatchLoaderRegistry() {
            @Override
            public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
                if (registry instanceof LazyRegistry lazy) {
                    lazy.fillWith(target -> super.registerDataLoaders(target, context));
                } else {
                    super.registerDataLoaders(registry, context);
                }
            }
        };
    }

    /** Gives every request, over HTTP and over graphql-ws, a registry that fills itself at first use. */
    @Bean
    WebGraphQlInterceptor lazyDataLoaderRegistry() {
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(new LazyRegistry()).build());
            return chain.next(request);
        };
    }

    /**
     * A registry whose loaders are registered at the first look-up. Until then nothing can have been loaded, so
     * dispatching and statistics see the empty registry, which is the truth.
     */
    static final class LazyRegistry extends DataLoaderRegistry {

        private @Nullable Consumer<DataLoaderRegistry> fill;
        private volatile boolean filled;

        synchronized void fillWith(Consumer<DataLoaderRegistry> more) {
            if (filled) {
                more.accept(this);
            } else {
                fill = fill == null ? more : fill.andThen(more);
            }
        }

        /**
         * Registers the loaders once. {@code filled} turns true only when they are all in, so another thread of the
         * same request (batches complete on different event loops) waits on the lock rather than finding a loader
         * missing; the registering thread's own look-ups meanwhile find {@code fill} already taken and pass through.
         */
        private void fill() {
            if (!filled) {
                synchronized (this) {
                    Consumer<DataLoaderRegistry> registering = fill;
                    fill = null;
                    if (registering != null) {
                        registering.accept(this);
                    }
                    filled = true;
                }
            }
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            fill();
            return super.getDataLoader(key);
        }

        @Override
        public <K, V> DataLoader<K, V> computeIfAbsent(String key, Function<String, DataLoader<?, ?>> mappingFunction) {
            fill();
            return super.computeIfAbsent(key, mappingFunction);
        }

        @Override
        public <K, V> DataLoader<K, V> registerAndGet(String key, DataLoader<?, ?> dataLoader) {
            fill();
            return super.registerAndGet(key, dataLoader);
        }

        @Override
        public DataLoaderRegistry combine(DataLoaderRegistry registry) {
            fill();
            return super.combine(registry);
        }

        @Override
        public Map<String, DataLoader<?, ?>> getDataLoadersMap() {
            fill();
            return super.getDataLoadersMap();
        }

        @Override
        public DataLoaderRegistry unregister(String key) {
            fill();
            return super.unregister(key);
        }

        @Override
        public Set<String> getKeys() {
            fill();
            return super.getKeys();
        }
    }
}
