package se.samverkan.api.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverkan.api.support.IntegrationTest;

/** Both counties' structure, read over GraphQL/HTTP from a real PostgreSQL, as the acceptance states it. */
class StructureIntegrationTest extends IntegrationTest {

    @Test
    void AGR_02_blekingeHasSevenPartiesIn2018AndSixFrom2019() {
        graphQl.document("""
                { y2018: parties(county: "blekinge", asOf: "2018-06-01") { totalCount }
                  y2019: parties(county: "blekinge", asOf: "2019-01-01") { totalCount } }""")
                .execute()
                .path("y2018.totalCount").entity(Integer.class).isEqualTo(7)
                .path("y2019.totalCount").entity(Integer.class).isEqualTo(6);
    }

    @Test
    void AGR_02_newRegionBlekingeListsBothPredecessors() {
        graphQl.document("""
                { party(code: "region-blekinge") { name validity { from } predecessors { code successor { code } validity { to } } } }""")
                .execute()
                .path("party.validity.from").entity(String.class).isEqualTo("2019-01-01")
                .path("party.predecessors[*].code").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder("landstinget-blekinge", "region-blekinge-kf"))
                .path("party.predecessors[*].successor.code").entityList(String.class)
                .containsExactly("region-blekinge", "region-blekinge")
                .path("party.predecessors[*].validity.to").entityList(String.class)
                .containsExactly("2018-12-31", "2018-12-31");
    }

    @Test
    void AGR_02_agreementPartiesAreDerivedFromValidityAndSuccessors() {
        graphQl.document("""
                { county(code: "blekinge") { agreements { caseNumber amendmentRule evaluationDue
                    y2018: parties(asOf: "2018-06-01") { code } y2019: parties(asOf: "2019-06-01") { code } } } }""")
                .execute()
                .path("county.agreements[0].caseNumber").entity(String.class).isEqualTo("2017/01290")
                .path("county.agreements[0].amendmentRule").entity(String.class).isEqualTo("UNANIMOUS")
                .path("county.agreements[0].evaluationDue").valueIsNull()
                .path("county.agreements[0].y2018").entityList(Object.class).hasSize(7)
                .path("county.agreements[0].y2019[*].code").entityList(String.class).hasSize(6).contains("region-blekinge")
                .doesNotContain("landstinget-blekinge", "region-blekinge-kf");
    }

    @Test
    void NB_07_norrbottenAgreementIsDueForEvaluationTwoYearsAfterItStarts() {
        graphQl.document("""
                { county(code: "norrbotten") { agreements { inForceFrom validityYears evaluationDue } } }""")
                .execute()
                .path("county.agreements[0].validityYears").entity(Integer.class).isEqualTo(2)
                .path("county.agreements[0]").entity(Map.class).satisfies(a -> assertThat(a.get("evaluationDue"))
                        .isEqualTo(java.time.LocalDate.parse((String) a.get("inForceFrom")).plusYears(2).toString()));
    }

    @Test
    void LSVO_29_lsvoRulebookIsVersion1DecidedAndDueForRevision() {
        String id = graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { id } }")
                .execute().path("body.id").entity(String.class).get();
        graphQl.document("query($id: ID) { body(id: $id) { shortName rulebook { version decidedOn nextRevisionDue } } }")
                .variable("id", id)
                .execute()
                .path("body.shortName").entity(String.class).isEqualTo("LSVO")
                .path("body.rulebook.version").entity(String.class).isEqualTo("1.0")
                .path("body.rulebook.decidedOn").entity(String.class).isEqualTo("2024-02-16")
                .path("body.rulebook.nextRevisionDue").entity(String.class).isEqualTo("2026-12-31");
    }

    @Test
    void LSVO_08_and_PSVO_06_noticeLeadTimesAreRulebookData() {
        graphQl.document("""
                { lsvo: body(county: "blekinge", shortName: "LSVO") { rulebook { notice { sentBy lead { amount unit } rule }
                      submissions { deadlines { matterType lead { amount unit } rule } }
                      quorum { category kind rule } } }
                  psvo: body(county: "blekinge", shortName: "PSVO") { rulebook { notice { sentBy lead { amount unit } rule }
                      agenda { standingItems { kind fromBody rule } } } } }""")
                .execute()
                .path("lsvo.rulebook.notice").entity(Map.class).isEqualTo(Map.of("sentBy", "SECRETARY",
                        "lead", Map.of("amount", 10, "unit", "WEEKDAYS"), "rule", "LSVO-08"))
                .path("lsvo.rulebook.submissions.deadlines[?(@.matterType == 'DECISION')].lead.amount")
                .entityList(Integer.class).containsExactly(21)
                .path("lsvo.rulebook.quorum[*].rule").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder("LSVO-17", "LSVO-18", "LSVO-19"))
                .path("psvo.rulebook.notice").entity(Map.class).isEqualTo(Map.of("sentBy", "CHAIR",
                        "lead", Map.of("amount", 7, "unit", "CALENDAR_DAYS"), "rule", "PSVO-06"))
                .path("psvo.rulebook.agenda.standingItems[*].kind").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder("MINUTES_OF_BODY", "MATTERS_FORWARDED_BY"));
    }

    @Test
    void everyBodyOfBothCountiesIsReachableWithItsRelations() {
        for (String county : List.of("blekinge", "norrbotten")) {
            List<Map<String, Object>> bodies = graphQl.document("""
                    query($county: String!) { county(code: $county) { bodies(first: 500) { totalCount
                        edges { node { shortName relations { kind from { shortName } to { shortName } } } } } } }""")
                    .variable("county", county)
                    .execute()
                    .path("county.bodies.edges[*].node").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                    .get();
            assertThat(bodies).isNotEmpty();
            assertThat(bodies).allSatisfy(b -> assertThat((List<?>) b.get("relations")).isNotNull());
        }
        graphQl.document("{ b: county(code: \"blekinge\") { bodies { totalCount } } n: county(code: \"norrbotten\") { bodies { totalCount } } }")
                .execute()
                .path("b.bodies.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(15))
                .path("n.bodies.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(6));
        graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") { relations { kind from { shortName } to { shortName } rule } } }""")
                .execute()
                .path("body.relations[?(@.kind == 'PREPARES_FOR' && @.from.shortName == 'LSVO')].to.shortName")
                .entityList(String.class).containsExactly("RCG")
                .path("body.relations[?(@.kind == 'REPORTS_TO' && @.from.shortName == 'LSVO')].to.shortName")
                .entityList(String.class).containsExactly("PSVO");
    }

    @Test
    void LSVO_01_lsvoSeatsAreFourFunctionsPerMunicipalityAndTheRegionsHeads() {
        graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") {
                    members: seats(role: MEMBER, first: 100) { totalCount edges { node { function decisionMandate party { kind } holder { name } } } }
                    coOpted: seats(role: CO_OPTED) { totalCount edges { node { decisionMandate } } } } }""")
                .execute()
                .path("body.members.edges[?(@.node.party.kind == 'MUNICIPALITY')].node.function").entityList(String.class)
                .hasSize(20)
                .path("body.members.edges[*].node.decisionMandate").entityList(Boolean.class).satisfies(l -> assertThat(l).containsOnly(true))
                .path("body.members.edges[*].node.holder.name").entityList(String.class).hasSize(25)
                .path("body.coOpted.totalCount").entity(Integer.class).isEqualTo(3)
                .path("body.coOpted.edges[*].node.decisionMandate").entityList(Boolean.class).satisfies(l -> assertThat(l).containsOnly(false));
    }

    @Test
    void anyNodeIsFoundByItsGlobalIdAndAnUnknownIdGivesNull() {
        String seat = graphQl.document("""
                { body(county: "blekinge", shortName: "PSVO") { seats(role: CHAIR) { edges { node { id title } } } } }""")
                .execute().path("body.seats.edges[0].node.id").entity(String.class).get();
        graphQl.document("query($id: ID!) { node(id: $id) { id ... on Seat { role body { shortName } } } }")
                .variable("id", seat)
                .execute()
                .path("node.id").entity(String.class).isEqualTo(seat)
                .path("node.role").entity(String.class).isEqualTo("CHAIR")
                .path("node.body.shortName").entity(String.class).isEqualTo("PSVO");
        for (String bogus : List.of("not-base64!", "Qm9keTpub3QtYS11dWlk", seat.substring(0, seat.length() - 2))) {
            graphQl.document("query($id: ID!) { node(id: $id) { id } }").variable("id", bogus)
                    .execute().path("node").valueIsNull();
        }
    }

    @Test
    void connectionsPageWithCursors() {
        Map<?, ?> first = graphQl.document("""
                { parties(county: "norrbotten", first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }""")
                .execute().path("parties").entity(Map.class).get();
        assertThat(first.get("totalCount")).isEqualTo(16);
        String after = (String) ((Map<?, ?>) first.get("pageInfo")).get("endCursor");
        graphQl.document("query($after: String) { parties(county: \"norrbotten\", first: 20, after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { code } } } }")
                .variable("after", after)
                .execute()
                .path("parties.edges").entityList(Object.class).hasSize(11)
                .path("parties.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("parties.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void badPagingArgumentsAreRefusedWithAClearError() {
        graphQl.document("{ parties(county: \"blekinge\", first: 100000) { totalCount } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(e -> {
                    assertThat(e.getMessage()).contains("'first' must be between 0 and 500");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                }));
        graphQl.document("{ parties(county: \"blekinge\", after: \"bogus\") { totalCount } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).contains("'after' is not a cursor")));
        graphQl.document("{ parties(county: \"blekinge\", asOf: \"2018-13-01\") { totalCount } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getMessage()).contains("not a date")));
    }

    @Test
    void norrbottenRegionKeepsItsFormerName() {
        graphQl.document("{ party(code: \"region-norrbotten\") { kind side formerNames { name until } } }")
                .execute()
                .path("party.kind").entity(String.class).isEqualTo("REGION")
                .path("party.side").entity(String.class).isEqualTo("REGIONAL")
                .path("party.formerNames[0].name").entity(String.class).isEqualTo("Norrbottens läns landsting");
    }

    @Test
    void aQueryNestedTooDeeplyIsRefusedBeforeItRuns() {
        String deep = "{ body(county: \"blekinge\", shortName: \"LSVO\") { "
                + "relations { from { ".repeat(8) + "shortName" + " } }".repeat(8) + " } }";
        graphQl.document(deep).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(
                        e.getExtensions().get("code")).as("the first limit passed: its nested lists also cost too much")
                        .isIn("TOO_DEEP", "TOO_COSTLY")))
                .path("body").pathDoesNotExist();
    }

    @Test
    void partiesAreListedByNameWithTheSwedishLettersLast() {
        graphQl.document("{ parties(county: \"norrbotten\", first: 50) { edges { node { name } } } }")
                .execute()
                .path("parties.edges[*].node.name").entityList(String.class).satisfies(names -> {
                    assertThat(names.getFirst()).isEqualTo("Arjeplogs kommun");
                    assertThat(names.subList(names.size() - 3, names.size()))
                            .containsExactly("Älvsbyns kommun", "Överkalix kommun", "Övertorneå kommun");
                });
    }
}
