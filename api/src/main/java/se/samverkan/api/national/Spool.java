package se.samverkan.api.national;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * One spool file per table. The generation makes every table in one pass over the bodies (a body's history is made
 * once), but one connection can feed only one {@code COPY} at a time, and the load is one transaction; so each table's
 * rows go to a file of their own first, and are copied in from it afterwards. The files are deleted when closed.
 */
final class Spool implements AutoCloseable {

    /** A table's spool: its columns, its file and the rows written to it. */
    static final class Table {
        final String name;
        final String columns;
        final Path file;
        final CopyStream out;

        Table(String name, String columns, Path file) throws IOException {
            this.name = name;
            this.columns = columns;
            this.file = file;
            this.out = new CopyStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }
    }

    private final Path directory;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    Spool() {
        try {
            directory = Files.createTempDirectory("samverkan-national-");
        } catch (IOException e) {
            throw new UncheckedIOException("no room for the national data set's spool files", e);
        }
    }

    /** The table's spool, made on first use; tables are copied in the order they were first used. */
    CopyStream table(String name, String columns) {
        return tables.computeIfAbsent(name, n -> {
            try {
                return new Table(n, columns, directory.resolve(n + ".copy"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).out;
    }

    /** The rows written so far, in all tables. */
    long rows() {
        long rows = 0;
        for (Table t : tables.values()) {
            rows += t.out.rows();
        }
        return rows;
    }

    /** Closes every file; after this the tables can be copied in. */
    Map<String, Table> finish() {
        tables.values().forEach(t -> t.out.close());
        return tables;
    }

    long bytes(Table table) {
        try {
            return Files.size(table.file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies one table's file in, telling the progress how many bytes went so far. */
    static void copyIn(Connection c, Table table, java.util.function.LongConsumer progress) throws SQLException {
        try (InputStream in = new Counting(Files.newInputStream(table.file), progress)) {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table.name + " (" + table.columns + ") FROM STDIN", in, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the spool file of " + table.name, e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it
        }
    }

    private static final class Counting extends FilterInputStream {
        private final java.util.function.LongConsumer progress;
        private long read;

        Counting(InputStream in, java.util.function.LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                progress.accept(read);
            }
            return n;
        }
    }
}
