package se.samverkan.api.audit;

import java.util.Optional;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The GraphQL mutation a piece of work belongs to, carried in the Reactor context from the mutation's data fetcher to
 * every transaction it begins, where {@link AuditingTransactionManager} hands it to PostgreSQL.
 */
public final class AuditContext {

    private static final Object OPERATION = AuditContext.class.getName() + ".operation";

    private AuditContext() {
    }

    /** Marks work as done for the mutation field of this name, e.g. {@code sendNotice}. */
    public static Function<Context, Context> operation(String mutationField) {
        return context -> context.put(OPERATION, mutationField);
    }

    static Optional<String> operationOf(ContextView context) {
        return context.getOrEmpty(OPERATION).map(String.class::cast);
    }
}
