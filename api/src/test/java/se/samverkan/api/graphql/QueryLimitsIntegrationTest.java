package se.samverkan.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import se.samverkan.api.support.IntegrationTest;

/**
 * One attack per limit, over HTTP against the running service: each is refused before execution with a typed error
 * ({@code extensions.classification = BAD_REQUEST}, a {@code code}, the {@code limit}) and HTTP 400 for a client
 * asking for {@code application/graphql-response+json}; the README's queries still pass. Nothing internal leaks.
 */
class QueryLimitsIntegrationTest extends IntegrationTest {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    @Autowired
    MeterRegistry meters;

    // --- what a client sends --------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec post(String query, MediaType accept) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
                .bodyValue(Map.of("query", query)).exchange();
    }

    /** The response body after asserting the refusal: HTTP 400, no data, one error with this code. */
    private String refused(String query, String code) {
        String body = post(query, GRAPHQL_RESPONSE).expectStatus().isBadRequest().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(body).isNotNull();
        assertThat(JsonPath.<Map<String, Object>>read(body, "$")).doesNotContainKey("data");
        assertThat(JsonPath.<List<Object>>read(body, "$.errors")).hasSize(1);
        assertThat(JsonPath.<String>read(body, "$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(JsonPath.<String>read(body, "$.errors[0].extensions.code")).isEqualTo(code);
        assertNothingInternal(body);
        return body;
    }

    static void assertNothingInternal(String body) {
        assertThat(body).doesNotContain("Exception", "org.", "java.", "graphql.", "se.samverkan", "SQL", "sql",
                "postgres", "Postgres", "\tat ", "Caused by");
    }

    private static String times(int n, java.util.function.IntFunction<String> part) {
        return IntStream.range(0, n).mapToObj(part).collect(Collectors.joining(" "));
    }

    // --- normal queries -------------------------------------------------------------------------------------------

    @Test
    void theReadmesQueriesPassTheLimits() {
        graphQl.document("""
                {
                  y2018: parties(county: "blekinge", asOf: "2018-06-01") { totalCount }
                  y2019: parties(county: "blekinge", asOf: "2019-01-01") {
                    totalCount
                    edges { node { name kind predecessors { name validity { to } } } }
                  }
                }""").execute().path("y2019.totalCount").entity(Integer.class).isEqualTo(6);
        graphQl.document("""
                {
                  body(county: "blekinge", shortName: "LSVO") {
                    id name bindsParties
                    rulebook {
                      version decidedOn nextRevisionDue pastRevision
                      meetingMinimum { perYear rule }
                      notice { sentBy lead { amount unit } rule }
                      submissions { deadlines { matterType lead { amount unit } rule } }
                      quorum { category kind rule }
                      minutes { signatories { kind side count act } rule }
                      distribution { recipients { kind target side } rule }
                    }
                  }
                }""").execute().path("body.rulebook.version").entity(String.class).isEqualTo("1.0");
        graphQl.document("""
                {
                  county(code: "blekinge") {
                    bodies(first: 50) {
                      totalCount
                      edges { node {
                        shortName name kind level
                        seats(first: 5) { totalCount edges { node { title role decisionMandate party { name } holder { name } } } }
                        relations { kind from { shortName } to { shortName } rule }
                      } }
                    }
                    agreements { name caseNumber amendmentRule parties(asOf: "2018-06-01") { name } }
                  }
                }""").execute().path("county.bodies.edges").entityList(Object.class).hasSizeGreaterThan(10);
    }

    @Test
    void aQueryJustWithinEachLimitPasses() {
        String fifteenLevels = "{ party(code: \"karlskrona\") { " + "successor { ".repeat(13) + "name" + " }".repeat(14) + " }";
        post(fifteenLevels, GRAPHQL_RESPONSE).expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
        String fifteenAliases = "{ " + times(15, i -> "a" + i + ": __typename") + " }";
        post(fifteenAliases, GRAPHQL_RESPONSE).expectStatus().isOk().expectBody().jsonPath("$.data.a14").isEqualTo("Query");
    }

    @Test
    void introspectionIsAnsweredInDev() {
        post("{ __schema { queryType { name } } }", GRAPHQL_RESPONSE).expectStatus().isOk()
                .expectBody().jsonPath("$.data.__schema.queryType.name").isEqualTo("Query");
    }

    // --- one attack per limit -------------------------------------------------------------------------------------

    @Test
    void aQueryNestedSixteenLevelsDeepIsRefused() {
        String body = refused("{ party(code: \"karlskrona\") { " + "successor { ".repeat(14) + "name" + " }".repeat(15) + " }",
                "TOO_DEEP");
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].extensions.limit")).isEqualTo(15);
        assertThat(JsonPath.<String>read(body, "$.errors[0].message"))
                .isEqualTo("The query nests fields more than 15 levels deep.");
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].locations[0].line")).isEqualTo(1);
    }

    @Test
    void aThousandAliasesOfACheapFieldAreRefusedAtTheSixteenthBeforeParsing() {
        String query = "{ " + times(1000, i -> "a" + i + ": __typename") + " }";
        String body = refused(query, "TOO_MANY_ALIASES");
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].extensions.limit")).isEqualTo(15);
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].locations[0].column")).isEqualTo(query.indexOf("a15:") + 4);
    }

    @Test
    void sixteenAliasesAreRefused() {
        String body = refused("{ " + times(16, i -> "a" + i + ": __typename") + " }", "TOO_MANY_ALIASES");
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].extensions.limit")).isEqualTo(15);
    }

    @Test
    void aTokenFloodIsRefusedWhileParsing() {
        refused("{ " + "__typename ".repeat(5000) + "}", "TOO_MANY_TOKENS");
    }

    @Test
    void nestedPagesOfFiveHundredAreRefusedForTheirCost() {
        String body = refused("""
                { county(code: "blekinge") { bodies(first: 500) { edges { node {
                    seats(first: 500) { edges { node { title holder { name } } } } } } } } }""", "TOO_COSTLY");
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].extensions.limit")).isEqualTo(250_000);
    }

    @Test
    void aPageSizeFromAVariableCountsToo() {
        String query = """
                query($n: Int) { county(code: "blekinge") { bodies(first: $n) { edges { node {
                    seats(first: $n) { edges { node { title holder { name } } } } } } } } }""";
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", query, "variables", Map.of("n", 500))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_COSTLY");
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", query, "variables", Map.of("n", 5))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
    }

    @Test
    void aKeptDocumentIsMeasuredAgainWithEachRequestsVariables() {
        // accepted first, so kept parsed and validated (LimitedDocuments); the same text then asks for too much
        String query = """
                query($m: Int) { county(code: "norrbotten") { bodies(first: $m) { edges { node {
                    seats(first: $m) { edges { node { title } } } } } } } }""";
        for (int n : new int[] {5, 5}) {
            http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                    .bodyValue(Map.of("query", query, "variables", Map.of("m", n))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
        }
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", query, "variables", Map.of("m", 500))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_COSTLY");
    }

    @Test
    void circularFragmentsAreRefusedNamingTheCycle() {
        String body = refused("""
                { body(county: "blekinge", shortName: "LSVO") { ...Outgoing } }
                fragment Outgoing on Body { relations { to { ...Incoming } } }
                fragment Incoming on Body { relations { from { ...Outgoing } } }""", "FRAGMENT_CYCLE");
        assertThat(JsonPath.<String>read(body, "$.errors[0].message"))
                .isEqualTo("Fragment 'Outgoing' spreads itself (Outgoing → Incoming → Outgoing).");
    }

    @Test
    void fragmentsThatMultiplyIntoThousandsOfFieldsAreRefused() {
        String spreads = "...Ten ".repeat(10);
        refused("""
                { ...Thousand }
                fragment One on Query { counties { code } }
                fragment Ten on Query { %s }
                fragment Hundred on Query { %s }
                fragment Thousand on Query { %s }""".formatted("...One ".repeat(10), spreads,
                "...Hundred ".repeat(10)), "TOO_MANY_FIELDS");
    }

    @Test
    void fiftyOneDirectivesAreRefused() {
        refused("{ " + "__typename @skip(if: false) ".repeat(51) + "}", "TOO_MANY_DIRECTIVES");
    }

    @Test
    void elevenOperationsInOneDocumentAreRefused() {
        refused(times(11, i -> "query q" + i + " { __typename }"), "TOO_MANY_OPERATIONS");
    }

    @Test
    void fiftyOneFragmentsAreRefused() {
        refused("{ ...f0 } " + times(51, i -> "fragment f" + i + " on Query { __typename }"), "TOO_MANY_FRAGMENTS");
    }

    @Test
    void aLegacyJsonClientGetsTheSameRefusalWithHttp200() {
        post("{ " + times(16, i -> "a" + i + ": __typename") + " }", MediaType.APPLICATION_JSON)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_MANY_ALIASES");
    }

    @Test
    void aRefusalLeavesNoRequestObservationOpen() {
        refused("{ " + times(16, i -> "a" + i + ": __typename") + " }", "TOO_MANY_ALIASES");
        refused("{ " + "__typename ".repeat(5000) + "}", "TOO_MANY_TOKENS");
        LongTaskTimer active = meters.find("graphql.request.active").longTaskTimer();
        assertThat(active == null ? 0 : active.activeTasks()).isZero();
        assertThat(meters.find("samverkan.graphql.refused").tag("code", "TOO_MANY_ALIASES").counter()).isNotNull();
    }

    @Test
    void overGraphqlWsTheSameLimitsHold() {
        var socket = socket(port, Map.of());
        socket.document("{ " + times(16, i -> "a" + i + ": __typename") + " }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "TOO_MANY_ALIASES")));
        socket.document("subscription { minutesPublished(counties: [\"blekinge\"]) { minutes { meeting { body { "
                        + "ownerParty { " + "successor { ".repeat(12) + "name" + " }".repeat(13) + " } } } } }")
                .executeSubscription().toFlux().blockFirst(java.time.Duration.ofSeconds(10))
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "TOO_DEEP")));
    }

    @Test
    void aSubscriptionsArgumentsMeetTheInputLimitsToo() {
        String counties = times(201, i -> "\"blekinge\"");
        socket(port, Map.of()).document("subscription { minutesPublished(counties: [" + counties + "]) { cursor } }")
                .executeSubscription().toFlux().blockFirst(java.time.Duration.ofSeconds(10))
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "BAD_INPUT").containsEntry("field", "counties");
                    assertThat(e.getMessage()).contains("at most 200 elements, not 201");
                }));
    }

    // --- the HTTP request itself ----------------------------------------------------------------------------------

    @Test
    void aBatchOfOperationsInAJsonArrayIsRefusedWith400() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue("[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]").exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> {
                    assertThat(body).doesNotContain("\"data\"");
                    assertNothingInternal(body);
                });
    }

    @Test
    void aBodyOverHalfAMegabyteIsRefusedWith413BeforeItIsRead() {
        String big = "{ __typename } #" + "x".repeat(600 * 1024);
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", big)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("REQUEST_TOO_LARGE")
                .jsonPath("$.errors[0].extensions.limit").isEqualTo(512 * 1024);
    }

    @Test
    void aChunkedBodyOverHalfAMegabyteIsRefusedWith413() {
        byte[] chunk = ("{\"query\":\"{ __typename } #" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> body = Flux.range(0, 10).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .body(body, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody(String.class).value(QueryLimitsIntegrationTest::assertNothingInternal);
    }

    @Test
    void aBodyUnderTheLimitButOverSpringsDefault256KbIsRead() {
        String query = "{ __typename } #" + "x".repeat(300 * 1024);
        post(query, GRAPHQL_RESPONSE).expectStatus().isOk().expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
    }

    // --- errors say nothing internal ------------------------------------------------------------------------------

    @Test
    void aNulCharacterInAnArgumentIsBadInputNamingTheArgument() {
        String body = post("{ party(code: \"a\\u0000b\") { name } }", GRAPHQL_RESPONSE)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        assertThat(JsonPath.<String>read(body, "$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(JsonPath.<String>read(body, "$.errors[0].extensions.code")).isEqualTo("BAD_INPUT");
        assertThat(JsonPath.<String>read(body, "$.errors[0].extensions.field")).isEqualTo("code");
        assertThat(JsonPath.<String>read(body, "$.errors[0].message")).isEqualTo("'code': control character U+0000 at position 1: not text");
        assertNothingInternal(body);
    }

    /**
     * A failure the service does not expect: a NUL character that PostgreSQL refuses, in the token subject of a
     * trusted issuer (arguments cannot carry one any more), reaching the database when the mutation's transaction
     * records who writes.
     */
    @Test
    void anUnexpectedFailureGivesAnOpaqueInternalErrorWithAnId() {
        java.time.Instant now = java.time.Instant.now();
        String token = devIssuer.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(devIssuer.issuer())
                .subject("a\u0000b").audience("samverkan-api").issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(300))).claim("organisation", "karlskrona")
                .claim("realm_access", Map.of("roles", List.of("integration"))).build());
        String body = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "mutation { registerWebhook(input: { url: \"https://example.org/hook\" }) "
                        + "{ secret errors { code } } }"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        assertThat(JsonPath.<String>read(body, "$.errors[0].extensions.classification")).isEqualTo("INTERNAL_ERROR");
        // the id is the request's, the same the log line of the failure carries ("Unresolved … for executionId …")
        assertThat(JsonPath.<String>read(body, "$.errors[0].message")).matches("INTERNAL_ERROR for [0-9a-f]+-[0-9]+");
        assertThat(JsonPath.<Object>read(body, "$.data")).isNull();
        assertNothingInternal(body);
        assertThat(body).doesNotContain("UTF8", "0x00", "grammar", "invalid byte");
    }

    @Test
    void aYearOutOfRangeIsABadRequestNotAnInternalError() {
        post("{ body(county: \"blekinge\", shortName: \"LSVO\") { meetings(year: 999999999) { totalCount } } }",
                GRAPHQL_RESPONSE).expectStatus().isOk().expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message").isEqualTo("'year' must be between 1900 and 2200, not 999999999");
    }

    @Test
    void syntaxAndValidationErrorsAreTypedAndSayNothingInternal() {
        String syntax = post("{ body(county: \"blekinge\" { name } }", GRAPHQL_RESPONSE).expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(syntax, "$.errors[0].extensions.classification")).isEqualTo("InvalidSyntax");
        assertNothingInternal(syntax);
        String unknown = post("{ body(county: \"blekinge\", shortName: \"LSVO\") { nmae } }", GRAPHQL_RESPONSE)
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(unknown, "$.errors[0].extensions.classification")).isEqualTo("ValidationError");
        // graphql-java suggests no field names ("Did you mean 'name'?"), so an unknown field reveals no others
        assertThat(unknown).contains("Field 'nmae' in type 'Body' is undefined").doesNotContain("Did you mean", "'name'");
        assertNothingInternal(unknown);
    }
}
