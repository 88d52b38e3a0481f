package se.samverkan.api.graphql;

import graphql.GraphQLContext;
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
import java.util.Locale;
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
                wiring.type(TypeRuntimeWiring.newTypeWiring(type).dataFetcher("id", env -> GlobalId.of(env.getSource())));
            }
        };
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

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date as ISO-8601 YYYY-MM-DD.")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("not a date: " + value.getClass().getSimpleName());
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return parse(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("a Date is a string such as \"2024-02-16\"");
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    if (input instanceof StringValue text) {
                        return parse(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("a Date is a string such as \"2024-02-16\"");
                }
            })
            .build();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("A point in time as ISO-8601 with offset.")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.atZone(ClockConfig.STOCKHOLM).toOffsetDateTime().toString();
                    }
                    throw new CoercingSerializeException("not a point in time: " + value.getClass().getSimpleName());
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return instant(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("a DateTime is a string such as \"2027-01-28T09:00:00+01:00\"");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    if (input instanceof StringValue text) {
                        return instant(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("a DateTime is a string such as \"2027-01-28T09:00:00+01:00\"");
                }
            })
            .build();

    private static <E extends RuntimeException> Instant instant(String text, java.util.function.Function<String, E> error) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error.apply("'" + text + "' is not a point in time with offset such as \"2027-01-28T09:00:00+01:00\"");
        }
    }

    private static <E extends RuntimeException> LocalDate parse(String text, java.util.function.Function<String, E> error) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error.apply("'" + text + "' is not a date such as \"2024-02-16\"");
        }
    }
}
