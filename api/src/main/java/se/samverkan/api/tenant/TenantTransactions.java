package se.samverkan.api.tenant;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs work in a transaction whose {@code samverkan.party} setting is the caller's party, so that PostgreSQL's
 * row-level security shows and lets write only that party's PARTY rows. The setting is transaction-local
 * ({@code set_config(…, true)}): it dies with the transaction and never leaks to the next user of the pooled
 * connection. Without a party (anonymous) the setting is empty and the policies match no party's rows.
 */
@Component
public class TenantTransactions {

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    TenantTransactions(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    public <T> Mono<T> asParty(@Nullable String partyCode, Supplier<Mono<T>> work) {
        return transactions.transactional(setting(partyCode).then(Mono.defer(work)));
    }

    public <T> Flux<T> asPartyMany(@Nullable String partyCode, Supplier<Flux<T>> work) {
        return transactions.transactional(setting(partyCode).thenMany(Flux.defer(work)));
    }

    private Mono<Void> setting(@Nullable String partyCode) {
        return db.sql("SELECT set_config('samverkan.party', :party, true)")
                .bind("party", partyCode == null ? "" : partyCode).fetch().rowsUpdated().then();
    }
}
