package se.samverkan.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Relay cursor connection with the size of the whole list. Cursors are opaque positions in the list's stable
 * order.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
            @Nullable String endCursor) {
    }

    /** Largest page a client may ask for. */
    public static final int MAX_PAGE = 500;

    /** Where a page starts and how long it is, from {@code first} and {@code after}. */
    public record Window(int offset, int limit) {
    }

    public static Window window(@Nullable Integer first, @Nullable String after) {
        int limit = first == null ? 50 : first;
        if (limit < 0 || limit > MAX_PAGE) {
            throw new BadInputException("'first' must be between 0 and " + MAX_PAGE + ", not " + limit);
        }
        return new Window(after == null ? 0 : position(after) + 1, limit);
    }

    /** A page cut from a list already holding every item. */
    public static <T> Connection<T> slice(List<T> all, Window window) {
        int from = Math.min(window.offset(), all.size());
        int to = Math.min(from + window.limit(), all.size());
        return of(all.subList(from, to), from, all.size());
    }

    /** A page whose items start at {@code offset} of a list of {@code total} items. */
    public static <T> Connection<T> of(List<T> items, int offset, int total) {
        List<Edge<T>> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            edges.add(new Edge<>(cursor(offset + i), items.get(i)));
        }
        PageInfo info = new PageInfo(offset + items.size() < total, offset > 0,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, info, total);
    }

    static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("cursor:" + position).getBytes(StandardCharsets.UTF_8));
    }

    static int position(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("cursor:")) {
                int position = Integer.parseInt(text.substring("cursor:".length()));
                if (position >= 0 && position < Integer.MAX_VALUE) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: reported below
        }
        throw new BadInputException("'after' is not a cursor this list gave out: '" + cursor + "'");
    }
}
