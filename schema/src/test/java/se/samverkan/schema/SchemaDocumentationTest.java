package se.samverkan.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;
import graphql.parser.MultiSourceReader;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the GraphQL SDL documented: every type, field and enum value the API exposes carries a description. Arguments
 * are not required to have one (the SDL documents them in the description of their field).
 */
class SchemaDocumentationTest {

    private static final String SDL_FOLDER = "graphql";

    private static List<Path> files;
    private static TypeDefinitionRegistry registry;

    @BeforeAll
    static void parseSdl() throws IOException {
        files = sdlFiles();
        MultiSourceReader.Builder sources = MultiSourceReader.newMultiSourceReader().trackData(true);
        for (Path file : files) {
            sources.string(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        }
        try (MultiSourceReader reader = sources.build()) {
            registry = new SchemaParser().parse(reader);
        }
    }

    /** The SDL files from the classpath folder {@code graphql/} (target/classes), or from the sources. */
    private static List<Path> sdlFiles() throws IOException {
        Path folder;
        URL url = SchemaDocumentationTest.class.getClassLoader().getResource(SDL_FOLDER);
        try {
            folder = url != null && "file".equals(url.getProtocol())
                    ? Path.of(url.toURI()) : Path.of("src/main/resources", SDL_FOLDER);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".graphqls")).sorted().toList();
        }
    }

    @Test
    void everySdlFileIsRead() {
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("common.graphqls", "identity.graphqls", "rulebook.graphqls", "structure.graphqls");
        assertThat(registry.objectTypeExtensions()).containsKey("Query");
    }

    @Test
    void everyTypeFieldAndEnumValueHasADescription() {
        List<String> missing = new ArrayList<>();

        for (TypeDefinition<?> type : registry.types().values()) {
            requireDescription(missing, type, kindOf(type) + " " + type.getName(), descriptionOf(type));
            members(missing, type);
        }
        registry.scalars().values().stream()
                .filter(s -> !ScalarInfo.isGraphqlSpecifiedScalar(s.getName()))
                .forEach(s -> requireDescription(missing, s, "scalar " + s.getName(), s.getDescription()));
        // An extension (`extend type Query`) has no description of its own, but its fields must have one.
        List<TypeDefinition<?>> extensions = new ArrayList<>();
        registry.objectTypeExtensions().values().forEach(extensions::addAll);
        registry.interfaceTypeExtensions().values().forEach(extensions::addAll);
        registry.enumTypeExtensions().values().forEach(extensions::addAll);
        registry.inputObjectTypeExtensions().values().forEach(extensions::addAll);
        extensions.forEach(ext -> members(missing, ext));
        for (DirectiveDefinition directive : registry.getDirectiveDefinitions().values()) {
            if (directive.getSourceLocation() != null && directive.getSourceLocation().getSourceName() != null) {
                requireDescription(missing, directive, "directive @" + directive.getName(), directive.getDescription());
            }
        }

        assertThat(missing)
                .as("SDL elements without a description (arguments are exempt):%n  %s", String.join("\n  ", missing))
                .isEmpty();
    }

    @Test
    void theSdlBuildsIntoAnExecutableSchemaWithTheDateScalarWired() {
        GraphQLScalarType date = GraphQLScalarType.newScalar()
                .name("Date")
                .coercing(new IsoDateText())
                .build();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(date)
                .wiringFactory(new MockedWiringFactory() {
                    // The mocked factory claims every custom scalar, and a wiring factory wins over .scalar(...):
                    // leave Date to the explicit wiring so that the schema really uses it.
                    @Override
                    public boolean providesScalar(ScalarWiringEnvironment environment) {
                        return !date.getName().equals(environment.getScalarTypeDefinition().getName())
                                && super.providesScalar(environment);
                    }
                })
                .build();

        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, wiring);

        assertThat(schema.getQueryType().getFieldDefinitions()).extracting(GraphQLFieldDefinition::getName)
                .contains("node", "me", "counties", "county", "parties", "party", "bodies", "body");
        assertThat(schema.getType("Date")).isInstanceOfSatisfying(GraphQLScalarType.class,
                wired -> assertThat(wired.getCoercing()).isSameAs(date.getCoercing()));
        // The wired coercing decides which literals are Dates: a string passes validation, a number does not.
        GraphQL graphQl = GraphQL.newGraphQL(schema).build();
        assertThat(graphQl.execute("{ parties(county: \"blekinge\", asOf: \"2019-01-01\") { totalCount } }").getErrors())
                .extracting(GraphQLError::getErrorType)
                .doesNotContain(ErrorType.ValidationError);
        assertThat(graphQl.execute("{ parties(county: \"blekinge\", asOf: 20190101) { totalCount } }").getErrors())
                .extracting(GraphQLError::getErrorType)
                .containsExactly(ErrorType.ValidationError);
        assertThat(schema.getObjectType("Rulebook").getInterfaces()).extracting(i -> ((GraphQLNamedType) i).getName())
                .containsExactly("Node");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static void members(List<String> missing, TypeDefinition<?> type) {
        String owner = type.getName();
        List<FieldDefinition> fields = switch (type) {
            case ObjectTypeDefinition o -> o.getFieldDefinitions();
            case InterfaceTypeDefinition i -> i.getFieldDefinitions();
            default -> List.of();
        };
        for (FieldDefinition field : fields) {
            requireDescription(missing, field, "field " + owner + "." + field.getName(), field.getDescription());
        }
        if (type instanceof InputObjectTypeDefinition input) {
            for (InputValueDefinition field : input.getInputValueDefinitions()) {
                requireDescription(missing, field, "input field " + owner + "." + field.getName(), field.getDescription());
            }
        }
        if (type instanceof EnumTypeDefinition enumType) {
            for (EnumValueDefinition value : enumType.getEnumValueDefinitions()) {
                requireDescription(missing, value, "enum value " + owner + "." + value.getName(), value.getDescription());
            }
        }
    }

    private static Description descriptionOf(TypeDefinition<?> type) {
        return type instanceof DescribedNode<?> described ? described.getDescription() : null;
    }

    private static String kindOf(TypeDefinition<?> type) {
        return switch (type) {
            case ObjectTypeDefinition o -> "type";
            case InterfaceTypeDefinition i -> "interface";
            case EnumTypeDefinition e -> "enum";
            case InputObjectTypeDefinition i -> "input";
            default -> type.getClass().getSimpleName();
        };
    }

    private static void requireDescription(List<String> missing, Node<?> node, String what, Description description) {
        if (description == null || description.getContent() == null || description.getContent().isBlank()) {
            missing.add(where(node) + ": " + what);
        }
    }

    private static String where(Node<?> node) {
        SourceLocation at = node.getSourceLocation();
        return at == null ? "?" : at.getSourceName() + ":" + at.getLine();
    }

    /** A trivial Date coercing: the ISO text passes through unchanged. */
    private static final class IsoDateText implements Coercing<String, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return value.toString();
        }

        @Override
        public String parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
            return input.toString();
        }

        @Override
        public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            if (input instanceof StringValue text) {
                return text.getValue();
            }
            throw new CoercingParseLiteralException("a Date is written as a string such as \"2024-02-16\"");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(input.toString());
        }
    }
}
