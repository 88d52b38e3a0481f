package se.samverkan.api.graphql;

import graphql.GraphQLContext;
import graphql.TrivialDataFetcher;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import se.samverkan.api.config.ClockConfig;

/** The {@code Date} scalar and the global {@code id} of every {@code Node} type. */
@Configuration
class GraphQlWiring {

    @Bean
    RuntimeWiringConfigurer samverkanWiring() {
        return wiring -> {
            wiring.scalar(DATE);
            wiring.scalar(DATE_TIME);
            for (String type : GlobalId.NODE_TYPES) {
                wiring.type(TypeRuntimeWiring.newTypeWiring(type).dataFetcher("id", GLOBAL_ID));
            }
        };
    }

    /**
     * Trivial (computed from its object alone, as a property is): neither Spring's context propagation nor the request
     * observation wraps it (a context snapshot and a CompletableFuture each), and a portal page has some 140 ids.
     */
    private static final TrivialDataFetcher<String> GLOBAL_ID = env -> GlobalId.of(env.getSource());

    /** The argument limits of every field ({@link InputLimits}), put around the fields' data fetchers once. */
    @Bean
    GraphQlSourceBuilderCustomizer inputLimits() {
        return builder -> builder.typeVisitors(List.of(new InputLimits()));
    }

    /**
     * Every schema field has a data fetcher and every controller mapping a schema field, or the service does not
     * start: a field that silently answers null is a bug that must not ship.
     */
    @Bean
    GraphQlSourceBuilderCustomizer strictSchemaMapping() {
        return builder -> builder.inspectSchemaMappings(report -> {
            if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
                    || !report.unmappedArguments().isEmpty() || !report.fieldNullnessErrors().isEmpty()) {
                throw new IllegalStateException("The GraphQL schema and its mappings disagree: " + report);
            }
        });
    }

    static final GraphQLScalarType DATE = isoScalar("Date", "A calendar date as ISO-8601 YYYY-MM-DD.", LocalDate.class,
            LocalDate::toString, text -> inRange(LocalDate.parse(text), LocalDate.parse(text).getYear()),
            "a date such as \"2024-02-16\"");

    static final GraphQLScalarType DATE_TIME = isoScalar("DateTime", "A point in time as ISO-8601 with offset.",
            Instant.class, instant -> instant.atZone(ClockConfig.STOCKHOLM).toOffsetDateTime().toString(),
            text -> inRange(OffsetDateTime.parse(text).toInstant(), OffsetDateTime.parse(text).getYear()),
            "a point in time with offset such as \"2027-01-28T09:00:00+01:00\"");

    /** The years a date or point in time given as input may fall in; PostgreSQL and the rules need no others. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;

    private static <T> T inRange(T value, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new OutOfRange();
        }
        return value;
    }

    /** A well-formed date or point in time outside {@link #MIN_YEAR} to {@link #MAX_YEAR}. */
    private static final class OutOfRange extends java.time.DateTimeException {
        OutOfRange() {
            super("out of range");
        }
    }

    /** A scalar written as an ISO-8601 string; a value that does not parse is refused with an example of one that does. */
    private static <T> GraphQLScalarType isoScalar(String name, String description, Class<T> type,
            Function<T, String> format, Function<String, T> parse, String example) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return format.apply(type.cast(value));
                }
                throw new CoercingSerializeException("not a " + name + ": " + value.getClass().getSimpleName());
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String text) {
                    return parsed(text, CoercingParseValueException::new);
                }
                throw new CoercingParseValueException("a " + name + " is a string: " + example);
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    return parsed(text.getValue(), CoercingParseLiteralException::new);
                }
                throw new CoercingParseLiteralException("a " + name + " is a string: " + example);
            }

            private <E extends RuntimeException> T parsed(String text, Function<String, E> error) {
                String shown = text.length() <= 40 ? text : text.substring(0, 40) + "…";
                try {
                    return parse.apply(text);
                } catch (OutOfRange e) {
                    throw error.apply("'" + shown + "' is not between the years " + MIN_YEAR + " and " + MAX_YEAR);
                } catch (DateTimeParseException e) {
                    throw error.apply("'" + shown + "' is not " + example);
                }
            }
        }).build();
    }
}
