package se.samverkan.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** How a document is measured against the schema: the cost rules, on the real SDL, without a server. */
class DocumentLimitsTest {

    static final GraphQLSchema SCHEMA = schema();

    static final DocumentLimits.Limits DEFAULTS = new QueryLimits.Properties(null, null, null, null, null, null, null,
            null, null, null, null).limits();

    private static GraphQLSchema schema() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try {
            for (Resource sdl : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
                registry.merge(new SchemaParser().parse(new InputStreamReader(sdl.getInputStream(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    private static DocumentLimits.Measure measure(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        return DocumentLimits.measure(document, SCHEMA, variables, DEFAULTS);
    }

    @Test
    void aConnectionsPageCountsAsItsFirst() {
        // bodies, edges: once; node and name: once per body of the page
        assertThat(measure("{ bodies(county: \"blekinge\", first: 50) { edges { node { name } } } }", Map.of()).cost())
                .isEqualTo(1 + 1 + 50 + 50);
        assertThat(measure("{ bodies(county: \"blekinge\", first: 50) { totalCount } }", Map.of()).cost()).isEqualTo(2);
    }

    @Test
    void aPageWithoutFirstCountsAsTheSchemasDefault() {
        // Body.seats(first: Int = 100)
        assertThat(measure("{ body(id: \"x\") { seats { edges { node { title } } } } }", Map.of()).cost())
                .isEqualTo(1 + 1 + 1 + 100 + 100);
    }

    @Test
    void firstFromAVariableOrItsDefaultCounts() {
        String query = "query($n: Int = 7) { bodies(county: \"blekinge\", first: $n) { edges { node { name } } } }";
        assertThat(measure(query, Map.of("n", 3)).cost()).isEqualTo(1 + 1 + 3 + 3);
        assertThat(measure(query, Map.of()).cost()).isEqualTo(1 + 1 + 7 + 7);
    }

    @Test
    void aListWithoutFirstCountsAsTenItems() {
        // Body.relations: [BodyRelation!]!
        assertThat(measure("{ body(id: \"x\") { relations { kind } } }", Map.of()).cost()).isEqualTo(1 + 1 + 10);
    }

    @Test
    void nestedPagesMultiply() {
        assertThat(measure("""
                { bodies(county: "blekinge", first: 10) { edges { node {
                    seats(first: 20) { edges { node { title } } } } } } }""", Map.of()).cost())
                .isEqualTo(1 + 1 + 10 + 10 + 10 + 10 * 20 + 10 * 20);
    }

    @Test
    void fragmentsCountWhereTheyAreSpreadAndDepthIgnoresThem() {
        DocumentLimits.Measure measure = measure("""
                { a: body(id: "x") { ...Names } b: body(id: "y") { ...Names } }
                fragment Names on Body { name shortName county { name } }""", Map.of());
        assertThat(measure.fields()).isEqualTo(2 + 2 * 4);
        assertThat(measure.depth()).isEqualTo(3);
        assertThat(measure.aliases()).isEqualTo(2);
    }

    @Test
    void unknownFieldsAndFragmentsAreLeftToValidation() {
        DocumentLimits.Measure measure = measure("{ nothing { here { ...Missing } } }", Map.of());
        assertThat(measure.fields()).isEqualTo(2);
        assertThat(measure.depth()).isEqualTo(2);
    }

    @Test
    void aFragmentCycleIsRefusedBeforeItIsFollowedTwice() {
        assertThatThrownBy(() -> measure("""
                { body(id: "x") { ...A } }
                fragment A on Body { county { bodies { edges { node { ...A } } } } }""", Map.of()))
                .isInstanceOf(DocumentLimits.Refusal.class).hasMessage("Fragment 'A' spreads itself (A → A).");
    }

    @Test
    void theWalkStopsAtTheFirstFieldOverTheLimit() {
        // ten fragments each spreading the next ten times: 10^10 fields if expanded; refused after 1001 steps
        StringBuilder query = new StringBuilder("{ ...F0 }\n");
        for (int i = 0; i < 10; i++) {
            query.append("fragment F").append(i).append(" on Query { ").append(("...F" + (i + 1) + " ").repeat(10)).append("}\n");
        }
        query.append("fragment F10 on Query { __typename }");
        long started = System.nanoTime();
        assertThatThrownBy(() -> measure(query.toString(), Map.of()))
                .isInstanceOf(DocumentLimits.Refusal.class)
                .satisfies(e -> assertThat(((DocumentLimits.Refusal) e).error.getExtensions()).containsEntry("code", "TOO_MANY_FIELDS"));
        assertThat(System.nanoTime() - started).as("nanoseconds to refuse").isLessThan(1_000_000_000L);
    }
}
