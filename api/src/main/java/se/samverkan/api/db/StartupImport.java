package se.samverkan.api.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the start-up imports share (structure files, demo year): finding their files, one JDBC transaction in
 * Flyway's own session, and batched writes. Start-up is the one place this service blocks, before it serves anything.
 */
public final class StartupImport {

    private StartupImport() {
    }

    /** The files of the given resource patterns, in pattern order and by name within a pattern. */
    public static Map<String, Supplier<InputStream>> files(List<String> patterns, String what) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Supplier<InputStream>> files = new LinkedHashMap<>();
        for (String pattern : patterns) {
            try {
                Resource[] found = resolver.getResources(pattern.strip());
                Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getFilename())));
                for (Resource resource : found) {
                    files.put(resource.getDescription().replaceFirst("^class path resource \\[(.*)]$", "$1"),
                            () -> open(resource));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + what + " " + pattern, e);
            }
        }
        return files;
    }

    private static InputStream open(Resource resource) {
        try {
            return resource.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Work on a JDBC connection. */
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction on the connection, committing or rolling back, and restores auto-commit. */
    public static void inTransaction(Connection connection, String what, Work work) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store " + what + ": " + e.getMessage(), e);
        }
    }

    /** Binds one value to a prepared statement. */
    public interface Binder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    /** Runs one statement for every value, in one JDBC batch. */
    public static <T> void batch(Connection c, String sql, List<T> values, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (T value : values) {
                binder.bind(statement, value);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public static void date(PreparedStatement p, int index, @Nullable LocalDate date) throws SQLException {
        if (date == null) {
            p.setNull(index, Types.DATE);
        } else {
            p.setDate(index, Date.valueOf(date));
        }
    }
}
