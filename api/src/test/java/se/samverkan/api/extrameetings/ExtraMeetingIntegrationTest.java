package se.samverkan.api.extrameetings;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import se.samverkan.api.support.IntegrationTest;

/**
 * Requests for extra meetings over GraphQL (LSVO-07, PSVO-05, NB-04): who may ask, when the requests make an extra
 * meeting due by the body's rulebook, and the one event that tells the secretary.
 */
class ExtraMeetingIntegrationTest extends IntegrationTest {

    private static final String REQUEST = """
            mutation($body: ID!, $reason: String!) {
              requestExtraMeeting(input: { body: $body, reason: $reason }) {
                request { person { id } asChair reason requestedAt }
                extraMeeting { due reason rule requests threshold currentMembers dueSince openRequests { person { id } } }
                becameDue
                errors { code message rule field }
              } }""";

    private static final String STATUS = """
            query($county: String, $s: String) { body(county: $county, shortName: $s) {
              extraMeeting { due reason rule requests threshold currentMembers dueSince
                             openRequests { person { id name } asChair reason requestedAt } } } }""";

    private static final Set<String> DECIDING_ROLES = Set.of("MEMBER", "CHAIR", "VICE_CHAIR");

    @Autowired
    DatabaseClient db;

    /** The outbox is append-only: each test counts the events written after it started. */
    private long eventsBefore;

    /** The context (and its database) is shared by the tests of the class: each test starts without requests. */
    @BeforeEach
    void noRequestsYet() {
        eventsBefore = Objects.requireNonNull(db.sql("SELECT coalesce(max(id), 0) AS id FROM event")
                .map(r -> r.get("id", Long.class)).one().block());
        db.sql("DELETE FROM extra_meeting_request").fetch().rowsUpdated().block();
        db.sql("DELETE FROM extra_meeting_call").fetch().rowsUpdated().block();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A seat valid today, as the public structure shows it. */
    private record SeatView(String role, boolean decisionMandate, String holder, String holderParty) {
    }

    /** The body as the public sees it today: its id and the seats that have a holder. */
    private record BodyView(String id, List<SeatView> heldSeats) {

        /** The current members the rule counts: seats that decide (member, chair, vice chair) held today. */
        int currentMembers() {
            return (int) heldSeats.stream().filter(s -> DECIDING_ROLES.contains(s.role()) && s.decisionMandate()).count();
        }

        String chair() {
            return heldSeats.stream().filter(s -> s.role().equals("CHAIR")).findFirst().orElseThrow().holder();
        }

        /** Members who do not chair, each once, with their party. */
        List<SeatView> membersNotChairing() {
            String chair = chair();
            Set<String> seen = new LinkedHashSet<>();
            List<SeatView> members = new ArrayList<>();
            for (SeatView s : heldSeats) {
                if (s.role().equals("MEMBER") && s.decisionMandate() && !s.holder().equals(chair) && seen.add(s.holder())) {
                    members.add(s);
                }
            }
            return members;
        }

        SeatView chairSeat() {
            return heldSeats.stream().filter(s -> s.role().equals("CHAIR")).findFirst().orElseThrow();
        }
    }

    @SuppressWarnings("unchecked")
    private BodyView body(String county, String shortName) {
        GraphQlTester.Response response = graphQl.document("""
                query($c: String, $s: String) { body(county: $c, shortName: $s) { id
                  seats(first: 500) { edges { node { role decisionMandate holder { id party { code } } } } } } }""")
                .variable("c", county).variable("s", shortName).execute();
        String id = response.path("body.id").entity(String.class).get();
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) (List<?>) response.path("body.seats.edges[*].node")
                .entityList(Map.class).get();
        List<SeatView> held = nodes.stream().filter(n -> n.get("holder") != null).map(n -> {
            Map<String, Object> holder = (Map<String, Object>) n.get("holder");
            Map<String, Object> party = (Map<String, Object>) holder.get("party");
            return new SeatView((String) n.get("role"), (Boolean) n.get("decisionMandate"), (String) holder.get("id"),
                    party == null ? "region-blekinge" : (String) party.get("code"));
        }).toList();
        return new BodyView(id, held);
    }

    /** A token for a person (by global id), from their party — as Keycloak would issue it. */
    private HttpGraphQlTester as(SeatView seat) {
        String uuid = new String(Base64.getUrlDecoder().decode(seat.holder()), StandardCharsets.UTF_8)
                .substring("Person:".length());
        Instant now = Instant.now();
        return withToken(devIssuer.sign(new JWTClaimsSet.Builder().issuer(devIssuer.issuer()).subject(uuid)
                .audience("samverkan-api").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("organisation", seat.holderParty()).claim("realm_access", Map.of("roles", List.of("member")))
                .build()));
    }

    private GraphQlTester.Response ask(HttpGraphQlTester as, String body, String reason) {
        return as.document(REQUEST).variable("body", body).variable("reason", reason).execute();
    }

    private long dueEvents(String bodyGlobalId) {
        UUID body = UUID.fromString(new String(Base64.getUrlDecoder().decode(bodyGlobalId), StandardCharsets.UTF_8)
                .substring("Body:".length()));
        return Objects.requireNonNull(db.sql("SELECT count(*) AS n FROM event WHERE type = 'ExtraMeetingDue' AND body_id = :body AND id > :since")
                .bind("body", body).bind("since", eventsBefore).map(r -> r.get("n", Long.class)).one().block());
    }

    private Map<String, Object> eventPayload(String bodyGlobalId) {
        UUID body = UUID.fromString(new String(Base64.getUrlDecoder().decode(bodyGlobalId), StandardCharsets.UTF_8)
                .substring("Body:".length()));
        String json = db.sql("SELECT payload::text AS p FROM event WHERE type = 'ExtraMeetingDue' AND body_id = :body AND id > :since")
                .bind("body", body).bind("since", eventsBefore).map(r -> r.get("p", String.class)).one().block();
        return new tools.jackson.databind.json.JsonMapper().readValue(json, Map.class);
    }

    // -------------------------------------------------------------------------------------------------- tests

    @Test
    void LSVO_07_requestsFromOneThirdOfTheCurrentMembersMakeAnExtraMeetingDueOneFewerDoNot() {
        BodyView lsvo = body("blekinge", "LSVO");
        int members = lsvo.currentMembers();
        int threshold = Math.ceilDiv(members, 3);
        List<SeatView> askers = lsvo.membersNotChairing();
        assertThat(members).isGreaterThan(3);
        assertThat(askers).hasSizeGreaterThan(threshold);

        // one request fewer than a third: not due
        for (int i = 0; i < threshold - 1; i++) {
            ask(as(askers.get(i)), lsvo.id(), "Akut läge i äldreomsorgen")
                    .path("requestExtraMeeting.errors").entityList(Object.class).hasSize(0)
                    .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(false)
                    .path("requestExtraMeeting.request.asChair").entity(Boolean.class).isEqualTo(false)
                    .path("requestExtraMeeting.extraMeeting.due").entity(Boolean.class).isEqualTo(false)
                    .path("requestExtraMeeting.extraMeeting.requests").entity(Integer.class).isEqualTo(i + 1);
        }
        // asking again updates the reason and does not count twice
        ask(as(askers.get(0)), lsvo.id(), "Akut läge i äldreomsorgen, se bilaga")
                .path("requestExtraMeeting.request.reason").entity(String.class).isEqualTo("Akut läge i äldreomsorgen, se bilaga")
                .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(false)
                .path("requestExtraMeeting.extraMeeting.due").entity(Boolean.class).isEqualTo(false)
                .path("requestExtraMeeting.extraMeeting.requests").entity(Integer.class).isEqualTo(threshold - 1);
        as("sekreterare.lsvo").document(STATUS).variable("county", "blekinge").variable("s", "LSVO").execute()
                .path("body.extraMeeting.due").entity(Boolean.class).isEqualTo(false)
                .path("body.extraMeeting.rule").entity(String.class).isEqualTo("LSVO-07")
                .path("body.extraMeeting.requests").entity(Integer.class).isEqualTo(threshold - 1)
                .path("body.extraMeeting.threshold").entity(Integer.class).isEqualTo(threshold)
                .path("body.extraMeeting.currentMembers").entity(Integer.class).isEqualTo(members)
                .path("body.extraMeeting.dueSince").valueIsNull()
                .path("body.extraMeeting.openRequests").entityList(Object.class).hasSize(threshold - 1);
        assertThat(dueEvents(lsvo.id())).isZero();

        // the request that reaches one third (rounded up) makes it due, and the secretary is told once
        ask(as(askers.get(threshold - 1)), lsvo.id(), "Instämmer")
                .path("requestExtraMeeting.errors").entityList(Object.class).hasSize(0)
                .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.extraMeeting.due").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.extraMeeting.rule").entity(String.class).isEqualTo("LSVO-07")
                .path("requestExtraMeeting.extraMeeting.requests").entity(Integer.class).isEqualTo(threshold)
                .path("requestExtraMeeting.extraMeeting.dueSince").hasValue();
        assertThat(dueEvents(lsvo.id())).isEqualTo(1);
        Map<String, Object> payload = eventPayload(lsvo.id());
        assertThat(payload).containsEntry("rule", "LSVO-07").containsEntry("shortName", "LSVO")
                .containsEntry("membersAsking", threshold).containsEntry("currentMembers", members)
                .containsEntry("threshold", threshold).containsEntry("chairAsked", false);

        // a further request joins the due extra meeting; no second event
        ask(as(askers.get(threshold)), lsvo.id(), "Jag också")
                .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(false)
                .path("requestExtraMeeting.extraMeeting.due").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.extraMeeting.requests").entity(Integer.class).isEqualTo(threshold + 1);
        assertThat(dueEvents(lsvo.id())).isEqualTo(1);

        // the public sees that it is due, not who asked
        graphQl.document(STATUS).variable("county", "blekinge").variable("s", "LSVO").execute()
                .path("body.extraMeeting.due").entity(Boolean.class).isEqualTo(true)
                .path("body.extraMeeting.openRequests").valueIsNull();
    }

    @Test
    void LSVO_07_oneRequestFromTheChairMakesAnExtraMeetingDue() {
        BodyView lsvo = body("blekinge", "LSVO");
        HttpGraphQlTester chair = as(lsvo.chairSeat());
        ask(chair, lsvo.id(), "Särskild händelse kräver beslut")
                .path("requestExtraMeeting.errors").entityList(Object.class).hasSize(0)
                .path("requestExtraMeeting.request.asChair").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.request.person.id").entity(String.class).isEqualTo(lsvo.chair())
                .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.extraMeeting.due").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.extraMeeting.reason").entity(String.class).isEqualTo("the chair asked")
                .path("requestExtraMeeting.extraMeeting.rule").entity(String.class).isEqualTo("LSVO-07")
                .path("requestExtraMeeting.extraMeeting.requests").entity(Integer.class).isEqualTo(1)
                .path("requestExtraMeeting.extraMeeting.openRequests[0].person.id").entity(String.class).isEqualTo(lsvo.chair());
        // asking again changes nothing: still due, still one event
        ask(chair, lsvo.id(), "Påminnelse")
                .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(false)
                .path("requestExtraMeeting.extraMeeting.requests").entity(Integer.class).isEqualTo(1);
        assertThat(dueEvents(lsvo.id())).isEqualTo(1);
        assertThat(eventPayload(lsvo.id())).containsEntry("chairAsked", true).containsEntry("rule", "LSVO-07");
    }

    @Test
    void PSVO_05_oneThirdOfTheCouncilsMembersMakeAnExtraMeetingDue() {
        BodyView psvo = body("blekinge", "PSVO");
        int threshold = Math.ceilDiv(psvo.currentMembers(), 3);
        List<SeatView> askers = psvo.membersNotChairing();
        for (int i = 0; i < threshold - 1; i++) {
            ask(as(askers.get(i)), psvo.id(), "Budgetläget")
                    .path("requestExtraMeeting.extraMeeting.due").entity(Boolean.class).isEqualTo(false)
                    .path("requestExtraMeeting.extraMeeting.rule").entity(String.class).isEqualTo("PSVO-05");
        }
        ask(as(askers.get(threshold - 1)), psvo.id(), "Budgetläget")
                .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.extraMeeting.rule").entity(String.class).isEqualTo("PSVO-05")
                .path("requestExtraMeeting.extraMeeting.threshold").entity(Integer.class).isEqualTo(threshold);
        assertThat(dueEvents(psvo.id())).isEqualTo(1);
    }

    @Test
    void NB_04_anyPartyAskingMakesAnExtraMeetingDue() {
        BodyView pb = body("norrbotten", "PB");
        SeatView member = pb.membersNotChairing().getFirst();
        ask(as(member), pb.id(), "Gemensamt yttrande")
                .path("requestExtraMeeting.errors").entityList(Object.class).hasSize(0)
                .path("requestExtraMeeting.becameDue").entity(Boolean.class).isEqualTo(true)
                .path("requestExtraMeeting.extraMeeting.reason").entity(String.class).isEqualTo("a party asked")
                .path("requestExtraMeeting.extraMeeting.rule").entity(String.class).isEqualTo("NB-04")
                .path("requestExtraMeeting.extraMeeting.threshold").valueIsNull();
        assertThat(dueEvents(pb.id())).isEqualTo(1);
    }

    @Test
    void LSVO_07_onlyMembersAndTheChairMayAsk() {
        BodyView lsvo = body("blekinge", "LSVO");
        for (String user : List.of("handlaggare.karlskrona", "sekreterare.lsvo", "admin", "ordforande.psvo")) {
            ask(as(user), lsvo.id(), "Vi vill ha ett möte")
                    .path("requestExtraMeeting.request").valueIsNull()
                    .path("requestExtraMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                    .path("requestExtraMeeting.errors[0].rule").entity(String.class).isEqualTo("LSVO-07");
        }
        ask(graphQl, lsvo.id(), "Vi vill ha ett möte")
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).hasToString("UNAUTHORIZED")));
        assertThat(dueEvents(lsvo.id())).isZero();
        graphQl.document(STATUS).variable("county", "blekinge").variable("s", "LSVO").execute()
                .path("body.extraMeeting.requests").entity(Integer.class).isEqualTo(0)
                .path("body.extraMeeting.due").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void badInputUnknownBodiesAndBodiesWithoutTheRuleAreRefused() {
        BodyView lsvo = body("blekinge", "LSVO");
        HttpGraphQlTester member = as("aldrechef.karlskrona");
        ask(member, lsvo.id(), "  ")
                .path("requestExtraMeeting.errors[0].code").entity(String.class).isEqualTo("BAD_INPUT")
                .path("requestExtraMeeting.errors[0].field").entity(String.class).isEqualTo("reason");
        ask(member, lsvo.id(), "x".repeat(1001))
                .path("requestExtraMeeting.errors[0].code").entity(String.class).isEqualTo("BAD_INPUT");
        ask(member, "Qm9keTpub3BlIQ", "Skäl")
                .path("requestExtraMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // the preparation group has no rulebook of its own, so nothing says who may call it
        BodyView group = body("blekinge", "LSVO-BG");
        ask(as(group.membersNotChairing().getFirst()), group.id(), "Skäl")
                .path("requestExtraMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_IN_RULEBOOK");
        graphQl.document(STATUS).variable("county", "blekinge").variable("s", "LSVO-BG").execute()
                .path("body.extraMeeting.due").entity(Boolean.class).isEqualTo(false)
                .path("body.extraMeeting.rule").valueIsNull();
    }
}
