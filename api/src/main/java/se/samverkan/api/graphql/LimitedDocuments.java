package se.samverkan.api.graphql;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * graphql-java's hook between a request and its parsed, validated document. Here it reads the limits off the text
 * ({@link TextLimits}: tokens, aliases, directives, operations, fragments, without parsing), parses the query with
 * the same token cap, measures the document ({@link DocumentLimits}: depth, fields, cost, cycles) and refuses it, or
 * else hands the request on to graphql-java's own parse and validation (which then parses again, with the same
 * options from the request's context).
 *
 * <p>A document that passed is kept by its text ({@link #KEPT} of them, of at most {@link #KEPT_LENGTH} characters),
 * parsed and validated: a client asks the same few queries again and again, and parsing and validating took a tenth
 * of a portal request's CPU. The text limits hold for the same text again; the cost is measured anew for each
 * request, since it depends on the variables.
 *
 * <p>A refusal is returned as the document's errors, the way graphql-java returns its own syntax and validation
 * errors: the request's observation and every instrumentation complete as for any invalid query (an exception
 * thrown from an instrumentation before validation would leave the request observation open).
 */
final class LimitedDocuments implements PreparsedDocumentProvider {

    private static final Logger log = LoggerFactory.getLogger(LimitedDocuments.class);

    private final DocumentLimits.Limits limits;
    private final ParserOptions parserOptions;
    private final boolean introspection;
    private final Supplier<GraphQLSchema> schema;
    private final MeterRegistry meters;
    private final DistributionSummary costs;
    private volatile @org.jspecify.annotations.Nullable GraphQLSchema knownSchema;

    static final int KEPT = 1000;
    static final int KEPT_LENGTH = 20_000;

    private record Accepted(Document document, PreparsedDocumentEntry validated) {
    }

    /** Accepted documents by their text; emptied when full (a flood of distinct queries only costs the keeping). */
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    LimitedDocuments(QueryLimits.Properties properties, Supplier<GraphQLSchema> schema, MeterRegistry meters) {
        this.limits = properties.limits();
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(java.util.Objects.requireNonNull(properties.maxTokens()))
                .maxCharacters(properties.maxRequestBytes()));
        this.introspection = java.util.Objects.requireNonNull(properties.introspection());
        this.schema = schema;
        this.meters = meters;
        this.costs = DistributionSummary.builder("samverkan.graphql.query.cost")
                .description("Estimated field resolutions of each accepted GraphQL request (see samverkan.graphql.max-cost)")
                .register(meters);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        input.getGraphQLContext().put(ParserOptions.class, parserOptions);
        if (!introspection) {
            input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
        }
        Accepted known = accepted.get(input.getQuery());
        if (known != null) {
            return measured(known.document(), input).orElseGet(() -> CompletableFuture.completedFuture(known.validated()));
        }
        try {
            TextLimits.check(input.getQuery(), parserOptions.getMaxTokens(), limits);
        } catch (DocumentLimits.Refusal refusal) {
            return refused(refusal.error);
        }
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(input.getQuery())
                    .parserOptions(parserOptions).locale(input.getLocale() == null ? Locale.ENGLISH : input.getLocale())
                    .build());
        } catch (ParseCancelledTooManyCharsException e) {
            return refused(QueryLimits.error("REQUEST_TOO_LARGE", parserOptions.getMaxCharacters(), null,
                    "The query is longer than " + parserOptions.getMaxCharacters() + " characters."));
        } catch (ParseCancelledTooDeepException e) {
            return refused(QueryLimits.error("TOO_DEEP", parserOptions.getMaxRuleDepth(), e.getLocation(),
                    "The query nests too deeply to be parsed."));
        } catch (ParseCancelledException e) {
            return refused(QueryLimits.error("TOO_MANY_TOKENS", parserOptions.getMaxTokens(), e.getLocation(),
                    "The query has more than " + parserOptions.getMaxTokens() + " tokens."));
        } catch (InvalidSyntaxException e) {
            return CompletableFuture.completedFuture(new PreparsedDocumentEntry(e.toInvalidSyntaxError()));
        }
        Optional<CompletableFuture<PreparsedDocumentEntry>> refusal = measured(document, input);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        PreparsedDocumentEntry validated = parseAndValidate.apply(input);
        if (!validated.hasErrors() && input.getQuery().length() <= KEPT_LENGTH) {
            if (accepted.size() >= KEPT) {
                accepted.clear();
            }
            accepted.put(input.getQuery(), new Accepted(validated.getDocument(), validated));
        }
        return CompletableFuture.completedFuture(validated);
    }

    /** The document's depth, fields and cost with this request's variables: a refusal, or empty when within limits. */
    private Optional<CompletableFuture<PreparsedDocumentEntry>> measured(Document document, ExecutionInput input) {
        DocumentLimits.Measure measure;
        try {
            measure = DocumentLimits.measure(document, schema(), input.getVariables(), limits);
        } catch (DocumentLimits.Refusal refusal) {
            return Optional.of(refused(refusal.error));
        }
        costs.record(measure.cost());
        if (log.isDebugEnabled()) {
            log.debug("GraphQL request within limits: depth {}, fields {}, cost {}, aliases {}, directives {}",
                    measure.depth(), measure.fields(), measure.cost(), measure.aliases(), measure.directives());
        }
        return Optional.empty();
    }

    private CompletableFuture<PreparsedDocumentEntry> refused(GraphQLError error) {
        Object code = error.getExtensions() == null ? "unknown" : error.getExtensions().get("code");
        Counter.builder("samverkan.graphql.refused").description("GraphQL requests refused by a query limit")
                .tag("code", String.valueOf(code)).register(meters).increment();
        log.debug("GraphQL request refused: {}", error.getMessage());
        return CompletableFuture.completedFuture(new PreparsedDocumentEntry(error));
    }

    private GraphQLSchema schema() {
        GraphQLSchema result = knownSchema;
        if (result == null) {
            result = schema.get();
            knownSchema = result;
        }
        return result;
    }
}
