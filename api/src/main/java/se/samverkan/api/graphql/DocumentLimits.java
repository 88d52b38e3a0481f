package se.samverkan.api.graphql;

import graphql.GraphQLError;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;
import graphql.schema.InputValueWithState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Measures a parsed document against the {@linkplain QueryLimits limits} before graphql-java validates it, and stops
 * at the first limit passed: refusing a query costs at most {@code maxFields} steps however large the query would
 * have grown with its fragments expanded. Anything it does not know (an undefined field or fragment) it counts
 * without looking further and leaves to validation to name.
 *
 * <p>Counted over every operation of the document, fragments expanded:
 * <ul>
 *   <li>depth: fields nested in fields, a top-level field being level 1;</li>
 *   <li>fields: every field as written, once per place a fragment puts it;</li>
 *   <li>cost: every field once per object it may be resolved on. A list inside a connection holds the connection's
 *   {@code first} (as given, from a variable, or the schema's default); any other list is taken to hold
 *   {@code listSize} items. So {@code bodies(first: 50) { edges { node { name } } }} costs 1 + 1 + 50 + 50;</li>
 *   <li>aliases and directives, as written, fragments expanded;</li>
 *   <li>operations and fragment definitions in the document;</li>
 *   <li>a fragment that spreads itself, directly or through others, is refused at once.</li>
 * </ul>
 */
final class DocumentLimits {

    /** The limits; see {@link QueryLimits.Properties} for their meaning and defaults. */
    record Limits(int maxDepth, int maxFields, long maxCost, int maxAliases, int maxDirectives, int maxOperations,
            int maxFragments, int listSize) {
    }

    /** What a document measured, as far as it was measured (the walk stops at the first limit passed). */
    record Measure(int depth, int fields, long cost, int aliases, int directives) {
    }

    /** A limit passed: the error to answer with. */
    static final class Refusal extends RuntimeException {

        final transient GraphQLError error;

        Refusal(GraphQLError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    private final Limits limits;
    private final @Nullable GraphQLSchema schema;
    private final Map<String, Object> variables;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Deque<String> fragmentPath = new ArrayDeque<>();
    private Map<String, Value<?>> variableDefaults = Map.of();
    private int depth;
    private int fields;
    private long cost;
    private int aliases;
    private int directives;

    private DocumentLimits(Limits limits, @Nullable GraphQLSchema schema, Map<String, Object> variables) {
        this.limits = limits;
        this.schema = schema;
        this.variables = variables;
    }

    /**
     * Measures the document; throws {@link Refusal} at the first limit passed.
     *
     * @param schema    the schema the document is for, which gives list types and the defaults of {@code first}; without
     *                  it every field counts once
     * @param variables the request's variables, for {@code first: $n}
     */
    static Measure measure(Document document, @Nullable GraphQLSchema schema, Map<String, Object> variables,
            Limits limits) {
        return new DocumentLimits(limits, schema, variables).walk(document);
    }

    private Measure walk(Document document) {
        int operations = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                if (++operations > limits.maxOperations()) {
                    throw refuse("TOO_MANY_OPERATIONS", limits.maxOperations(), operation.getSourceLocation(),
                            "The document holds more than " + limits.maxOperations() + " operations.");
                }
            } else if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
                if (fragments.size() > limits.maxFragments()) {
                    throw refuse("TOO_MANY_FRAGMENTS", limits.maxFragments(), fragment.getSourceLocation(),
                            "The document defines more than " + limits.maxFragments() + " fragments.");
                }
            }
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                variableDefaults = new HashMap<>();
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    if (variable.getDefaultValue() != null) {
                        variableDefaults.put(variable.getName(), variable.getDefaultValue());
                    }
                }
                countDirectives(operation);
                selections(operation.getSelectionSet(), rootType(operation), 0, 1, 0);
            }
        }
        return new Measure(depth, fields, cost, aliases, directives);
    }

    private @Nullable GraphQLFieldsContainer rootType(OperationDefinition operation) {
        if (schema == null) {
            return null;
        }
        return switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    }

    /**
     * @param multiplier how many objects of {@code type} the selections may be resolved on
     * @param pageSize   when {@code type} is a connection, its {@code first}; else 0
     */
    private void selections(@Nullable SelectionSet selectionSet, @Nullable GraphQLFieldsContainer type, int level,
            long multiplier, long pageSize) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            switch (selection) {
                case Field field -> field(field, type, level + 1, multiplier, pageSize);
                case InlineFragment inline -> {
                    countDirectives(inline);
                    GraphQLFieldsContainer on = inline.getTypeCondition() == null ? type
                            : typeNamed(inline.getTypeCondition().getName());
                    selections(inline.getSelectionSet(), on, level, multiplier, pageSize);
                }
                case FragmentSpread spread -> {
                    countDirectives(spread);
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment == null) {
                        continue; // validation names it
                    }
                    if (fragmentPath.contains(fragment.getName())) {
                        List<String> cycle = new java.util.ArrayList<>(fragmentPath.reversed());
                        cycle = cycle.subList(cycle.indexOf(fragment.getName()), cycle.size());
                        throw refuse("FRAGMENT_CYCLE", null, spread.getSourceLocation(), "Fragment '" + fragment.getName()
                                + "' spreads itself (" + String.join(" → ", cycle) + " → " + fragment.getName() + ").");
                    }
                    fragmentPath.push(fragment.getName());
                    countDirectives(fragment);
                    selections(fragment.getSelectionSet(), typeNamed(fragment.getTypeCondition().getName()), level,
                            multiplier, pageSize);
                    fragmentPath.pop();
                }
                default -> {
                }
            }
        }
    }

    private void field(Field field, @Nullable GraphQLFieldsContainer parent, int level, long multiplier,
            long pageSize) {
        if (++fields > limits.maxFields()) {
            throw refuse("TOO_MANY_FIELDS", limits.maxFields(), field.getSourceLocation(),
                    "The query asks for more than " + limits.maxFields() + " fields (fragments counted where they are spread).");
        }
        if (field.getAlias() != null && ++aliases > limits.maxAliases()) {
            throw refuse("TOO_MANY_ALIASES", limits.maxAliases(), field.getSourceLocation(),
                    "The query uses more than " + limits.maxAliases() + " aliases.");
        }
        countDirectives(field);
        if (level > limits.maxDepth()) {
            throw refuse("TOO_DEEP", limits.maxDepth(), field.getSourceLocation(),
                    "The query nests fields more than " + limits.maxDepth() + " levels deep.");
        }
        depth = Math.max(depth, level);
        cost += multiplier;
        if (cost > limits.maxCost()) {
            throw refuse("TOO_COSTLY", limits.maxCost(), field.getSourceLocation(),
                    "The query may resolve more than " + limits.maxCost() + " fields: each counts once per object it is "
                            + "asked on, a connection's page as 'first' objects and any other list as " + limits.listSize()
                            + ". Ask for smaller pages or fewer nested lists.");
        }
        if (field.getSelectionSet() == null) {
            return;
        }
        GraphQLFieldDefinition definition = parent == null ? null : definition(parent, field.getName());
        GraphQLType type = definition == null ? null : definition.getType();
        long first = definition == null ? -1 : first(definition, field);
        long childMultiplier = multiplier;
        if (type != null && GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
            long items = first >= 0 ? first : pageSize > 0 ? pageSize : limits.listSize();
            childMultiplier = saturated(multiplier, Math.max(1, items));
        }
        GraphQLUnmodifiedType child = type == null ? null : GraphQLTypeUtil.unwrapAll(type);
        selections(field.getSelectionSet(), child instanceof GraphQLFieldsContainer c ? c : null, level, childMultiplier,
                first >= 0 && child instanceof GraphQLFieldsContainer ? first : 0);
    }

    private @Nullable GraphQLFieldDefinition definition(GraphQLFieldsContainer parent, String name) {
        if (schema != null && parent == schema.getQueryType()) {
            if (name.equals(Introspection.SchemaMetaFieldDef.getName())) {
                return Introspection.SchemaMetaFieldDef;
            }
            if (name.equals(Introspection.TypeMetaFieldDef.getName())) {
                return Introspection.TypeMetaFieldDef;
            }
        }
        return parent.getFieldDefinition(name);
    }

    /** The field's {@code first} argument as this request gives it, or its default; -1 without one. */
    private long first(GraphQLFieldDefinition definition, Field field) {
        GraphQLArgument argument = definition.getArgument("first");
        if (argument == null) {
            return -1;
        }
        Argument given = field.getArguments().stream().filter(a -> a.getName().equals("first")).findFirst().orElse(null);
        if (given != null) {
            Value<?> value = given.getValue();
            if (value instanceof VariableReference variable) {
                Object supplied = variables.get(variable.getName());
                if (supplied instanceof Number number) {
                    return Math.max(0, number.longValue());
                }
                value = supplied == null && !variables.containsKey(variable.getName())
                        ? variableDefaults.get(variable.getName()) : null;
            }
            if (value instanceof IntValue literal) {
                return literal.getValue().signum() < 0 ? 0 : literal.getValue().min(java.math.BigInteger.valueOf(Long.MAX_VALUE / 2)).longValue();
            }
        }
        InputValueWithState fallback = argument.getArgumentDefaultValue();
        Object value = fallback.getValue();
        if (value instanceof IntValue literal) {
            return literal.getValue().longValue();
        }
        return value instanceof Number number ? number.longValue() : -1;
    }

    private @Nullable GraphQLFieldsContainer typeNamed(String name) {
        return schema != null && schema.getType(name) instanceof GraphQLFieldsContainer type ? type : null;
    }

    private void countDirectives(DirectivesContainer<?> node) {
        directives += node.getDirectives().size();
        if (directives > limits.maxDirectives()) {
            throw refuse("TOO_MANY_DIRECTIVES", limits.maxDirectives(), node.getSourceLocation(),
                    "The query uses more than " + limits.maxDirectives() + " directives.");
        }
    }

    private static long saturated(long a, long b) {
        long product = a * b;
        return (a != 0 && (product / a != b || product < 0)) ? Long.MAX_VALUE / 2 : Math.min(product, Long.MAX_VALUE / 2);
    }

    private static Refusal refuse(String code, @Nullable Number limit, @Nullable SourceLocation location, String message) {
        return new Refusal(QueryLimits.error(code, limit, location, message));
    }
}
