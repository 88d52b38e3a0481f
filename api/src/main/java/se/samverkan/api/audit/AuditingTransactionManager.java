package se.samverkan.api.audit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Objects;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.security.CurrentPrincipal;

/**
 * Begins every transaction of a GraphQL mutation by telling PostgreSQL who is writing and for which mutation, in one
 * statement of transaction-local settings ({@code set_config(…, true)}: they die with the transaction, never reaching
 * the next user of the pooled connection). The audit triggers read them. Transactions outside a mutation — queries,
 * subscriptions, background work — send nothing extra; should one of them write an audited row, its entry names no
 * subject: the system.
 *
 * <p>Both ways into a transaction pass here: {@code @Transactional} service methods and {@code TransactionalOperator}
 * (the tenant transactions); a transaction joined by nested work is begun, and so prepared, once.
 */
class AuditingTransactionManager extends R2dbcTransactionManager {

    static final String SETTINGS = "SELECT set_config('samverkan.subject', $1, true), "
            + "set_config('samverkan.caller_party', $2, true), set_config('samverkan.operation', $3, true)";

    AuditingTransactionManager(ConnectionFactory connections) {
        super(connections);
    }

    @Override
    protected Mono<Void> prepareTransactionalConnection(Connection connection, TransactionDefinition definition) {
        return super.prepareTransactionalConnection(connection, definition)
                .then(Mono.deferContextual(context -> AuditContext.operationOf(context)
                        .map(operation -> CurrentPrincipal.get().flatMap(caller -> Flux.from(connection.createStatement(SETTINGS)
                                        .bind(0, Objects.requireNonNullElse(caller.subject(), ""))
                                        .bind(1, Objects.requireNonNullElse(caller.partyCode(), ""))
                                        .bind(2, operation)
                                        .execute())
                                .concatMap(result -> result.map((row, metadata) -> 1))
                                .then()))
                        .orElse(Mono.empty())));
    }
}
