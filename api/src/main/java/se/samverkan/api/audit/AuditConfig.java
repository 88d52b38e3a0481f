package se.samverkan.api.audit;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import reactor.core.publisher.Mono;

/**
 * Wires the audit trail: the transaction manager that hands who and which mutation to PostgreSQL, and the naming of
 * every mutation's work in the Reactor context.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    /** The root type of mutations in the schema (meetings.graphqls). */
    static final String MUTATION = "Mutation";

    /** Replaces Spring Boot's plain R2DBC transaction manager, which backs off when one is defined. */
    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory connections) {
        return new AuditingTransactionManager(connections);
    }

    /**
     * Every mutation field's data fetcher puts the field's name into the Reactor context of the work it returns, so
     * that each transaction that work begins is audited under that name — also when one request runs several
     * mutations. The wrapper sits inside Spring's context-restoring decorator, which type visitors run before.
     */
    @Bean
    GraphQlSourceBuilderCustomizer auditedMutations() {
        return builder -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                    TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLObjectType parent && parent.getName().equals(MUTATION)) {
                    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                    registry.dataFetcher(parent, field, new NamedMutation(registry.getDataFetcher(parent, field), field.getName()));
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }

    /** A mutation's data fetcher whose reactive result runs with the mutation's name in its context. */
    record NamedMutation(DataFetcher<?> delegate, String name) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object value = delegate.get(environment);
            if (value instanceof Mono<?> work) {
                return work.contextWrite(AuditContext.operation(name));
            }
            throw new IllegalStateException("mutation " + name + " must return a Mono, so that its writes are audited "
                    + "under its name; it returned " + (value == null ? "null" : value.getClass().getName()));
        }
    }
}
