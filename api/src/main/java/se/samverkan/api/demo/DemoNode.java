package se.samverkan.api.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping of a demo-year file read strictly: every value knows its file and line, every key read is marked, and
 * {@link #rejectUnknownKeys()} refuses the rest, so a typo cannot pass silently.
 */
final class DemoNode {

    private final String file;
    private final Node node;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    DemoNode(String file, Node node) {
        this.file = file;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw problem("expected a mapping (key: value)");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw at(tuple.getKeyNode(), "keys must be plain names");
            }
            if (entries.put(key.getValue(), tuple.getValueNode()) != null) {
                throw at(key, "key '" + key.getValue() + "' appears twice");
            }
        }
    }

    String file() {
        return file;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    DemoYearException.At problem(String message) {
        return new DemoYearException.At(file, line(), message);
    }

    private DemoYearException.At at(Node at, String message) {
        return new DemoYearException.At(file, at.getStartMark().getLine() + 1, message);
    }

    private int lineOf(String key) {
        Node value = entries.get(key);
        return value == null ? line() : value.getStartMark().getLine() + 1;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    String string(String key) {
        String value = optString(key);
        if (value == null) {
            throw problem("'" + key + "' is required");
        }
        return value;
    }

    @Nullable String optString(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            throw at(value, "'" + key + "' must be a single value");
        }
        String text = scalar.getValue().strip();
        if (text.isEmpty()) {
            throw at(value, "'" + key + "' must not be empty");
        }
        return text;
    }

    /** A block of text kept as written (e.g. a document's content); only a final line break is normalised. */
    String text(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            throw problem("'" + key + "' is required");
        }
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw at(value, "'" + key + "' must be non-empty text");
        }
        return scalar.getValue();
    }

    LocalDate date(String key) {
        LocalDate value = optDate(key);
        if (value == null) {
            throw problem("'" + key + "' is required");
        }
        return value;
    }

    @Nullable LocalDate optDate(String key) {
        int at = lineOf(key);
        String text = optString(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DemoYearException.At(file, at, "'" + key + "' must be a date such as 2027-01-28, not '" + text + "'");
        }
    }

    LocalTime time(String key) {
        int at = lineOf(key);
        String text = string(key);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new DemoYearException.At(file, at, "'" + key + "' must be a time such as \"09:00\", not '" + text + "'");
        }
    }

    @Nullable Boolean optBool(String key) {
        int at = lineOf(key);
        String text = optString(key);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new DemoYearException.At(file, at, "'" + key + "' must be true or false, not '" + text + "'");
        };
    }

    @Nullable Integer optInteger(String key) {
        int at = lineOf(key);
        String text = optString(key);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new DemoYearException.At(file, at, "'" + key + "' must be a whole number, not '" + text + "'");
        }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        E value = optEnum(key, type);
        if (value == null) {
            throw problem("'" + key + "' is required (one of " + names(type) + ")");
        }
        return value;
    }

    <E extends Enum<E>> @Nullable E optEnum(String key, Class<E> type) {
        int at = lineOf(key);
        String text = optString(key);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new DemoYearException.At(file, at, "'" + key + "' is '" + text + "', expected one of " + names(type));
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A list of plain values; absent means empty. */
    List<String> strings(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw at(value, "'" + key + "' must be a list such as [a, b]");
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw at(item, "'" + key + "' must hold plain values");
            }
            result.add(scalar.getValue().strip());
        }
        return result;
    }

    /** A list of mappings; absent means empty. An item that is not a mapping is reported when it is read. */
    List<Node> list(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw at(value, "'" + key + "' must be a list");
        }
        return sequence.getValue();
    }

    @Nullable DemoNode optMapping(String key) {
        Node value = take(key);
        return value == null || isNull(value) ? null : new DemoNode(file, value);
    }

    /** Refuses keys that no reader asked for. Call after reading every known key. */
    void rejectUnknownKeys() {
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            if (!read.contains(entry.getKey())) {
                throw at(entry.getValue(), "unknown key '" + entry.getKey() + "' (known here: " + String.join(", ", read) + ")");
            }
        }
    }

    private @Nullable Node take(String key) {
        read.add(key);
        return entries.get(key);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }
}
