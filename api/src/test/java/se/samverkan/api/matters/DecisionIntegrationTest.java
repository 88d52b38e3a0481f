package se.samverkan.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.calendar.SwedishCalendar;
import se.samverkan.domain.rulebook.DayUnit;

/** Attendance, declarations and decisions by party mandate, over GraphQL against real PostgreSQL. */
class DecisionIntegrationTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private static LocalDate weekdaysAhead(int n) {
        for (LocalDate d = TODAY.plusDays(1); ; d = d.plusDays(1)) {
            if (SwedishCalendar.isWorkingDay(d) && Deadlines.before(TODAY, d, DayUnit.WEEKDAYS) == n) {
                return d;
            }
        }
    }

    private String lsvo() {
        return graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { id } }").execute()
                .path("body.id").entity(String.class).get();
    }

    /** Every LSVO seat with a mandate today: id, party code and kind, subject areas. */
    private List<Map<String, Object>> mandatedSeats() {
        return graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") { seats(first: 100) { edges { node {
                    id role decisionMandate party { code kind } subjectAreas { code } } } } } }""").execute()
                .path("body.seats.edges[*].node").entityList(MAP).get().stream()
                .filter(s -> Boolean.TRUE.equals(s.get("decisionMandate"))).toList();
    }

    private static String code(Map<String, Object> seat) {
        return (String) ((Map<?, ?>) seat.get("party")).get("code");
    }

    private static boolean covers(Map<String, Object> seat, String area) {
        return ((List<?>) seat.get("subjectAreas")).stream().anyMatch(a -> area.equals(((Map<?, ?>) a).get("code")));
    }

    /** A decision matter on the agenda of a called LSVO meeting, admitted late so that it may be placed now. */
    private String[] matterOnAgenda(String title, String category, List<String> areas, LocalDate date, boolean sendNotice) {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String meeting = secretary.document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Karlskrona" }) {
                  meeting { id } } }""").variable("b", lsvo()).variable("at", date + "T09:00:00+01:00").execute()
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        String matter = as("aldrechef.karlskrona").document("""
                mutation($b: ID!, $t: String!, $c: DecisionCategory, $a: [String!]) { submitMatter(input: { body: $b, title: $t,
                  description: "Förslag", type: DECISION, decisionCategory: $c, subjectAreas: $a }) { matter { id } } }""")
                .variable("b", lsvo()).variable("t", title).variable("c", category).variable("a", areas).execute()
                .path("submitMatter.matter.id").entity(String.class).get();
        holderOf("LSVO", "CHAIR").document("mutation($m: ID!) { admitLateMatter(input: { matter: $m }) { errors { code } } }")
                .variable("m", matter).execute().path("admitLateMatter.errors").entityList(Object.class).hasSize(0);
        secretary.document("mutation($m: ID!, $mt: ID!) { triageMatter(input: { matter: $m, meeting: $mt }) { errors { code message } } }")
                .variable("m", matter).variable("mt", meeting).execute()
                .path("triageMatter.errors").entityList(Object.class).hasSize(0);
        if (sendNotice) {
            secretary.document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code message } } }")
                    .variable("m", meeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        }
        return new String[] {meeting, matter};
    }

    private void emailFor(String matter, Map<String, Object> seat, String position) {
        as("sekreterare.lsvo").document("""
                mutation($m: ID!, $s: ID!, $p: Position!) { declarePosition(input: { matter: $m, seat: $s, position: $p,
                  channel: EMAIL_TO_SECRETARY }) { errors { code message rule } } }""")
                .variable("m", matter).variable("s", seat.get("id")).variable("p", position).execute()
                .path("declarePosition.errors").entityList(Object.class).hasSize(0);
    }

    private static final String DECIDE = """
            mutation($m: ID!) { decide(input: { matter: $m, text: "LSVO beslutar enligt förslaget" }) {
              decision { outcome supporting { code } notSupporting { code } rule }
              readiness { ready rule missing { seat { id } party { code } subjectArea reason rule } }
              errors { code rule } } }""";

    @Test
    void LSVO_18_LSVO_20_aSchoolDecisionWaitsForRonnebysSchoolHeadsEmailAndListsWhoDidNotSupport() {
        String matter = matterOnAgenda("Samordnad individuell plan för barn och unga", "SUBJECT_AREA",
                List.of("skola-barn-unga"), weekdaysAhead(12), true)[1];
        List<Map<String, Object>> school = mandatedSeats().stream().filter(s -> covers(s, "skola-barn-unga")).toList();
        Map<String, Object> ronneby = school.stream().filter(s -> code(s).equals("ronneby")).findFirst().orElseThrow();
        for (Map<String, Object> seat : school) {
            if (seat != ronneby) {
                emailFor(matter, seat, code(seat).equals("olofstrom") ? "OPPOSE" : "SUPPORT");
            }
        }
        as("sekreterare.lsvo").document(DECIDE).variable("m", matter).execute()
                .path("decide.decision").valueIsNull()
                .path("decide.errors[0].code").entity(String.class).isEqualTo("QUORUM_NOT_MET")
                .path("decide.errors[0].rule").entity(String.class).isEqualTo("LSVO-18")
                .path("decide.readiness.missing[*].seat.id").entityList(String.class).containsExactly((String) ronneby.get("id"))
                .path("decide.readiness.missing[0].subjectArea").entity(String.class).isEqualTo("skola-barn-unga");

        emailFor(matter, ronneby, "SUPPORT");
        as("skolchef.ronneby").document("query($m: ID!) { matter(id: $m) { readiness { ready } } }").variable("m", matter)
                .execute().path("matter.readiness.ready").entity(Boolean.class).isEqualTo(true);
        as("sekreterare.lsvo").document(DECIDE).variable("m", matter).execute()
                .path("decide.errors").entityList(Object.class).hasSize(0)
                .path("decide.decision.outcome").entity(String.class).isEqualTo("ADOPTED_BY_SOME")
                .path("decide.decision.notSupporting[*].code").entityList(String.class).contains("olofstrom")
                .path("decide.decision.rule").entity(String.class).isEqualTo("LSVO-18");
        as("skolchef.ronneby").document("query($m: ID!) { matter(id: $m) { state decision { outcome } } }").variable("m", matter)
                .execute().path("matter.state").entity(String.class).isEqualTo("DECIDED");
    }

    @Test
    void LSVO_20_aPositionByEmailRecordedAfterTheMeetingStartedIsRefused() {
        String matter = matterOnAgenda("Tolkning av riktlinje", "SUBJECT_AREA", List.of("skola-barn-unga"),
                TODAY.minusDays(1), false)[1];
        Map<String, Object> seat = mandatedSeats().stream().filter(s -> covers(s, "skola-barn-unga")).findFirst().orElseThrow();
        as("sekreterare.lsvo").document("""
                mutation($m: ID!, $s: ID!) { declarePosition(input: { matter: $m, seat: $s, position: SUPPORT,
                  channel: EMAIL_TO_SECRETARY }) { errors { code message rule } } }""")
                .variable("m", matter).variable("s", seat.get("id")).execute()
                .path("declarePosition.errors[0].rule").entity(String.class).isEqualTo("LSVO-20")
                .path("declarePosition.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("before the meeting starts"));
    }

    @Test
    void LSVO_22_anOfficialWhoChairsWithoutBeingAMemberCannotDeclare() {
        String matter = matterOnAgenda("Länsgemensam prioritering", "FINANCIAL", List.of(), weekdaysAhead(12), true)[1];
        String chairSeat = graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") { seats(role: CHAIR) { edges { node { id } } } } }""")
                .execute().path("body.seats.edges[0].node.id").entity(String.class).get();
        holderOf("LSVO", "CHAIR").document("""
                mutation($m: ID!, $s: ID!) { declarePosition(input: { matter: $m, seat: $s, position: SUPPORT }) {
                  errors { code rule } } }""").variable("m", matter).variable("s", chairSeat).execute()
                .path("declarePosition.errors[0].rule").entity(String.class).isEqualTo("LSVO-22");
    }

    @Test
    void LSVO_17_aForumWideDecisionNeedsMoreThanHalfOfEachSidePresent() {
        String[] meetingAndMatter = matterOnAgenda("Revidering av arbetsordningen", "FORUM_WIDE", List.of(),
                weekdaysAhead(12), true);
        List<Map<String, Object>> seats = mandatedSeats();
        List<Map<String, Object>> municipal = seats.stream()
                .filter(s -> "MUNICIPALITY".equals(((Map<?, ?>) s.get("party")).get("kind"))).toList();
        List<Map<String, Object>> regional = seats.stream()
                .filter(s -> "REGION".equals(((Map<?, ?>) s.get("party")).get("kind"))).toList();
        int neededRegional = regional.size() / 2 + 1;

        attend(meetingAndMatter[0], municipal.subList(0, 11), regional.subList(0, neededRegional - 1));
        as("sekreterare.lsvo").document(DECIDE).variable("m", meetingAndMatter[1]).execute()
                .path("decide.errors[0].code").entity(String.class).isEqualTo("QUORUM_NOT_MET")
                .path("decide.errors[0].rule").entity(String.class).isEqualTo("LSVO-17")
                .path("decide.readiness.missing[*].party.code").entityList(String.class)
                .satisfies(parties -> assertThat(parties).isNotEmpty().containsOnly("region-blekinge"))
                .path("decide.readiness.missing[0].reason").entity(String.class)
                .satisfies(r -> assertThat(r).contains("regional"));

        attend(meetingAndMatter[0], List.of(), regional.subList(0, neededRegional));
        as("sekreterare.lsvo").document(DECIDE).variable("m", meetingAndMatter[1]).execute()
                .path("decide.errors").entityList(Object.class).hasSize(0)
                .path("decide.decision.rule").entity(String.class).isEqualTo("LSVO-17");
    }

    private void attend(String meeting, List<Map<String, Object>> municipal, List<Map<String, Object>> regional) {
        List<Map<String, Object>> entries = new ArrayList<>();
        municipal.forEach(s -> entries.add(Map.of("seat", s.get("id"), "status", "PRESENT")));
        regional.forEach(s -> entries.add(Map.of("seat", s.get("id"), "status", "PRESENT")));
        as("sekreterare.lsvo").document("""
                mutation($m: ID!, $e: [AttendanceEntryInput!]!) { recordAttendance(input: { meeting: $m, entries: $e }) {
                  meeting { state } errors { code message } } }""")
                .variable("m", meeting).variable("e", entries).execute()
                .path("recordAttendance.errors").entityList(Object.class).hasSize(0)
                .path("recordAttendance.meeting.state").entity(String.class).isEqualTo("HELD");
        as("aldrechef.karlskrona").document("""
                mutation($m: ID!, $e: [AttendanceEntryInput!]!) { recordAttendance(input: { meeting: $m, entries: $e }) {
                  errors { code } } }""")
                .variable("m", meeting).variable("e", entries).execute()
                .path("recordAttendance.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
    }

    @org.springframework.beans.factory.annotation.Autowired
    se.samverkan.api.tenant.TenantTransactions tenant;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    private String committee(String party, String code) {
        return graphQl.document("query($p: String) { party(code: $p) { committees { id code } } }").variable("p", party)
                .execute().path("party.committees[?(@.code == '" + code + "')].id").entityList(String.class).get().getFirst();
    }

    private long answersSeenBy(String party, String answerId) {
        String uuid = new String(java.util.Base64.getUrlDecoder().decode(answerId), java.nio.charset.StandardCharsets.UTF_8)
                .substring("RecommendationAnswer:".length());
        return tenant.asParty(party, () -> db.sql("SELECT count(*) AS n FROM recommendation_answer WHERE id = CAST(:id AS uuid)")
                .bind("id", uuid).map(r -> r.get("n", Long.class)).one()).block();
    }

    @Test
    void LSVO_27_aPartysDraftAnswerIsItsOwnUntilSentByEveryQueryPath() {
        String matter = matterOnAgenda("Gemensamma riktlinjer för elevhälsa", "SUBJECT_AREA", List.of("skola-barn-unga"),
                weekdaysAhead(12), true)[1];
        mandatedSeats().stream().filter(s -> covers(s, "skola-barn-unga")).forEach(s -> emailFor(matter, s, "SUPPORT"));
        String decision = as("sekreterare.lsvo").document(DECIDE).variable("m", matter).execute()
                .path("decide.decision.outcome").entity(String.class).isEqualTo("ADOPTED_BY_ALL")
                .path("decide.errors").entityList(Object.class).hasSize(0)
                .path("decide").entity(Map.class).get().toString();
        String decisionId = as("sekreterare.lsvo").document("query($m: ID!) { matter(id: $m) { decision { id } } }")
                .variable("m", matter).execute().path("matter.decision.id").entity(String.class).get();
        assertThat(decision).isNotEmpty();
        String karlskronaBun = committee("karlskrona", "bun");
        String ronnebyBun = committee("ronneby", "bun");

        String issue = "mutation($d: ID!, $to: [ID!]!) { issueRecommendation(input: { decision: $d, text: \"Inför gemensamma riktlinjer\", to: $to }) { recommendation { id rule } errors { code rule } } }";
        as("aldrechef.karlskrona").document(issue).variable("d", decisionId).variable("to", List.of(karlskronaBun, ronnebyBun))
                .execute().path("issueRecommendation.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        String recommendation = as("sekreterare.lsvo").document(issue).variable("d", decisionId)
                .variable("to", List.of(karlskronaBun, ronnebyBun)).execute()
                .path("issueRecommendation.recommendation.rule").entity(String.class).isEqualTo("LSVO-27")
                .path("issueRecommendation.recommendation.id").entity(String.class).get();

        // it arrives in the inbox of each committee addressed (LSVO-27), the portal's one place to see and answer it
        String inbox = "query($c: ID!, $s: InboxState) { inbox(committee: $c, state: $s) { edges { node { id kind state rule recommendation { id text } } } } }";
        String item = as("handlaggare.karlskrona").document(inbox).variable("c", karlskronaBun).variable("s", "NEW").execute()
                .path("inbox.edges[?(@.node.recommendation.id == '" + recommendation + "')].node.id").entityList(String.class)
                .hasSize(1).get().getFirst();
        as("handlaggare.karlskrona").document(inbox).variable("c", karlskronaBun).variable("s", "NEW").execute()
                .path("inbox.edges[?(@.node.id == '" + item + "')].node.kind").entityList(String.class).containsExactly("RECOMMENDATION")
                .path("inbox.edges[?(@.node.id == '" + item + "')].node.rule").entityList(String.class).containsExactly("LSVO-27");
        as("handlaggare.ronneby").document(inbox).variable("c", ronnebyBun).variable("s", null).execute()
                .path("inbox.edges[*].node.id").entityList(String.class).doesNotContain(item)
                .path("inbox.edges[?(@.node.recommendation.id == '" + recommendation + "')].node.kind").entityList(String.class)
                .containsExactly("RECOMMENDATION");
        as("handlaggare.ronneby").document(inbox).variable("c", karlskronaBun).variable("s", null).execute()
                .path("inbox.edges").entityList(Object.class).hasSize(0);
        as("handlaggare.karlskrona").document("mutation($i: ID!) { acknowledgeInboxItem(input: { item: $i, note: \"Till nämnden 12/3\" }) { item { state } } }")
                .variable("i", item).execute().path("acknowledgeInboxItem.item.state").entity(String.class).isEqualTo("ACKNOWLEDGED");
        as("handlaggare.karlskrona").document(inbox).variable("c", karlskronaBun).variable("s", "NEW").execute()
                .path("inbox.edges[*].node.id").entityList(String.class).doesNotContain(item);
        as("handlaggare.karlskrona").document(inbox).variable("c", karlskronaBun).variable("s", "ACKNOWLEDGED").execute()
                .path("inbox.edges[*].node.id").entityList(String.class).contains(item);

        String answer = "mutation($r: ID!, $c: ID!, $send: Boolean) { answerRecommendation(input: { recommendation: $r, committee: $c, answer: ADOPTED_WITH_CHANGES, text: \"Antas med lokala tillägg\", send: $send }) { answer { id state } errors { code } } }";
        String draft = as("handlaggare.karlskrona").document(answer).variable("r", recommendation).variable("c", karlskronaBun)
                .variable("send", false).execute()
                .path("answerRecommendation.answer.state").entity(String.class).isEqualTo("DRAFT")
                .path("answerRecommendation.answer.id").entity(String.class).get();

        // Ronneby cannot write Karlskrona's answer, and sees it by no path while it is a draft
        as("handlaggare.ronneby").document(answer).variable("r", recommendation).variable("c", karlskronaBun)
                .variable("send", true).execute().path("answerRecommendation.errors[0].code").entity(String.class)
                .isEqualTo("NOT_FOUND");
        String byRecommendation = "query($r: ID!) { recommendation(id: $r) { recipients { committee { code party { code } } answer { id state text } } } }";
        String byNode = "query($a: ID!) { node(id: $a) { id ... on RecommendationAnswer { text } } }";
        String byDecision = "query($m: ID!) { matter(id: $m) { decision { recommendations { recipients { committee { party { code } } answer { id } } } } } }";
        for (HttpGraphQlTester ronneby : List.of(as("handlaggare.ronneby"), as("skolchef.ronneby"))) {
            ronneby.document(byRecommendation).variable("r", recommendation).execute()
                    .path("recommendation.recipients[?(@.committee.party.code == 'karlskrona')].answer")
                    .entityList(Object.class).satisfies(a -> assertThat(a).containsOnlyNulls());
            ronneby.document(byNode).variable("a", draft).execute().path("node").valueIsNull();
        }
        String byConnection = "query($p: String) { party(code: $p) { committees { code recommendations { totalCount edges { node { id recipients { committee { party { code } } answer { id } } } } } } } }";
        as("skolchef.ronneby").document(byConnection).variable("p", "karlskrona").execute()
                // the demo year's recommendation to the same committee has a sent answer: look at this one only
                .path("party.committees[?(@.code == 'bun')].recommendations.edges[?(@.node.id == '" + recommendation
                        + "')].node.recipients[?(@.committee.party.code == 'karlskrona')].answer")
                .entityList(Object.class).satisfies(a -> assertThat(a).isNotEmpty().containsOnlyNulls());
        // Ronneby received the same recommendation, so it sees it; but no answer of Karlskrona's, sent or draft, since
        // a Ronneby case officer outside LSVO is not of the issuing body
        as("handlaggare.ronneby").document(byConnection).variable("p", "karlskrona").execute()
                .path("party.committees[?(@.code == 'bun')].recommendations.edges[*].node.recipients[?(@.committee.party.code == 'karlskrona')].answer")
                .entityList(Object.class).satisfies(a -> assertThat(a).isNotEmpty().containsOnlyNulls());
        as("skolchef.ronneby").document(byDecision).variable("m", matter).execute()
                .path("matter.decision.recommendations[0].recipients[?(@.committee.party.code == 'karlskrona')].answer")
                .entityList(Object.class).satisfies(a -> assertThat(a).containsOnlyNulls());
        as("handlaggare.karlskrona").document(byNode).variable("a", draft).execute()
                .path("node.text").entity(String.class).isEqualTo("Antas med lokala tillägg");

        // PostgreSQL itself: no party setting or another party's sees no row; Karlskrona's own transaction does
        assertThat(answersSeenBy(null, draft)).isZero();
        assertThat(answersSeenBy("ronneby", draft)).isZero();
        assertThat(answersSeenBy("karlskrona", draft)).isEqualTo(1);

        // sent: the issuing body's members see it, a Ronneby case officer outside LSVO still does not; it is final
        as("handlaggare.karlskrona").document(answer).variable("r", recommendation).variable("c", karlskronaBun)
                .variable("send", true).execute().path("answerRecommendation.answer.state").entity(String.class)
                .isEqualTo("SENT");
        as("skolchef.ronneby").document(byNode).variable("a", draft).execute()
                .path("node.text").entity(String.class).isEqualTo("Antas med lokala tillägg");
        as("handlaggare.ronneby").document(byNode).variable("a", draft).execute().path("node").valueIsNull();
        as("handlaggare.karlskrona").document(answer).variable("r", recommendation).variable("c", karlskronaBun)
                .variable("send", false).execute().path("answerRecommendation.errors[0].code").entity(String.class)
                .isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void AGR_03_anAmendmentOfTheRegionalAgreementIsAdoptedOnlyWithEveryPartysSupport() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String agreement = graphQl.document("{ county(code: \"blekinge\") { agreements { id } } }").execute()
                .path("county.agreements[0].id").entity(String.class).get();
        String meeting = secretary.document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Karlskrona" }) {
                  meeting { id } } }""").variable("b", lsvo()).variable("at", weekdaysAhead(12) + "T13:00:00+01:00").execute()
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        String submit = """
                mutation($b: ID!, $g: ID) { submitMatter(input: { body: $b, title: "Ändring av överenskommelsen",
                  description: "Ny lydelse", type: DECISION, decisionCategory: FINANCIAL, amendsAgreement: $g }) {
                  matter { id } errors { code field } } }""";
        as("aldrechef.karlskrona").document(submit).variable("b", lsvo()).variable("g", "QWdyZWVtZW50OjE").execute()
                .path("submitMatter.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        String matter = as("aldrechef.karlskrona").document(submit).variable("b", lsvo()).variable("g", agreement).execute()
                .path("submitMatter.matter.id").entity(String.class).get();
        holderOf("LSVO", "CHAIR").document("mutation($m: ID!) { admitLateMatter(input: { matter: $m }) { errors { code } } }")
                .variable("m", matter).execute();
        secretary.document("mutation($m: ID!, $mt: ID!) { triageMatter(input: { matter: $m, meeting: $mt }) { errors { code } } }")
                .variable("m", matter).variable("mt", meeting).execute();
        secretary.document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code } } }")
                .variable("m", meeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        // every member declares (LSVO-19), all in support but Sölvesborg's
        mandatedSeats().forEach(s -> emailFor(matter, s, code(s).equals("solvesborg") ? "OPPOSE" : "SUPPORT"));
        secretary.document(DECIDE).variable("m", matter).execute()
                .path("decide.errors").entityList(Object.class).hasSize(0)
                .path("decide.decision.outcome").entity(String.class).isEqualTo("NOT_ADOPTED")
                .path("decide.decision.notSupporting[*].code").entityList(String.class).containsExactly("solvesborg");
    }

    @Test
    void LSVO_21_theChairPostponesAMatterToAnotherMeeting() {
        String matter = matterOnAgenda("Uppföljning av SIP", "SUBJECT_AREA", List.of("skola-barn-unga"), weekdaysAhead(12),
                true)[1];
        String later = as("sekreterare.lsvo").document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Ronneby" }) {
                  meeting { id } } }""").variable("b", lsvo()).variable("at", weekdaysAhead(40) + "T09:00:00+01:00").execute()
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        String postpone = "mutation($m: ID!, $to: ID) { postponeMatter(input: { matter: $m, toMeeting: $to }) { matter { state meeting { id } } errors { code rule } } }";
        as("sekreterare.lsvo").document(postpone).variable("m", matter).variable("to", later).execute()
                .path("postponeMatter.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("postponeMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-21");
        holderOf("LSVO", "CHAIR").document(postpone).variable("m", matter).variable("to", later).execute()
                .path("postponeMatter.errors").entityList(Object.class).hasSize(0)
                .path("postponeMatter.matter.state").entity(String.class).isEqualTo("TRIAGED")
                .path("postponeMatter.matter.meeting.id").entity(String.class).isEqualTo(later);
    }
}
