package se.samverkan.api.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.api.support.LsvoFlow;
import se.samverkan.api.support.LsvoFlow;
import se.samverkan.tenancy.Access;
import se.samverkan.tenancy.OperationPolicy;
import se.samverkan.tenancy.Principal;
import se.samverkan.tenancy.Role;

/**
 * The authorization matrix, generated from the schema and {@link OperationPolicy}: every query, mutation and
 * subscription is called by every demo role, and the gate's outcome must be exactly the table's. Arguments are
 * well-formed but name no real object, so what is checked here is the gate, not a body's rulebook (those refusals
 * carry their rule ids and are tested with the rules).
 */
class AuthorizationMatrixIntegrationTest extends IntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    /** A demo role: its token (null for anonymous) and what the gate knows of it. */
    record Persona(String name, String token, Principal principal) {
    }

    enum Outcome {
        PASSED, REFUSED
    }

    @Autowired
    GraphQlSource graphQlSource;

    private GraphQLSchema schema;

    @BeforeEach
    void readSchema() {
        schema = graphQlSource.schema();
    }

    private List<String> coordinates() {
        List<String> all = new ArrayList<>();
        for (GraphQLObjectType root : roots()) {
            root.getFieldDefinitions().forEach(f -> all.add(root.getName() + "." + f.getName()));
        }
        return all;
    }

    private List<GraphQLObjectType> roots() {
        List<GraphQLObjectType> roots = new ArrayList<>(List.of(schema.getQueryType()));
        if (schema.getMutationType() != null) roots.add(schema.getMutationType());
        if (schema.getSubscriptionType() != null) roots.add(schema.getSubscriptionType());
        return roots;
    }

    @Test
    void everyOperationOfTheSchemaHasAPolicyAndEveryPolicyAnOperation() {
        assertThat(new TreeSet<>(coordinates())).as("operations without a line in OperationPolicy, or lines without an operation")
                .isEqualTo(new TreeSet<>(OperationPolicy.operations()));
    }

    private List<Persona> personas() {
        List<Persona> personas = new ArrayList<>();
        personas.add(new Persona("anonymous", null, Principal.ANONYMOUS));
        for (String[] user : new String[][] {{"reader of Karlskrona", "handlaggare.karlskrona", "READER"},
                {"reader of Ronneby", "handlaggare.ronneby", "READER"}, {"member", "aldrechef.karlskrona", "MEMBER"},
                {"chair", "ordforande.psvo", "MEMBER"}, {"secretary", "sekreterare.lsvo", "SECRETARY"},
                {"admin", "admin", "ADMIN"}}) {
            personas.add(new Persona(user[0], tokenFor(user[1]), principal(Role.valueOf(user[2]))));
        }
        Instant now = Instant.now();
        personas.add(new Persona("integration", devIssuer.sign(new JWTClaimsSet.Builder().issuer(devIssuer.issuer())
                .subject(UUID.randomUUID().toString()).audience("samverkan-api").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("organisation", "karlskrona")
                .claim("realm_access", Map.of("roles", List.of("integration"))).build()), principal(Role.INTEGRATION)));
        return personas;
    }

    private static Principal principal(Role role) {
        return new Principal("s", "u", "karlskrona", Set.of(role), List.of(), List.of());
    }

    @Test
    void everyOperationIsRefusedByTheGateExactlyWhereThePolicySays() {
        List<String> unexpected = new ArrayList<>();
        int cells = 0;
        List<Persona> personas = personas();
        for (Persona persona : personas) {
            for (GraphQLObjectType root : roots()) {
                for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                    String coordinate = root.getName() + "." + field.getName();
                    Access access = OperationPolicy.of(coordinate).orElseThrow();
                    Outcome expected = access.refuses(persona.principal()) ? Outcome.REFUSED : Outcome.PASSED;
                    Outcome actual = root == schema.getSubscriptionType()
                            ? subscribe(persona, field) : call(persona, root, field);
                    cells++;
                    if (actual != expected) {
                        unexpected.add(coordinate + " as " + persona.name() + ": expected " + expected + ", was " + actual);
                    }
                }
            }
        }
        System.out.println("[authorization matrix] " + cells + " cells (" + coordinates().size() + " operations × "
                + personas.size() + " roles), " + unexpected.size() + " unexpected");
        assertThat(unexpected).as("cells whose outcome differs from OperationPolicy").isEmpty();
    }

    /** The PARTY objects of the demo parties, by node type: a committee whose inbox holds an item, and the item. */
    private Map<String, Map<String, String>> partyObjects(List<String> parties) {
        String minutes = new LsvoFlow(this).signedMinutes(29, "Skolskjuts i matrisen");
        Map<String, Map<String, String>> objects = new LinkedHashMap<>();
        for (String party : parties) {
            var reader = as("handlaggare." + party);
            for (String committee : graphQl.document("query($p: String!) { party(code: $p) { committees { id } } }")
                    .variable("p", party).execute().path("party.committees[*].id").entityList(String.class).get()) {
                List<String> items = reader.document("query($c: ID!) { inbox(committee: $c) { edges { node { id } } } }")
                        .variable("c", committee).execute().path("inbox.edges[*].node.id").entityList(String.class).get();
                if (!items.isEmpty()) {
                    objects.put(party, Map.of("Committee", committee, "InboxItem", items.getFirst()));
                    break;
                }
            }
            assertThat(objects).as("an inbox item of " + party + " after minutes " + minutes + " were signed").containsKey(party);
        }
        return objects;
    }

    /**
     * Arguments that name a PARTY object, by where they stand: an inbox item ({@code input.item}, or any object for
     * {@code node} and {@code auditLog}), or a committee, whose inbox and answers are its party's. A committee itself
     * is public structure, so it is not a slot where any object may stand.
     */
    private static Map<String, List<String>> partyObjectSlots(GraphQLFieldDefinition field) {
        Map<String, List<String>> slots = new LinkedHashMap<>();
        boolean anyNode = field.getName().equals("node") || field.getName().equals("auditLog");
        for (GraphQLArgument argument : field.getArguments()) {
            if (GraphQLTypeUtil.unwrapNonNull(argument.getType()) instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                    slotTypes(f.getName(), f.getType(), false).ifPresent(t -> slots.put(argument.getName() + "." + f.getName(), t));
                }
            } else {
                slotTypes(argument.getName(), argument.getType(), anyNode).ifPresent(t -> slots.put(argument.getName(), t));
            }
        }
        return slots;
    }

    private static Optional<List<String>> slotTypes(String name, GraphQLType type, boolean anyNode) {
        if (!(GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLScalarType scalar) || !scalar.getName().equals("ID")) {
            return Optional.empty();
        }
        if (anyNode) {
            return Optional.of(List.of("InboxItem"));
        }
        return switch (name) {
            case "committee" -> Optional.of(List.of("Committee"));
            case "item" -> Optional.of(List.of("InboxItem"));
            default -> Optional.empty();
        };
    }

    /**
     * Own vs other party's objects: every query and mutation with an argument naming a PARTY object is called by a
     * reader of each party with each party's object. Another party's object must be answered exactly as an object of
     * that type that does not exist (ids aside); the caller's own object must be seen, wherever the same call with a
     * nonexistent object is not refused for another reason (the gate, or another argument that names nothing).
     */
    @Test
    void anotherPartysObjectIsAnsweredExactlyAsOneThatDoesNotExistAndOneOwnIsSeen() {
        List<String> parties = List.of("karlskrona", "ronneby");
        Map<String, Map<String, String>> objects = partyObjects(parties);
        List<String> unexpected = new ArrayList<>();
        int cells = 0;
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                for (var slot : partyObjectSlots(field).entrySet()) {
                    String argument = slot.getKey().substring(slot.getKey().indexOf('.') + 1);
                    for (String type : slot.getValue()) {
                        for (String caller : parties) {
                            Persona persona = new Persona("reader of " + caller, tokenFor("handlaggare." + caller), principal(Role.READER));
                            String other = parties.get(0).equals(caller) ? parties.get(1) : parties.get(0);
                            for (String owner : List.of(other, caller)) {
                                String object = objects.get(owner).get(type);
                                String nothing = Base64.getUrlEncoder().withoutPadding().encodeToString(
                                        (type + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
                                String absent = answer(persona, document(root, field, slot.getKey(), nothing), nothing);
                                String asked = answer(persona, document(root, field, slot.getKey(), object), object);
                                cells++;
                                String cell = root.getName() + "." + field.getName() + "(" + slot.getKey() + ": " + owner
                                        + "'s " + type + ") as " + persona.name();
                                if (!owner.equals(caller) && !asked.equals(absent)) {
                                    unexpected.add(cell + ": answered " + asked + " but for a nonexistent one " + absent);
                                }
                                boolean reachable = !absent.contains("classification=UNAUTHORIZED")
                                        && !absent.contains("classification=FORBIDDEN")
                                        && !absent.matches(".*code=NOT_FOUND, [^}]*field=(?!" + argument + "\\b).*");
                                if (owner.equals(caller) && reachable && asked.equals(absent)) {
                                    unexpected.add(cell + ": its own object answered as a nonexistent one: " + asked);
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.println("[authorization matrix, own vs other party's objects] " + cells + " cells, " + unexpected.size()
                + " unexpected");
        assertThat(cells).as("cells of operations naming PARTY objects").isGreaterThanOrEqualTo(12);
        assertThat(unexpected).as("cells where another party's object shows, or an own one does not").isEmpty();
    }

    /** The answer as text with the asked id masked, so that two answers differing only in it compare equal. */
    private String answer(Persona persona, String document, String id) {
        Map<String, Object> body = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + persona.token()).bodyValue(Map.of("query", document)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return String.valueOf(body).replace(id, "<id>").replace(LsvoFlow.key(id).toString(), "<key>");
    }

    /** The operation as the gate's matrix writes it, with one argument (or one field of its input) set to an id. */
    private String document(GraphQLObjectType root, GraphQLFieldDefinition field, String slot, String id) {
        String[] path = slot.split("\\.");
        String arguments = field.getArguments().stream()
                .filter(a -> GraphQLTypeUtil.isNonNull(a.getType()) || a.getName().equals(path[0]))
                .map(a -> a.getName() + ": " + (!a.getName().equals(path[0]) ? literal(a.getType(), a.getName(), 0)
                        : path.length == 1 ? "\"" + id + "\"" : withField(a.getType(), path[1], id)))
                .collect(Collectors.joining(", "));
        String operation = root == schema.getMutationType() ? "mutation" : "query";
        return operation + " { " + field.getName() + "(" + arguments + ")" + selection(field.getType(), 0) + " }";
    }

    private String withField(GraphQLInputType type, String name, String id) {
        GraphQLInputObjectType input = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapNonNull(type);
        Map<String, String> fields = new LinkedHashMap<>();
        for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
            if (f.getName().equals(name)) {
                fields.put(name, "\"" + id + "\"");
            } else if (GraphQLTypeUtil.isNonNull(f.getType())) {
                fields.put(f.getName(), literal(f.getType(), f.getName(), 1));
            }
        }
        return fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", "{ ", " }"));
    }

    /**
     * One call over HTTP; REFUSED when the gate answered (UNAUTHORIZED/FORBIDDEN). A NOT_ALLOWED user error in a
     * payload is the rulebook's finer refusal, past the gate.
     */
    private Outcome call(Persona persona, GraphQLObjectType root, GraphQLFieldDefinition field) {
        String document = document(root, field);
        var request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (persona.token() != null) {
            request = request.header("Authorization", "Bearer " + persona.token());
        }
        Map<String, Object> body = request.bodyValue(Map.of("query", document)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(body).as(document).isNotNull();
        String text = String.valueOf(body);
        if (body.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                String e = String.valueOf(error);
                assertThat(e).as("no internals in errors of " + document).doesNotContain("Exception", "org.", "java.", "SQL");
                if (e.contains("classification=UNAUTHORIZED") || e.contains("classification=FORBIDDEN")) {
                    return Outcome.REFUSED;
                }
                assertThat(e).as("an error that is neither refusal nor bad input, for " + document)
                        .containsAnyOf("classification=BAD_REQUEST", "classification=NOT_FOUND", "classification=ValidationError");
            }
        }
        assertThat(text).as("the gate, not a controller, refuses anonymous callers: " + document)
                .doesNotContain("sign in first");
        return Outcome.PASSED;
    }

    private Outcome subscribe(Persona persona, GraphQLFieldDefinition field) {
        WebSocketGraphQlTester socket = socket(port, persona.token() == null ? Map.of()
                : Map.of("Authorization", "Bearer " + persona.token()));
        try {
            Throwable failure = socket.document(document(schema.getSubscriptionType(), field)).executeSubscription().toFlux()
                    .then().timeout(Duration.ofMillis(700)).onErrorResume(e -> e instanceof java.util.concurrent.TimeoutException
                            ? reactor.core.publisher.Mono.empty() : reactor.core.publisher.Mono.error(e))
                    .map(x -> (Throwable) null).onErrorResume(e -> reactor.core.publisher.Mono.just(e)).block(Duration.ofSeconds(10));
            if (failure == null) {
                return Outcome.PASSED;
            }
            String message = String.valueOf(failure.getMessage());
            return message.contains("UNAUTHORIZED") || message.contains("FORBIDDEN") ? Outcome.REFUSED : Outcome.PASSED;
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    /** The operation with its required arguments filled with well-formed values that name no real object. */
    private String document(GraphQLObjectType root, GraphQLFieldDefinition field) {
        String arguments = field.getArguments().stream().filter(a -> GraphQLTypeUtil.isNonNull(a.getType()))
                .map(a -> a.getName() + ": " + literal(a.getType(), a.getName(), 0)).collect(Collectors.joining(", "));
        String operation = switch (root.getName()) {
            case "Query" -> "query";
            case "Mutation" -> "mutation";
            default -> "subscription";
        };
        return operation + " { " + field.getName() + (arguments.isEmpty() ? "" : "(" + arguments + ")")
                + selection(field.getType(), 0) + " }";
    }

    private String literal(GraphQLType type, String name, int depth) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            return "[" + literal(list.getWrappedType(), name, depth) + "]";
        }
        if (bare instanceof GraphQLEnumType e) {
            return e.getValues().getFirst().getName();
        }
        if (bare instanceof GraphQLInputObjectType input) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(f.getType()) && depth < 4) {
                    fields.put(f.getName(), literal(f.getType(), f.getName(), depth + 1));
                }
            }
            return fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ", "{ ", " }"));
        }
        return switch (((GraphQLNamedType) bare).getName()) {
            case "ID" -> "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(("Nothing:" + UUID.randomUUID())
                    .getBytes(StandardCharsets.UTF_8)) + "\"";
            case "Int" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "false";
            case "Date" -> "\"2030-01-15\"";
            case "DateTime" -> "\"2030-01-15T09:00:00+01:00\"";
            case "String" -> name.equals("county") ? "\"blekinge\"" : name.equals("url") ? "\"https://example.org/hook\"" : "\"x\"";
            default -> "\"x\"";
        };
    }

    /** The smallest selection that tells answers apart: a payload's errors, a connection's count, or __typename. */
    private String selection(GraphQLType type, int depth) {
        GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
        if (bare instanceof GraphQLScalarType || bare instanceof GraphQLEnumType) {
            return "";
        }
        if (bare instanceof GraphQLObjectType object && object.getFieldDefinition("errors") != null) {
            return " { __typename errors { code message rule field } }";
        }
        if (bare instanceof GraphQLObjectType object && object.getFieldDefinition("totalCount") != null) {
            return " { __typename totalCount }";
        }
        return " { __typename }";
    }
}
