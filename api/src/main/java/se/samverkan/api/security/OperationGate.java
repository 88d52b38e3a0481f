package se.samverkan.api.security;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.tenancy.Access;
import se.samverkan.tenancy.OperationPolicy;

/**
 * The one gate every operation passes: its line of {@link OperationPolicy} decides, before the controller runs,
 * whether the caller may call it at all. Controllers then hold only the rulebook's finer refusals (which actor of the
 * body), each with its rule id. An operation of the schema without a policy line stops the service from starting.
 */
@Configuration(proxyBeanMethods = false)
class OperationGate {

    private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    /** Runs among the type visitors, which Spring applies before it wraps fetchers to restore the Reactor context. */
    @Bean
    GraphQlSourceBuilderCustomizer gateEveryOperation() {
        return builder -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                    TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLObjectType root && ROOTS.contains(root.getName())) {
                    String coordinate = root.getName() + "." + field.getName();
                    Access access = OperationPolicy.of(coordinate).orElseThrow(() -> new IllegalStateException(
                            coordinate + " has no line in OperationPolicy: declare who may call it"));
                    if (access != Access.ANYONE && access != Access.OWN_PARTY_ROWS) {
                        GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                        registry.dataFetcher(root, field, new Gated(registry.getDataFetcher(root, field), coordinate,
                                access, root.getName().equals("Subscription")));
                    }
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }

    /** An operation's fetcher that runs only for callers its access lets through. */
    record Gated(DataFetcher<?> delegate, String coordinate, Access access, boolean subscription)
            implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) {
            if (subscription) {
                return CurrentPrincipal.get().flatMapMany(caller -> access.refusalBeforeReading(caller)
                        .<Flux<Object>>map(reason -> Flux.error(refused(reason, caller.authenticated())))
                        .orElseGet(() -> Flux.defer(() -> Flux.from(publisher(environment)))));
            }
            return CurrentPrincipal.get().flatMap(caller -> access.refusalBeforeReading(caller)
                    .<Mono<Object>>map(reason -> Mono.error(refused(reason, caller.authenticated())))
                    .orElseGet(() -> Mono.defer(() -> mono(environment))));
        }

        private OperationRefused refused(String reason, boolean authenticated) {
            return new OperationRefused(coordinate + ": " + reason, !authenticated);
        }

        @SuppressWarnings("unchecked")
        private Publisher<Object> publisher(DataFetchingEnvironment environment) {
            try {
                return (Publisher<Object>) delegate.get(environment);
            } catch (Exception e) {
                return Flux.error(e);
            }
        }

        @SuppressWarnings("unchecked")
        private Mono<Object> mono(DataFetchingEnvironment environment) {
            Object value;
            try {
                value = delegate.get(environment);
            } catch (Exception e) {
                return Mono.error(e);
            }
            return switch (value) {
                case null -> Mono.empty();
                case Mono<?> mono -> (Mono<Object>) mono;
                case Flux<?> flux -> (Mono<Object>) (Mono<?>) flux.collectList();
                case CompletionStage<?> stage -> Mono.fromCompletionStage((CompletionStage<Object>) stage);
                default -> Mono.just(value);
            };
        }
    }
}
