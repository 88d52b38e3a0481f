package se.samverkan.api.structure;

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
 * A YAML mapping read strictly, remembering the file and line of every value so that a problem can be reported where
 * it is. Every key read is marked; {@link #rejectUnknownKeys()} then refuses any key nobody asked for, so a typo
 * cannot pass silently.
 */
public final class YamlNode {

    private final String file;
    private final Node node;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();
    /**
     * Why the node is not a well-formed mapping, thrown when it is first read rather than when it is built: a
     * malformed item of a list must not stop the items after it from being read (and their problems reported).
     */
    private final @Nullable StructureException malformed;

    public YamlNode(String file, Node node) {
        this.file = file;
        this.node = node;
        this.malformed = malformation(node);
    }

    private @Nullable StructureException malformation(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            return problem(node, "expected a mapping (key: value)");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                return problem(tuple.getKeyNode(), "keys must be plain names");
            }
            if (entries.put(key.getValue(), tuple.getValueNode()) != null) {
                return problem(key, "key '" + key.getValue() + "' appears twice");
            }
        }
        return null;
    }

    private void requireWellFormed() {
        if (malformed != null) {
            throw malformed;
        }
    }

    /**
     * Parses a YAML file strictly (duplicate keys refused) into the node of its root mapping; a file that is not YAML,
     * cannot be read or is empty throws a {@link StructureException} naming the file and line.
     */
    public static YamlNode parse(String file, java.util.function.Supplier<java.io.InputStream> content) {
        Node root;
        try (java.io.InputStream in = content.get();
                java.io.Reader reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new org.yaml.snakeyaml.Yaml(options).compose(reader);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new StructureException(file, line, "not valid YAML: " + e.getProblem());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new StructureException(file, 1, "cannot be read: " + e.getMessage());
        }
        if (root == null) {
            throw new StructureException(file, 1, "is empty");
        }
        return new YamlNode(file, root);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line(node);
    }

    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    public StructureException problem(String message) {
        return new StructureException(file, line(), message);
    }

    public StructureException problem(Node at, String message) {
        return new StructureException(file, line(at), message);
    }

    public boolean has(String key) {
        requireWellFormed();
        return entries.containsKey(key);
    }

    /** The line of a key's value, or of this mapping if the key is absent. */
    public int lineOf(String key) {
        Node value = entries.get(key);
        return value == null ? line() : line(value);
    }

    public String string(String key) {
        String value = optString(key);
        if (value == null) {
            throw problem("'" + key + "' is required");
        }
        return value;
    }

    public @Nullable String optString(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            throw problem(value, "'" + key + "' must be a single value");
        }
        String text = scalar.getValue().strip();
        if (text.isEmpty()) {
            throw problem(value, "'" + key + "' must not be empty");
        }
        return text;
    }

    public LocalDate date(String key) {
        LocalDate value = optDate(key);
        if (value == null) {
            throw problem("'" + key + "' is required");
        }
        return value;
    }

    public @Nullable LocalDate optDate(String key) {
        int at = lineOf(key);
        String text = optString(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new StructureException(file, at, "'" + key + "' must be a date such as 2024-02-16, not '" + text + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Boolean value = optBool(key);
        return value == null ? defaultValue : value;
    }

    public @Nullable Boolean optBool(String key) {
        int at = lineOf(key);
        String text = optString(key);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StructureException(file, at, "'" + key + "' must be true or false, not '" + text + "'");
        };
    }

    /** Text kept as written (line breaks and all), e.g. a document's content. */
    public String text(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            throw problem("'" + key + "' is required");
        }
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw problem(value, "'" + key + "' must be non-empty text");
        }
        return scalar.getValue();
    }

    public LocalTime time(String key) {
        int at = lineOf(key);
        String text = string(key);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new StructureException(file, at, "'" + key + "' must be a time such as \"09:00\", not '" + text + "'");
        }
    }

    public int integer(String key) {
        Integer value = optInteger(key);
        if (value == null) {
            throw problem("'" + key + "' is required");
        }
        return value;
    }

    public @Nullable Integer optInteger(String key) {
        int at = lineOf(key);
        String text = optString(key);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new StructureException(file, at, "'" + key + "' must be a whole number, not '" + text + "'");
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        E value = optEnum(key, type);
        if (value == null) {
            throw problem("'" + key + "' is required (one of " + names(type) + ")");
        }
        return value;
    }

    public <E extends Enum<E>> @Nullable E optEnum(String key, Class<E> type) {
        int at = lineOf(key);
        String text = optString(key);
        return text == null ? null : parseEnum(text, type, at, key);
    }

    public <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
        int at = lineOf(key);
        return strings(key).stream().map(s -> parseEnum(s, type, at, key)).toList();
    }

    private <E extends Enum<E>> E parseEnum(String text, Class<E> type, int at, String key) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new StructureException(file, at, "'" + key + "' is '" + text + "', expected one of " + names(type));
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A list of plain values; absent means empty. */
    public List<String> strings(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw problem(value, "'" + key + "' must be a list such as [a, b]");
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw problem(item, "'" + key + "' must hold plain values");
            }
            result.add(scalar.getValue().strip());
        }
        return result;
    }

    /** A list of mappings; absent means empty. */
    public List<YamlNode> list(String key) {
        Node value = take(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw problem(value, "'" + key + "' must be a list");
        }
        return sequence.getValue().stream().map(item -> new YamlNode(file, item)).toList();
    }

    public @Nullable YamlNode optMapping(String key) {
        Node value = take(key);
        return value == null || isNull(value) ? null : new YamlNode(file, value);
    }

    public YamlNode mapping(String key) {
        YamlNode value = optMapping(key);
        if (value == null) {
            throw problem("'" + key + "' is required");
        }
        return value;
    }

    /** A mapping of plain names to plain values, e.g. the function catalogue. */
    public Map<String, String> stringMap(String key) {
        YamlNode map = optMapping(key);
        if (map == null) {
            return Map.of();
        }
        map.requireWellFormed();
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : map.entries.keySet()) {
            result.put(name, map.string(name));
        }
        return result;
    }

    /** Refuses keys that no reader asked for. Call after reading every known key. */
    public void rejectUnknownKeys() {
        requireWellFormed();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            if (!read.contains(entry.getKey())) {
                throw problem(entry.getValue(), "unknown key '" + entry.getKey() + "' (known here: "
                        + String.join(", ", read.isEmpty() ? List.of("none") : read) + ")");
            }
        }
    }

    /** Marks keys as known without reading them (a reader that skips a section on purpose). */
    public void allow(String... keys) {
        read.addAll(List.of(keys));
    }

    private @Nullable Node take(String key) {
        requireWellFormed();
        read.add(key);
        return entries.get(key);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }
}
