package se.samverkan.api.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.calendar.SwedishCalendar;
import se.samverkan.domain.rulebook.DayUnit;

/**
 * LSVO's year over GraphQL, as the secretary, chair and members do it: a meeting with a school matter decided by every
 * school mandate, held, its minutes drafted, signed by the four the rulebook names (LSVO-13) and published (LSVO-15).
 */
public final class LsvoFlow {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private static final String SIGN = "mutation($m: ID!) { signMinutes(input: { minutes: $m }) { minutes { state } errors { code message rule } } }";

    private final IntegrationTest test;

    public LsvoFlow(IntegrationTest test) {
        this.test = test;
    }

    /** A working day n weekdays ahead: far enough for the notice (LSVO-08) to be on time. */
    public static LocalDate weekdaysAhead(int n) {
        for (LocalDate d = TODAY.plusDays(1); ; d = d.plusDays(1)) {
            if (SwedishCalendar.isWorkingDay(d) && Deadlines.before(TODAY, d, DayUnit.WEEKDAYS) == n) {
                return d;
            }
        }
    }

    /** The uuid behind a global id. */
    public static UUID key(String globalId) {
        String text = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
        return UUID.fromString(text.substring(text.indexOf(':') + 1));
    }

    public String lsvo() {
        return test.graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { id } }").execute()
                .path("body.id").entity(String.class).get();
    }

    /** A held LSVO meeting on a date, with one school matter decided by every school mandate; returns meeting and matter. */
    public String[] heldMeetingWithSchoolDecision(LocalDate date, String title) {
        HttpGraphQlTester secretary = test.as("sekreterare.lsvo");
        String meeting = secretary.document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Karlskrona" }) {
                  meeting { id } errors { code message } } }""").variable("b", lsvo()).variable("at", date + "T09:00:00+01:00")
                .execute().path("scheduleMeeting.meeting.id").entity(String.class).get();
        String matter = test.as("aldrechef.karlskrona").document("""
                mutation($b: ID!, $t: String!) { submitMatter(input: { body: $b, title: $t, description: "Förslag",
                  type: DECISION, decisionCategory: SUBJECT_AREA, subjectAreas: ["skola-barn-unga"] }) { matter { id } } }""")
                .variable("b", lsvo()).variable("t", title).execute().path("submitMatter.matter.id").entity(String.class).get();
        test.holderOf("LSVO", "CHAIR").document("mutation($m: ID!) { admitLateMatter(input: { matter: $m }) { errors { code } } }")
                .variable("m", matter).execute().path("admitLateMatter.errors").entityList(Object.class).hasSize(0);
        secretary.document("mutation($m: ID!, $mt: ID!) { triageMatter(input: { matter: $m, meeting: $mt }) { errors { code message } } }")
                .variable("m", matter).variable("mt", meeting).execute().path("triageMatter.errors").entityList(Object.class).hasSize(0);
        secretary.document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code message } } }")
                .variable("m", meeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        List<Map<String, Object>> seats = test.graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") { seats(first: 100) { edges { node {
                    id decisionMandate subjectAreas { code } } } } } }""").execute()
                .path("body.seats.edges[*].node").entityList(MAP).get();
        List<Map<String, Object>> school = seats.stream().filter(s -> Boolean.TRUE.equals(s.get("decisionMandate")))
                .filter(s -> ((List<?>) s.get("subjectAreas")).stream().anyMatch(a -> "skola-barn-unga".equals(((Map<?, ?>) a).get("code"))))
                .toList();
        for (Map<String, Object> seat : school) {
            secretary.document("""
                    mutation($m: ID!, $s: ID!) { declarePosition(input: { matter: $m, seat: $s, position: SUPPORT,
                      channel: EMAIL_TO_SECRETARY }) { errors { code message rule } } }""")
                    .variable("m", matter).variable("s", seat.get("id")).execute()
                    .path("declarePosition.errors").entityList(Object.class).hasSize(0);
        }
        secretary.document("""
                mutation($m: ID!) { decide(input: { matter: $m, text: "LSVO beslutar enligt förslaget" }) {
                  decision { outcome } errors { code message rule } } }""").variable("m", matter).execute()
                .path("decide.errors").entityList(Object.class).hasSize(0)
                .path("decide.decision.outcome").entity(String.class).isEqualTo("ADOPTED_BY_ALL");
        secretary.document("""
                mutation($m: ID!, $s: ID!) { recordAttendance(input: { meeting: $m, entries: [{ seat: $s, status: PRESENT }] }) {
                  meeting { state } } }""").variable("m", meeting).variable("s", school.getFirst().get("id")).execute()
                .path("recordAttendance.meeting.state").entity(String.class).isEqualTo("HELD");
        return new String[] {meeting, matter};
    }

    public String personOf(HttpGraphQlTester as) {
        return as.document("{ me { person { id } } }").execute().path("me.person.id").entity(String.class).get();
    }

    /** The four LSVO-13 names: the meeting's chair, the secretary, one member for the municipalities, one for the region. */
    public List<Map<String, Object>> signatories() {
        String chair = test.graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") { seats(role: CHAIR) { edges { node { holder { id } } } } } }""")
                .execute().path("body.seats.edges[0].node.holder.id").entity(String.class).get();
        return List.of(
                Map.of("person", chair, "kind", "MEETING_CHAIR"),
                Map.of("person", personOf(test.as("sekreterare.lsvo")), "kind", "SECRETARY"),
                Map.of("person", personOf(test.as("aldrechef.karlskrona")), "kind", "APPOINTED_MEMBER", "side", "MUNICIPAL"),
                Map.of("person", personOf(test.as("hsdirektor.region")), "kind", "APPOINTED_MEMBER", "side", "REGIONAL"));
    }

    public String draft(String meeting) {
        return test.as("sekreterare.lsvo").document("""
                mutation($m: ID!, $s: [SignatoryInput!]!) { draftMinutes(input: { meeting: $m, signatories: $s }) {
                  minutes { id } errors { code message } } }""")
                .variable("m", meeting).variable("s", signatories()).execute()
                .path("draftMinutes.minutes.id").entity(String.class).get();
    }

    /** The three signatures before the last one. */
    public void signAllButLast(String minutes) {
        for (HttpGraphQlTester signer : List.of(test.holderOf("LSVO", "CHAIR"), test.as("sekreterare.lsvo"),
                test.as("aldrechef.karlskrona"))) {
            signer.document(SIGN).variable("m", minutes).execute().path("signMinutes.errors").entityList(Object.class).hasSize(0)
                    .path("signMinutes.minutes.state").entity(String.class).isEqualTo("DRAFT");
        }
    }

    /** The last signature: the minutes are frozen and distributed. */
    public void signLast(String minutes) {
        test.as("hsdirektor.region").document(SIGN).variable("m", minutes).execute()
                .path("signMinutes.errors").entityList(Object.class).hasSize(0)
                .path("signMinutes.minutes.state").entity(String.class).isEqualTo("SIGNED");
    }

    public void publish(String minutes) {
        test.as("sekreterare.lsvo").document("""
                mutation($m: ID!) { publishMinutes(input: { minutes: $m }) { minutes { publishedAt } errors { code rule } } }""")
                .variable("m", minutes).execute().path("publishMinutes.errors").entityList(Object.class).hasSize(0);
    }

    /** Signed minutes of a new held meeting n weekdays ahead, not yet published. */
    public String signedMinutes(int weekdaysAhead, String title) {
        String meeting = heldMeetingWithSchoolDecision(weekdaysAhead(weekdaysAhead), title)[0];
        String minutes = draft(meeting);
        signAllButLast(minutes);
        signLast(minutes);
        return minutes;
    }
}
