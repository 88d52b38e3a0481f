package se.samverkan.api.graphql;

import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * The limits every argument of every field meets before any resolver sees it, checked in one place on the coerced
 * argument values (variables and literals alike), walking input objects and lists:
 *
 * <ul>
 * <li>a string holds no control character but tab, line feed and carriage return (U+0000–U+001F, U+007F–U+009F:
 * PostgreSQL refuses U+0000 in text, the rest is never text a person wrote) and no unpaired surrogate (it is not
 * Unicode and cannot be stored as UTF-8);</li>
 * <li>a string is at most {@value #MAX_STRING} characters ({@link #LONGER} names the few fields allowed more: minutes
 * and documents), an {@code ID} at most {@value #MAX_ID};</li>
 * <li>a list has at most {@value #MAX_LIST} elements.</li>
 * </ul>
 *
 * A mutation that passes a limit is answered with its payload carrying one {@code BAD_INPUT} error that names the
 * input field (as {@code entries.substitute}, without indices) and writes nothing, as any refused mutation; a query is
 * answered with a {@code BAD_REQUEST} error with {@code extensions.code} {@code BAD_INPUT} and {@code field}. The value
 * itself is never repeated. Finer limits of single fields (a title's 300 characters) stay with the services.
 *
 * <p>The check wraps the data fetcher of each field that has arguments, once, when the schema is built (a schema
 * visitor, see {@link GraphQlWiring}), rather than being an instrumentation asked about every field of every request:
 * a portal request resolves some 600 fields, nearly all without arguments.
 */
class InputLimits extends GraphQLTypeVisitorStub {

    static final int MAX_STRING = 10_000;
    static final int MAX_ID = 200;
    static final int MAX_LIST = 200;

    /** Input fields allowed more than {@value #MAX_STRING} characters, by {@code Type.field}. */
    static final Map<String, Integer> LONGER = Map.of(
            "EditMinutesInput.content", 200_000,
            // a document's content; the request's size (max-request-size, 512 KB) is its real bound
            "AttachDocumentInput.contentBase64", 1_000_000);

    /** A limit passed: the input field concerned and what is wrong. */
    record Problem(String field, String message) {
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
            TraverserContext<GraphQLSchemaElement> context) {
        if (!field.getArguments().isEmpty() && context.getParentNode() instanceof GraphQLObjectType parent) {
            GraphQLCodeRegistry.Builder code = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            code.dataFetcher(parent, field, checked(code.getDataFetcher(parent, field)));
        }
        return TraversalControl.CONTINUE;
    }

    private static DataFetcher<?> checked(DataFetcher<?> dataFetcher) {
        return env -> {
            Optional<Problem> problem = check(env.getFieldDefinition(), env.getArguments());
            if (problem.isEmpty()) {
                return dataFetcher.get(env);
            }
            return refusal(env, problem.get());
        };
    }

    /** The first limit the arguments pass, if any. */
    static Optional<Problem> check(GraphQLFieldDefinition field, Map<String, Object> arguments) {
        for (GraphQLArgument argument : field.getArguments()) {
            Object value = arguments.get(argument.getName());
            // a mutation's single argument is its input object: its fields are named as the payload names them
            String path = argument.getName().equals("input") ? "" : argument.getName();
            Optional<Problem> problem = check(value, argument.getType(), path, null);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> check(@Nullable Object value, GraphQLType type, String path, @Nullable String coordinate) {
        if (value == null) {
            return Optional.empty();
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list && value instanceof List<?> items) {
            if (items.size() > MAX_LIST) {
                return Optional.of(new Problem(path, "at most " + MAX_LIST + " elements, not " + items.size()));
            }
            for (Object item : items) {
                Optional<Problem> problem = check(item, list.getWrappedType(), path, coordinate);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (bare instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                Optional<Problem> problem = check(fields.get(f.getName()), f.getType(),
                        path.isEmpty() ? f.getName() : path + "." + f.getName(), input.getName() + "." + f.getName());
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (value instanceof String text) {
            boolean id = bare instanceof GraphQLNamedType named && named.getName().equals("ID");
            int max = id ? MAX_ID : coordinate == null ? MAX_STRING : LONGER.getOrDefault(coordinate, MAX_STRING);
            return problem(text, max).map(message -> new Problem(path, message));
        }
        return Optional.empty();
    }

    /** What is wrong with a string, if anything. */
    static Optional<String> problem(String text, int max) {
        if (text.length() > max) {
            return Optional.of("at most " + max + " characters, not " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return Optional.of(String.format("control character U+%04X at position %d: not text", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("unpaired surrogate U+%04X at position %d: not Unicode text", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /**
     * A mutation's refusal as its payload: the one error, nothing written, and every other field null (or false where
     * the schema allows no null). A query's, or a payload that cannot be built so, as a BAD_REQUEST error.
     */
    private static Object refusal(DataFetchingEnvironment env, Problem problem) {
        String field = problem.field().isEmpty() ? env.getFieldDefinition().getArguments().getFirst().getName() : problem.field();
        String message = "'" + field + "': " + problem.message();
        GraphQLType result = GraphQLTypeUtil.unwrapNonNull(env.getFieldType());
        if (env.getParentType() instanceof GraphQLObjectType parent && parent.getName().equals("Mutation")
                && result instanceof GraphQLObjectType payload && payload.getFieldDefinition("errors") != null) {
            Map<String, Object> refused = new LinkedHashMap<>();
            boolean buildable = true;
            for (GraphQLFieldDefinition f : payload.getFieldDefinitions()) {
                if (f.getName().equals("errors")) {
                    refused.put("errors", List.of(UserError.badInput(field, message)));
                } else if (GraphQLTypeUtil.isNonNull(f.getType())) {
                    if (GraphQLTypeUtil.unwrapNonNull(f.getType()) instanceof GraphQLNamedType n && n.getName().equals("Boolean")) {
                        refused.put(f.getName(), false);
                    } else {
                        buildable = false;
                    }
                } else {
                    refused.put(f.getName(), null);
                }
            }
            if (buildable) {
                return refused;
            }
        }
        GraphQLError error = GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation())
                .extensions(Map.of("code", "BAD_INPUT", "field", field)).build();
        return DataFetcherResult.newResult().error(error).build();
    }
}
