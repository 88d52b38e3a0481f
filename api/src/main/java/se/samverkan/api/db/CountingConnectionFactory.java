package se.samverkan.api.db;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A connection factory that counts the SQL statements sent through it — each set of bindings of a statement once,
 * each query of a batch once — and otherwise hands every call straight to the factory it wraps. Results and rows pass
 * unwrapped: a general proxy (r2dbc-proxy) that wrapped each of them cost the portal query about a fifth of its CPU.
 */
final class CountingConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory>, Closeable, Disposable {

    private final ConnectionFactory target;
    private final AtomicLong statements;

    CountingConnectionFactory(ConnectionFactory target, AtomicLong statements) {
        this.target = target;
        this.statements = statements;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(target.create()).map(CountingConnection::new);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return target.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return target;
    }

    /** Closes the wrapped factory (the pool) where it can be closed: the context's shutdown calls this. */
    @Override
    public Publisher<Void> close() {
        return target instanceof Closeable closeable ? closeable.close() : Mono.empty();
    }

    @Override
    public void dispose() {
        if (target instanceof Disposable disposable) {
            disposable.dispose();
        } else if (target instanceof Closeable closeable) {
            Mono.from(closeable.close()).subscribe();
        }
    }

    @Override
    public boolean isDisposed() {
        return target instanceof Disposable disposable && disposable.isDisposed();
    }

    private final class CountingConnection implements Connection, Wrapped<Connection> {

        private final Connection connection;

        CountingConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Statement createStatement(String sql) {
            return new CountingStatement(connection.createStatement(sql));
        }

        @Override
        public Batch createBatch() {
            Batch batch = connection.createBatch();
            return new Batch() {
                private int queries;

                @Override
                public Batch add(String sql) {
                    batch.add(sql);
                    queries++;
                    return this;
                }

                @Override
                public Publisher<? extends Result> execute() {
                    statements.addAndGet(Math.max(1, queries));
                    return batch.execute();
                }
            };
        }

        @Override
        public Connection unwrap() {
            return connection;
        }

        @Override
        public Publisher<Void> beginTransaction() {
            return connection.beginTransaction();
        }

        @Override
        public Publisher<Void> beginTransaction(TransactionDefinition definition) {
            return connection.beginTransaction(definition);
        }

        @Override
        public Publisher<Void> close() {
            return connection.close();
        }

        @Override
        public Publisher<Void> commitTransaction() {
            return connection.commitTransaction();
        }

        @Override
        public Publisher<Void> createSavepoint(String name) {
            return connection.createSavepoint(name);
        }

        @Override
        public boolean isAutoCommit() {
            return connection.isAutoCommit();
        }

        @Override
        public ConnectionMetadata getMetadata() {
            return connection.getMetadata();
        }

        @Override
        public IsolationLevel getTransactionIsolationLevel() {
            return connection.getTransactionIsolationLevel();
        }

        @Override
        public Publisher<Void> releaseSavepoint(String name) {
            return connection.releaseSavepoint(name);
        }

        @Override
        public Publisher<Void> rollbackTransaction() {
            return connection.rollbackTransaction();
        }

        @Override
        public Publisher<Void> rollbackTransactionToSavepoint(String name) {
            return connection.rollbackTransactionToSavepoint(name);
        }

        @Override
        public Publisher<Void> setAutoCommit(boolean autoCommit) {
            return connection.setAutoCommit(autoCommit);
        }

        @Override
        public Publisher<Void> setLockWaitTimeout(Duration timeout) {
            return connection.setLockWaitTimeout(timeout);
        }

        @Override
        public Publisher<Void> setStatementTimeout(Duration timeout) {
            return connection.setStatementTimeout(timeout);
        }

        @Override
        public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
            return connection.setTransactionIsolationLevel(level);
        }

        @Override
        public Publisher<Boolean> validate(ValidationDepth depth) {
            return connection.validate(depth);
        }
    }

    /** Counts its binding sets: those closed by {@link #add()} and an open one that has bindings, at least one. */
    private final class CountingStatement implements Statement {

        private final Statement statement;
        private int closedSets;
        private boolean openSetBound;

        CountingStatement(Statement statement) {
            this.statement = statement;
        }

        @Override
        public Statement add() {
            statement.add();
            closedSets++;
            openSetBound = false;
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            statement.bind(index, value);
            openSetBound = true;
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            statement.bind(name, value);
            openSetBound = true;
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            statement.bindNull(index, type);
            openSetBound = true;
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            statement.bindNull(name, type);
            openSetBound = true;
            return this;
        }

        @Override
        public Statement returnGeneratedValues(String... columns) {
            statement.returnGeneratedValues(columns);
            return this;
        }

        @Override
        public Statement fetchSize(int rows) {
            statement.fetchSize(rows);
            return this;
        }

        @Override
        public Publisher<? extends Result> execute() {
            statements.addAndGet(Math.max(1, closedSets + (openSetBound ? 1 : 0)));
            return statement.execute();
        }
    }
}
