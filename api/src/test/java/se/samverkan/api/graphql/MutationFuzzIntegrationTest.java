package se.samverkan.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samverkan.api.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and malformed input thrown at every mutation of the schema (read from the schema, so a new mutation is fuzzed
 * without a line here), as the LSVO secretary (an actor of most rules, so input reaches deep) and as a plain reader.
 * Each case starts from well-formed input naming real objects and spoils one to three of its values with a hostile
 * one: empty, 10 000 and 100 000 characters, NUL and other control characters, lone surrogates, right-to-left marks,
 * zero-width characters and emoji, SQL, numbers out of range, impossible dates, ids of the wrong type, of no object and
 * of garbage, unknown enum values, null where null is not allowed, unknown fields, 1000-element lists. Most cases go as
 * JSON variables, the rest as inline literals.
 *
 * <p>Every answer must be HTTP 200, 400 or 413, carry no INTERNAL_ERROR and no internals, refuse with typed errors, and
 * a refused mutation must have written nothing: every audited table (every table a mutation writes, V13) and the
 * audit trail are checksummed, as the database owner, around each call.
 *
 * <p>The first {@value #STRING_KINDS} cases of each mutation and caller spoil one string each, one kind of hostile text
 * after the other, and leave the rest well-formed, so that hostile text reaches as far as text does: to the database.
 * The seed is printed; run another with {@code -Dfuzz.seed=…}, more cases with {@code -Dfuzz.cases=…} (per mutation
 * and caller).
 *
 * <p>The writes that get through act on the demo's live objects (its planned meetings, open matters, draft minutes), so
 * the class has a context and a database of its own, closed after it: no other test sees what it changed.
 */
@TestPropertySource(properties = "samverkan.test.context=mutation-fuzz")
@DirtiesContext
class MutationFuzzIntegrationTest extends IntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20270128L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 24);

    /** The codes of UserError, as the schema documents them. */
    private static final Set<String> CODES = Set.of("BAD_INPUT", "NOT_FOUND", "NOT_ALLOWED", "RULE_BROKEN",
            "DEADLINE_PASSED", "ILLEGAL_TRANSITION", "CONFLICT", "NOT_IN_RULEBOOK", "SIGNATURE_NOT_ALLOWED", "QUORUM_NOT_MET");
    private static final List<String> INTERNALS = List.of("Exception", "org.", "java.", "SQL", "postgres", "\tat ",
            "at se.", "at graphql.", "Caused by");

    /** The node type an ID field names, by the field's name ("Decision" ids are plain uuids). */
    private static final Map<String, String> ID_TYPES = Map.ofEntries(Map.entry("body", "Body"),
            Map.entry("toBody", "Body"), Map.entry("bodies", "Body"), Map.entry("meeting", "Meeting"),
            Map.entry("toMeeting", "Meeting"), Map.entry("matter", "Matter"), Map.entry("matters", "Matter"),
            Map.entry("minutes", "Minutes"), Map.entry("corrects", "Minutes"), Map.entry("seat", "Seat"),
            Map.entry("conveyedBy", "Seat"), Map.entry("substitute", "Person"), Map.entry("person", "Person"),
            Map.entry("decision", "Decision"), Map.entry("recommendation", "Recommendation"),
            Map.entry("committee", "Committee"), Map.entry("to", "Committee"), Map.entry("item", "InboxItem"),
            Map.entry("amendsAgreement", "Agreement"), Map.entry("webhook", "Webhook"));

    private static final Map<String, String> TABLES = Map.ofEntries(Map.entry("Body", "body"),
            Map.entry("Meeting", "meeting"), Map.entry("Matter", "matter"), Map.entry("Minutes", "minutes"),
            Map.entry("Seat", "seat"), Map.entry("Person", "person"), Map.entry("Decision", "decision"),
            Map.entry("Recommendation", "recommendation"), Map.entry("Committee", "committee"),
            Map.entry("InboxItem", "inbox_item"), Map.entry("Agreement", "agreement"), Map.entry("Webhook", "webhook"));

    /** A JSON or GraphQL value written as is (numbers JSON cannot hold as a Java number, such as 1e400). */
    record Raw(String text) {
    }

    /** The sign that an input field is left out. */
    private static final Object ABSENT = new Object();

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    Environment environment;

    private final JsonMapper json = JsonMapper.builder().build();
    private Connection owner;
    private String checksumSql;
    private WebTestClient client;
    /** Real ids by node type, of the secretary's body where the type belongs to a body. */
    private final Map<String, List<String>> real = new HashMap<>();

    @BeforeEach
    void prepare() throws SQLException {
        client = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        owner = DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password", ""));
        List<String> tables = strings("SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                + "WHERE t.tgname = 'audit_write' ORDER BY 1");
        assertThat(tables).as("the audited tables").contains("meeting", "matter", "inbox_handling", "webhook");
        tables = new ArrayList<>(tables);
        tables.add("audit_entry");
        checksumSql = tables.stream().map(t -> "SELECT '" + t + "' AS t, count(*) AS n, coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM "
                + t + " x").collect(Collectors.joining(" UNION ALL ", "", " ORDER BY 1"));
        String lsvo = strings("SELECT b.id::text FROM body b WHERE b.short_name = 'LSVO' AND b.county_code = 'blekinge'").getFirst();
        for (Map.Entry<String, String> e : TABLES.entrySet()) {
            String table = e.getValue();
            String where = switch (table) {
                case "meeting", "matter", "minutes", "seat", "recommendation" -> " WHERE body_id = '" + lsvo + "'";
                case "decision" -> " WHERE matter_id IN (SELECT id FROM matter WHERE body_id = '" + lsvo + "')";
                case "body" -> " WHERE id = '" + lsvo + "'";
                default -> "";
            };
            // the objects mutations can still act on first: planned meetings, open matters, draft minutes
            String live = switch (table) {
                case "meeting" -> "(state = 'PLANNED' AND starts_at > now()) DESC, ";
                case "matter" -> "(state IN ('SUBMITTED', 'TRIAGED')) DESC, ";
                case "minutes" -> "(state = 'DRAFT') DESC, ";
                default -> "";
            };
            List<String> keys = strings("SELECT id::text FROM " + table + where + " ORDER BY " + live + "id LIMIT 6");
            real.put(e.getKey(), keys.stream().map(k -> e.getKey().equals("Decision") ? k : new GlobalId(e.getKey(), k).encode()).toList());
        }
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement s = owner.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                all.add(r.getString(1));
            }
        }
        return all;
    }

    /** Row count and hash of every row of every table a mutation can write, and of the audit trail. */
    private String checksum() {
        try (Statement s = owner.createStatement(); ResultSet r = s.executeQuery(checksumSql)) {
            StringBuilder b = new StringBuilder();
            while (r.next()) {
                b.append(r.getString(1)).append('=').append(r.getLong(2)).append('/').append(r.getLong(3)).append(' ');
            }
            return b.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the fuzz

    @Test
    void everyMutationAnswersHostileInputWithTypedErrorsAndWritesNothingWhenItRefuses() {
        System.out.println("[mutation fuzz] seed " + SEED + " (-Dfuzz.seed=… to replay another), " + CASES
                + " cases per mutation and caller (-Dfuzz.cases=…)");
        Random random = new Random(SEED);
        long started = System.nanoTime();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("secretary", tokenFor("sekreterare.lsvo"));
        callers.put("reader", tokenFor("handlaggare.karlskrona"));
        GraphQLObjectType mutation = graphQlSource.schema().getMutationType();
        assertThat(mutation).isNotNull();
        String documented = graphQlSource.schema().getObjectType("UserError").getFieldDefinition("code").getDescription();
        assertThat(CODES).as("the codes the schema documents for UserError.code")
                .allMatch(code -> documented != null && documented.contains(code));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> written = new TreeMap<>();
        int cases = 0;
        String before = checksum();
        for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                for (int i = 0; i < CASES; i++) {
                    Call call = call(field, random, i);
                    Answer answer = send(call, caller.getValue(), random.nextBoolean());
                    cases++;
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String where = field.getName() + " as " + caller.getKey() + " #" + i + " " + call.describe();
                    String after = checksum();
                    List<String> problems = problems(field, answer);
                    outcomes.merge(answer.outcome(), 1, Integer::sum);
                    if (answer.outcome().equals("written")) {
                        written.merge(field.getName(), 1, Integer::sum);
                    }
                    if (!answer.outcome().equals("written") && !after.equals(before)) {
                        problems.add("a refused call changed the database: " + diff(before, after));
                    }
                    before = after;
                    for (String p : problems) {
                        failures.add(where + ": " + p + "\n    answer: " + abbreviate(answer.text(), 600));
                    }
                }
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("[mutation fuzz] " + cases + " cases over " + mutation.getFieldDefinitions().size()
                + " mutations × " + callers.size() + " callers in " + millis + " ms; HTTP " + statuses + "; " + outcomes
                + "; " + failures.size() + " failures; written by " + written);
        failures.stream().limit(40).forEach(f -> System.out.println("[mutation fuzz] " + f));
        assertThat(failures).as("answers to hostile input that leak, fail or write (seed " + SEED + ")").isEmpty();
        assertThat(outcomes.keySet()).as("the fuzz reaches refusals in payloads and in errors")
                .contains("refused in payload", "refused with errors");
    }

    private static String diff(String before, String after) {
        List<String> a = List.of(before.split(" "));
        return List.of(after.split(" ")).stream().filter(t -> !a.contains(t)).collect(Collectors.joining(" "));
    }

    /** What is wrong with an answer, if anything. */
    private List<String> problems(GraphQLFieldDefinition field, Answer answer) {
        List<String> problems = new ArrayList<>();
        if (answer.status() != 200 && answer.status() != 400 && answer.status() != 413) {
            problems.add("HTTP " + answer.status());
        }
        for (String internal : INTERNALS) {
            if (answer.text().contains(internal)) {
                problems.add("internals (" + internal.strip() + ") in the answer");
            }
        }
        if (answer.body() == null) {
            if (answer.status() == 200) {
                problems.add("HTTP 200 without a JSON answer");
            }
            return problems;
        }
        if (answer.body().get("errors") instanceof List<?> errors) {
            for (Object e : errors) {
                Map<?, ?> error = (Map<?, ?>) e;
                Object extensions = error.get("extensions");
                Object classification = extensions instanceof Map<?, ?> x ? x.get("classification") : null;
                if (classification == null || "INTERNAL_ERROR".equals(classification)) {
                    problems.add("an error classified " + classification + ": " + abbreviate(String.valueOf(error.get("message")), 200));
                }
                if ("BAD_REQUEST".equals(classification) && extensions instanceof Map<?, ?> x && "BAD_INPUT".equals(x.get("code"))
                        && x.get("field") == null) {
                    problems.add("a BAD_INPUT error naming no field");
                }
            }
        }
        if (answer.body().get("data") instanceof Map<?, ?> data && data.get(field.getName()) instanceof Map<?, ?> payload
                && payload.get("errors") instanceof List<?> errors) {
            for (Object e : errors) {
                Map<?, ?> error = (Map<?, ?>) e;
                Object code = error.get("code");
                if (!CODES.contains(code)) {
                    problems.add("a payload error of code " + code);
                }
                if (("BAD_INPUT".equals(code) || "NOT_FOUND".equals(code)) && error.get("field") == null) {
                    problems.add("a " + code + " payload error naming no field");
                }
                if (error.get("message") == null || String.valueOf(error.get("message")).isBlank()) {
                    problems.add("a payload error without a message");
                }
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ calls

    /** One call: the input value (a map, or something hostile in its place) and how it is sent. */
    record Call(GraphQLFieldDefinition field, @Nullable Object input, boolean inline, List<String> spoiled) {

        String describe() {
            return (inline ? "inline" : "variables") + " spoiled " + spoiled;
        }
    }

    private Call call(GraphQLFieldDefinition field, Random random, int index) {
        GraphQLInputType type = field.getArgument("input").getType();
        List<String> spoiled = new ArrayList<>();
        Object input;
        if (random.nextInt(40) == 0) {
            input = hostile(random, GraphQLTypeUtil.unwrapNonNull(type), "input", spoiled); // not even an object
        } else if (index < STRING_KINDS) {
            // well-formed but for one string, so that hostile text reaches as far as any text does: to the database
            input = wellFormed(random, type, "input");
            List<List<Object>> leaves = new ArrayList<>();
            stringLeaves(GraphQLTypeUtil.unwrapNonNull(type), input, new ArrayList<>(), leaves);
            if (leaves.isEmpty()) {
                input = spoil(random, type, input, "input", spoiled);
            } else {
                List<Object> leaf = leaves.get(random.nextInt(leaves.size()));
                String text = hostileString(index); // every kind of hostile text at every mutation
                set(input, leaf, text);
                spoiled.add(leaf + ": String " + abbreviate(text, 40).replace("\u0000", "\\0"));
            }
        } else {
            input = wellFormed(random, type, "input");
            int spoil = 1 + random.nextInt(3);
            for (int i = 0; i < spoil; i++) {
                input = spoil(random, type, input, "input", spoiled);
            }
        }
        return new Call(field, input == ABSENT ? null : input, random.nextInt(5) == 0, spoiled);
    }

    /** The paths (field names and list indices) of the String values in a well-formed value. */
    private static void stringLeaves(GraphQLType bare, Object value, List<Object> path, List<List<Object>> leaves) {
        if (bare instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> map) {
            for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                if (map.containsKey(f.getName())) {
                    List<Object> next = new ArrayList<>(path);
                    next.add(f.getName());
                    stringLeaves(GraphQLTypeUtil.unwrapNonNull(f.getType()), map.get(f.getName()), next, leaves);
                }
            }
        } else if (bare instanceof GraphQLList list && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                List<Object> next = new ArrayList<>(path);
                next.add(i);
                stringLeaves(GraphQLTypeUtil.unwrapNonNull(list.getWrappedType()), items.get(i), next, leaves);
            }
        } else if (bare instanceof GraphQLNamedType named && named.getName().equals("String")) {
            leaves.add(path);
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Object value, List<Object> path, Object leaf) {
        Object at = value;
        for (int i = 0; i < path.size() - 1; i++) {
            at = path.get(i) instanceof Integer index ? ((List<Object>) at).get(index) : ((Map<String, Object>) at).get(path.get(i));
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((List<Object>) at).set(index, leaf);
        } else {
            ((Map<String, Object>) at).put((String) last, leaf);
        }
    }

    /** A value the type accepts, naming real objects where it names any. */
    private Object wellFormed(Random random, GraphQLType type, String name) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            int n = name.equals("order") ? 0 : 1 + random.nextInt(3);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(wellFormed(random, list.getWrappedType(), name));
            }
            return items;
        }
        if (bare instanceof GraphQLEnumType e) {
            List<GraphQLEnumValueDefinition> values = e.getValues();
            return values.get(random.nextInt(values.size())).getName();
        }
        if (bare instanceof GraphQLInputObjectType input) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(f.getType()) || random.nextBoolean()) {
                    fields.put(f.getName(), wellFormed(random, f.getType(), f.getName()));
                }
            }
            return fields;
        }
        return switch (((GraphQLNamedType) bare).getName()) {
            case "ID" -> realId(random, name);
            case "Int" -> random.nextInt(4);
            case "Float" -> 1.5;
            case "Boolean" -> random.nextBoolean();
            case "Date" -> "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
            case "DateTime" -> "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T09:00:00+01:00";
            case "String" -> switch (name) {
                case "url" -> "https://example.org/hook";
                case "counties" -> "blekinge";
                case "subjectAreas" -> pick(random, "aldre", "skola-barn-unga");
                case "mediaType" -> "application/pdf";
                case "contentBase64" -> Base64.getEncoder().encodeToString("innehåll".getBytes(StandardCharsets.UTF_8));
                default -> pick(random, "Budget 2027", "Samverkan kring äldre", "Ja", "Rådet informerades.");
            };
            default -> "x";
        };
    }

    private String realId(Random random, String name) {
        String type = ID_TYPES.getOrDefault(name, "Body");
        List<String> ids = real.getOrDefault(type, List.of());
        return ids.isEmpty() ? nonExistent(type) : ids.get(random.nextInt(ids.size()));
    }

    private static String nonExistent(String type) {
        UUID uuid = UUID.randomUUID();
        return type.equals("Decision") ? uuid.toString() : new GlobalId(type, uuid.toString()).encode();
    }

    /** The value with one of its leaves (or itself) replaced by a hostile value, left out, or given an unknown field. */
    @SuppressWarnings("unchecked")
    private Object spoil(Random random, GraphQLType type, Object value, String name, List<String> spoiled) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> map && random.nextInt(6) != 0) {
            Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) map);
            int choice = random.nextInt(12);
            if (choice == 0) {
                fields.put("unknownField", "x");
                spoiled.add(name + ".unknownField");
                return fields;
            }
            List<GraphQLInputObjectField> all = input.getFieldDefinitions();
            GraphQLInputObjectField f = all.get(random.nextInt(all.size()));
            Object current = fields.containsKey(f.getName()) ? fields.get(f.getName()) : wellFormed(random, f.getType(), f.getName());
            if (choice == 1) {
                fields.remove(f.getName());
                spoiled.add(name + "." + f.getName() + " left out");
                return fields;
            }
            Object next = spoil(random, f.getType(), current, f.getName(), spoiled);
            if (next == ABSENT) {
                fields.remove(f.getName());
            } else {
                fields.put(f.getName(), next);
            }
            return fields;
        }
        if (bare instanceof GraphQLList list && value instanceof List<?> items && !items.isEmpty() && random.nextInt(4) != 0) {
            List<Object> copy = new ArrayList<>(items);
            int i = random.nextInt(copy.size());
            copy.set(i, spoil(random, list.getWrappedType(), copy.get(i), name, spoiled));
            return copy;
        }
        return hostile(random, bare, name, spoiled);
    }

    /** A hostile value in the place of a value of this type. */
    private Object hostile(Random random, GraphQLType bare, String name, List<String> spoiled) {
        Object value;
        String what;
        int kind = random.nextInt(10);
        if (kind == 0) {
            value = null;
            what = "null";
        } else if (kind == 1) {
            value = pick(random, 0, -1, Integer.MAX_VALUE, new Raw("2147483648"), new Raw("-2147483649"), new Raw("1e400"),
                    "NaN", "Infinity", true, List.of(), Map.of("x", 1), 1.5, "");
            what = "wrong type " + value;
        } else if (bare instanceof GraphQLList list) {
            int n = random.nextBoolean() ? 1000 : 0;
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(wellFormed(random, list.getWrappedType(), name));
            }
            value = items;
            what = n + " elements";
        } else if (bare instanceof GraphQLEnumType e) {
            value = pick(random, "NOPE", e.getValues().getFirst().getName().toLowerCase(), "", "ÄLDRE", "A\u0000");
            what = "enum " + value;
        } else if (bare instanceof GraphQLInputObjectType) {
            value = pick(random, "x", Map.of(), List.of(Map.of()));
            what = "object " + value;
        } else {
            String scalar = ((GraphQLNamedType) bare).getName();
            value = switch (scalar) {
                case "ID" -> hostileId(random, name);
                case "Int" -> pick(random, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, new Raw("2147483648"),
                        new Raw("99999999999999999999"), new Raw("1e400"), new Raw("-0"), 1.5, "1", "NaN");
                case "Float" -> pick(random, "NaN", "-Infinity", new Raw("1e400"), new Raw("-1e400"), -0.0);
                case "Boolean" -> pick(random, "true", 1, 0, "yes");
                case "Date" -> pick(random, "2027-02-30", "0000-00-00", "99999-01-01", "+99999-01-01", "-0001-01-01",
                        "1000-01-01", "9999-12-31", "yesterday", "2027-1-1", "2027-01-01T00:00:00Z", hostileString(random));
                case "DateTime" -> pick(random, "2027-02-30T09:00:00+01:00", "0000-00-00T00:00:00Z",
                        "+999999999-12-31T23:59:59+01:00", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                        "1000-01-01T09:00:00+01:00", "9999-12-31T23:59:59-18:00", "2027-01-28T09:00:00", "2027-01-28",
                        "2027-01-28T25:00:00+01:00", "yesterday", "2027-01-28T09:00:00+25:00", hostileString(random));
                default -> hostileString(random);
            };
            what = scalar + " " + abbreviate(String.valueOf(value), 40);
        }
        spoiled.add(name + ": " + what.replace("\u0000", "\\0"));
        return value;
    }

    private Object hostileId(Random random, String name) {
        String type = ID_TYPES.getOrDefault(name, "Body");
        return switch (random.nextInt(8)) {
            case 0 -> nonExistent(type);
            case 1 -> { // a real object of another type
                List<String> others = real.entrySet().stream().filter(e -> !e.getKey().equals(type) && !e.getValue().isEmpty())
                        .flatMap(e -> e.getValue().stream()).toList();
                yield others.get(random.nextInt(others.size()));
            }
            case 2 -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 1 + random.nextInt(60)));
            case 3 -> new GlobalId(type, pick(random, "not-a-uuid", "", "'; DROP TABLE matter;--", "\u0000",
                    "00000000-0000-0000-0000-000000000000")).encode();
            case 4 -> UUID.randomUUID().toString();
            case 5 -> Base64.getUrlEncoder().encodeToString((type + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)) + "==";
            default -> hostileString(random);
        };
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** The kinds of hostile text {@link #hostileString(int)} makes. */
    private static final int STRING_KINDS = 14;

    private static String hostileString(Random random) {
        return hostileString(random.nextInt(STRING_KINDS));
    }

    private static String hostileString(int kind) {
        return switch (kind % STRING_KINDS) {
            case 0 -> "";
            case 1 -> "   ";
            case 2 -> "a".repeat(10_000);
            case 3 -> "å".repeat(100_000);
            case 4 -> "nul\u0000here";
            case 5 -> "\u0001\u0007\u001b[31m\u007f\u009f";
            case 6 -> "\ud800";
            case 7 -> "x\udc00y\ud83d";
            case 8 -> "\u202eRTL\u200b\u200d\ufeff🙂👩‍👩‍👧";
            case 9 -> "'; DROP TABLE matter;--";
            case 10 -> "\" OR 1=1 --\\";
            case 11 -> "😀".repeat(5_001);
            case 12 -> "line\r\nbreak\ttab";
            default -> "%s%n${jndi:ldap://x}<script>";
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    // ------------------------------------------------------------------------------------------------ sending

    /** An answer: its HTTP status, its text, and its JSON when it is JSON; the outcome as counted. */
    record Answer(int status, String text, @Nullable Map<String, Object> body, String outcome) {
    }

    private String selection(GraphQLFieldDefinition field) {
        GraphQLType bare = GraphQLTypeUtil.unwrapAll(field.getType());
        return bare instanceof GraphQLObjectType o && o.getFieldDefinition("errors") != null
                ? " { __typename errors { code message rule field } }" : " { __typename }";
    }

    private Answer send(Call call, @Nullable String token, boolean graphqlResponseMediaType) {
        GraphQLFieldDefinition field = call.field();
        GraphQLInputType type = field.getArgument("input").getType();
        Map<String, Object> request = new LinkedHashMap<>();
        if (call.inline()) {
            request.put("query", "mutation { " + field.getName() + "(input: " + literal(call.input(), type) + ")"
                    + selection(field) + " }");
        } else {
            request.put("query", "mutation($input: " + GraphQLTypeUtil.simplePrint(type) + ") { " + field.getName()
                    + "(input: $input)" + selection(field) + " }");
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("input", call.input());
            request.put("variables", variables);
        }
        return post(jsonOf(request), token, graphqlResponseMediaType, field.getName());
    }

    private Answer post(String body, @Nullable String token, boolean graphqlResponseMediaType, String fieldName) {
        var spec = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(graphqlResponseMediaType ? MediaType.parseMediaType("application/graphql-response+json")
                        : MediaType.APPLICATION_JSON);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        byte[] request = body.getBytes(StandardCharsets.UTF_8);
        EntityExchangeResult<byte[]> result;
        try {
            result = spec.bodyValue(request).exchange().expectBody(byte[].class).returnResult();
        } catch (RuntimeException closed) {
            // A body over max-request-size is refused with 413 as soon as its Content-Length is read, and the
            // connection closed while the client may still be sending: then the client sees the close, not the 413.
            if (request.length > 512 * 1024 && String.valueOf(closed.getMessage()).contains("closed")) {
                return new Answer(413, "", null, "refused with errors");
            }
            throw closed;
        }
        byte[] bytes = result.getResponseBody() == null ? new byte[0] : result.getResponseBody();
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, Object> parsed = null;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(bytes, Map.class);
            parsed = map;
        } catch (RuntimeException notJson) {
            // judged by its status and text alone
        }
        String outcome;
        Object payload = parsed != null && parsed.get("data") instanceof Map<?, ?> data ? data.get(fieldName) : null;
        if (payload instanceof Map<?, ?> p && p.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            outcome = "refused in payload";
        } else if (payload instanceof Map<?, ?>) {
            outcome = "written";
        } else {
            outcome = "refused with errors";
        }
        return new Answer(result.getStatus().value(), text, parsed, outcome);
    }

    /**
     * JSON with control characters and surrogates escaped (so a lone surrogate goes out as {@code \ud800}, which
     * UTF-8 cannot carry), everything else as UTF-8.
     */
    static String jsonOf(@Nullable Object value) {
        StringBuilder b = new StringBuilder();
        writeJson(b, value);
        return b.toString();
    }

    private static void writeJson(StringBuilder b, @Nullable Object value) {
        switch (value) {
            case null -> b.append("null");
            case Raw raw -> b.append(raw.text());
            case String s -> quote(b, s);
            case Number n -> b.append(n);
            case Boolean bool -> b.append(bool);
            case Map<?, ?> map -> {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    quote(b, String.valueOf(e.getKey()));
                    b.append(':');
                    writeJson(b, e.getValue());
                }
                b.append('}');
            }
            case List<?> list -> {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    writeJson(b, list.get(i));
                }
                b.append(']');
            }
            default -> throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    /** A string quoted with the escapes JSON and GraphQL share. */
    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    /** The value as a GraphQL literal of the type: enum values bare where they are names, the rest as in JSON. */
    private static String literal(@Nullable Object value, GraphQLType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        StringBuilder b = new StringBuilder();
        switch (value) {
            case null -> b.append("null");
            case Map<?, ?> map -> {
                b.append('{');
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    GraphQLType fieldType = bare instanceof GraphQLInputObjectType o && o.getField(String.valueOf(e.getKey())) != null
                            ? o.getField(String.valueOf(e.getKey())).getType() : bare;
                    b.append(e.getKey()).append(": ").append(literal(e.getValue(), fieldType)).append(' ');
                }
                b.append('}');
            }
            case List<?> list -> b.append(list.stream()
                    .map(v -> literal(v, bare instanceof GraphQLList l ? l.getWrappedType() : bare))
                    .collect(Collectors.joining(", ", "[", "]")));
            case String s when bare instanceof GraphQLEnumType && s.matches("[_A-Za-z][_0-9A-Za-z]*") -> b.append(s);
            default -> writeJson(b, value);
        }
        return b.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
    }

    // ------------------------------------------------------------------------------------------------ invisible ids

    /** The answer's text with the id itself replaced, so answers about different ids compare. */
    private Answer ask(GraphQLFieldDefinition field, Map<String, Object> input, String token) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", "mutation($input: " + GraphQLTypeUtil.simplePrint(field.getArgument("input").getType())
                + ") { " + field.getName() + "(input: $input)" + selection(field) + " }");
        request.put("variables", Map.of("input", input));
        return post(jsonOf(request), token, false, field.getName());
    }

    private static String without(String text, String id) {
        return text.replace(id, "<id>");
    }

    @Test
    void anotherPartysInboxItemAndAnIdOfTheWrongTypeAnswerExactlyLikeAnIdOfNothing() throws SQLException {
        if (strings("SELECT count(*) FROM inbox_item WHERE party_code = 'ronneby'").getFirst().equals("0")) {
            se.samverkan.api.support.LsvoFlow flow = new se.samverkan.api.support.LsvoFlow(this);
            flow.publish(flow.signedMinutes(14, "Skolfrånvaro, inkorgsprov"));
        }
        String ronneby = new GlobalId("InboxItem",
                strings("SELECT id::text FROM inbox_item WHERE party_code = 'ronneby' ORDER BY id LIMIT 1").getFirst()).encode();
        String karlskronas = new GlobalId("InboxItem",
                strings("SELECT id::text FROM inbox_item WHERE party_code = 'karlskrona' ORDER BY id LIMIT 1").getFirst()).encode();
        String meeting = real.get("Meeting").getFirst();
        String nothing = nonExistent("InboxItem");
        String token = tokenFor("handlaggare.karlskrona");
        GraphQLFieldDefinition acknowledge = graphQlSource.schema().getMutationType().getFieldDefinition("acknowledgeInboxItem");
        String before = checksum();
        Answer ofNothing = ask(acknowledge, Map.of("item", nothing, "note", "Behandlas i nämnden"), token);
        assertThat(ofNothing.text()).as("an id of nothing is refused as not found").contains("NOT_FOUND").contains("\"field\":\"item\"");
        for (String id : List.of(ronneby, meeting, "bm90aGluZw", UUID.randomUUID().toString())) {
            Answer other = ask(acknowledge, Map.of("item", id, "note", "Behandlas i nämnden"), token);
            assertThat(without(other.text(), id)).as("the answer to " + id).isEqualTo(without(ofNothing.text(), nothing));
            assertThat(other.status()).isEqualTo(ofNothing.status());
        }
        assertThat(checksum()).as("nothing written").isEqualTo(before);
        Answer own = ask(acknowledge, Map.of("item", karlskronas, "note", "Behandlas i nämnden"), token);
        assertThat(own.text()).as("Karlskrona's own item is found (so the comparison above is not vacuous)")
                .doesNotContain("NOT_FOUND");
    }

    /**
     * For every ID field of every mutation's input (the rest well-formed, naming real objects): an object of another
     * type, garbage and a bare uuid are answered exactly as an id of no object of the right type.
     */
    @Test
    void everyIdOfTheWrongTypeOrOfGarbageAnswersExactlyLikeAnIdOfNothing() {
        String token = tokenFor("sekreterare.lsvo");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        Random random = new Random(SEED);
        for (GraphQLFieldDefinition field : graphQlSource.schema().getMutationType().getFieldDefinitions()) {
            GraphQLInputObjectType type = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapNonNull(field.getArgument("input").getType());
            for (GraphQLInputObjectField f : type.getFieldDefinitions()) {
                GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(f.getType());
                boolean list = bare instanceof GraphQLList;
                if (!"ID".equals(((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(f.getType())).getName())) {
                    continue;
                }
                String idType = ID_TYPES.getOrDefault(f.getName(), "Body");
                @SuppressWarnings("unchecked")
                Map<String, Object> base = (Map<String, Object>) wellFormed(random, type, "input");
                String nothing = nonExistent(idType);
                base.put(f.getName(), list ? List.of(nothing) : nothing);
                String before = checksum();
                Answer ofNothing = ask(field, base, token);
                String wrongType = real.entrySet().stream().filter(e -> !e.getKey().equals(idType) && !e.getKey().equals("Decision")
                        && !e.getValue().isEmpty()).findFirst().orElseThrow().getValue().getFirst();
                for (String id : List.of(wrongType, "bm90aGluZw", idType.equals("Decision") ? new GlobalId("Decision",
                        UUID.randomUUID().toString()).encode() : UUID.randomUUID().toString())) {
                    Map<String, Object> input = new LinkedHashMap<>(base);
                    input.put(f.getName(), list ? List.of(id) : id);
                    Answer other = ask(field, input, token);
                    compared++;
                    if (!without(other.text(), id).equals(without(ofNothing.text(), nothing))) {
                        differences.add(field.getName() + "." + f.getName() + " = " + id + ":\n    " + abbreviate(other.text(), 300)
                                + "\n    an id of nothing: " + abbreviate(ofNothing.text(), 300));
                    }
                }
                if (!ofNothing.outcome().equals("written") && !checksum().equals(before)) {
                    differences.add(field.getName() + "." + f.getName() + ": the database changed although every call was to be refused as for an id of nothing");
                }
            }
        }
        System.out.println("[mutation fuzz] " + compared + " wrong-type and garbage ids compared with ids of nothing, "
                + differences.size() + " differ");
        differences.forEach(d -> System.out.println("[mutation fuzz] " + d));
        assertThat(compared).isGreaterThan(30);
        assertThat(differences).as("answers that tell a wrong or garbage id from an id of nothing").isEmpty();
    }
}
