package se.samverkan.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.introspection.IntrospectionQuery;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** The limits read off the text: tokens counted exactly as graphql-java's parser counts them, aliases and the rest. */
class TextLimitsTest {

    static final DocumentLimits.Limits DEFAULTS = DocumentLimitsTest.DEFAULTS;

    static final List<String> DOCUMENTS = List.of(
            IntrospectionQuery.INTROSPECTION_QUERY,
            """
            query($first: Int = 5, $asOf: Date) { y2019: parties(county: "blekinge", asOf: $asOf, first: $first) {
              totalCount edges { node { name kind predecessors { name validity { to } } } } } }""",
            """
            # a comment: with { braces } and "quotes"
            mutation Draft($body: ID!) { scheduleMeeting(input: { body: $body, at: "2027-01-28T09:00:00+01:00",
                location: "Rådhuset, sal 2: \\"Blå\\"" , tags: [1, -2.5e3, 3] }) { meeting { id } errors { code } } }""",
            "{ a: __typename, b: __typename ...F ... on Query { c: __typename } } fragment F on Query { __typename @skip(if: false) }",
            "query { minutes(text: \"\"\"a block: \\\"\"\" string with { and } \"\"\") { id } }",
            "subscription S { minutesPublished(counties: [\"blekinge\"]) { cursor } }");

    private static int parserTokens(String document) {
        AtomicInteger tokens = new AtomicInteger();
        new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(document)
                .parserOptions(ParserOptions.newParserOptions().maxTokens(100_000).parsingListener(t -> tokens.incrementAndGet()).build())
                .build());
        return tokens.get();
    }

    @ParameterizedTest
    @FieldSource("DOCUMENTS")
    void tokensAreCountedAsTheParserCountsThem(String document) {
        int tokens = parserTokens(document);
        assertThatCode(() -> TextLimits.check(document, tokens, DEFAULTS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TextLimits.check(document, tokens - 1, DEFAULTS))
                .isInstanceOf(DocumentLimits.Refusal.class).hasMessage("The query has more than " + (tokens - 1) + " tokens.");
    }

    @Test
    void aColonInArgumentsVariablesOrStringsIsNoAlias() {
        String fifteen = "query($a: Int) { " + "x: body(id: \"a:b\", input: { k: 1 }) @include(if: true) { name } ".repeat(15) + "}";
        assertThatCode(() -> TextLimits.check(fifteen, 1000, DEFAULTS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TextLimits.check(fifteen + " { y: __typename }", 1000, DEFAULTS))
                .hasMessage("The query uses more than 15 aliases.");
    }

    @Test
    void operationsAndFragmentsAreCountedByTheirFirstToken() {
        String ten = "{ a } query B { b } mutation C { c } subscription D { d } " + "query Q { q } ".repeat(6)
                + "fragment query on Query { x } fragment mutation on Query { y }";
        assertThatCode(() -> TextLimits.check(ten, 1000, DEFAULTS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TextLimits.check(ten + " { e }", 1000, DEFAULTS))
                .hasMessage("The document holds more than 10 operations.");
    }

    @Test
    void aTokenFloodIsRefusedWhereItPassesTheLimitWithItsLocation() {
        String flood = "{\n" + "__typename\n".repeat(5000) + "}";
        assertThatThrownBy(() -> TextLimits.check(flood, 1000, DEFAULTS))
                .isInstanceOfSatisfying(DocumentLimits.Refusal.class, refusal -> {
                    assertThat(refusal.error.getLocations().getFirst().getLine()).isEqualTo(1001);
                    assertThat(refusal.error.getExtensions()).containsEntry("code", "TOO_MANY_TOKENS").containsEntry("limit", 1000);
                });
    }
}
