package se.samverkan.api.national;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Rows of one table in the text format of PostgreSQL's {@code COPY … FROM STDIN}, written to a stream (the table's
 * spool file): fields are appended to a buffer that is written out whenever it passes a megabyte, so a table of
 * millions of rows never sits in memory.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final OutputStream out;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 64 * 1024);
    private boolean first = true;
    private long rows;

    CopyStream(OutputStream out) {
        this.out = out;
    }

    CopyStream text(@Nullable String value) {
        if (value == null) {
            return nul();
        }
        separate();
        escape(value);
        return this;
    }

    CopyStream uuid(@Nullable UUID value) {
        return value == null ? nul() : raw(value.toString());
    }

    CopyStream integer(@Nullable Integer value) {
        return value == null ? nul() : raw(value.toString());
    }

    CopyStream bool(@Nullable Boolean value) {
        return value == null ? nul() : raw(value ? "t" : "f");
    }

    CopyStream date(@Nullable LocalDate value) {
        return value == null ? nul() : raw(value.toString());
    }

    /** A {@code timestamptz}, written as an ISO instant (UTC), which PostgreSQL reads whatever the session's zone. */
    CopyStream timestamp(@Nullable Instant value) {
        return value == null ? nul() : raw(value.toString());
    }

    /** A {@code text[]}: an array literal, each element quoted. */
    CopyStream texts(List<String> values) {
        separate();
        buffer.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                buffer.append(',');
            }
            buffer.append('"');
            String value = values.get(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '"' || c == '\\') {
                    buffer.append("\\\\"); // the array's backslash, itself escaped for COPY
                }
                escape(c);
            }
            buffer.append('"');
        }
        buffer.append('}');
        return this;
    }

    /** A {@code bytea} in hex ({@code \x…}), the backslash escaped for COPY. */
    CopyStream bytes(byte[] value) {
        separate();
        buffer.append("\\\\x").append(HexFormat.of().formatHex(value));
        return this;
    }

    CopyStream nul() {
        separate();
        buffer.append("\\N");
        return this;
    }

    /** Ends the row; sends the buffer when it is full. */
    void row() {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CopyStream raw(String value) {
        separate();
        buffer.append(value);
        return this;
    }

    private void separate() {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            escape(value.charAt(i));
        }
    }

    private void escape(char c) {
        switch (c) {
            case '\\' -> buffer.append("\\\\");
            case '\n' -> buffer.append("\\n");
            case '\r' -> buffer.append("\\r");
            case '\t' -> buffer.append("\\t");
            default -> buffer.append(c);
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a spool file of the national data set", e);
        }
        buffer.setLength(0);
    }
}
