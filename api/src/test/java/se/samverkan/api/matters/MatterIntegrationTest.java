package se.samverkan.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.calendar.SwedishCalendar;
import se.samverkan.domain.rulebook.DayUnit;

/**
 * Matters from submission to the agenda, over GraphQL against real PostgreSQL: deadlines counted from today in
 * Europe/Stockholm, so every test picks its meeting date relative to today.
 */
class MatterIntegrationTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));

    /** The first working day on which {@code today} lies exactly {@code n} weekdays before. */
    private static LocalDate weekdaysAhead(int n) {
        for (LocalDate d = TODAY.plusDays(1); ; d = d.plusDays(1)) {
            if (SwedishCalendar.isWorkingDay(d) && Deadlines.before(TODAY, d, DayUnit.WEEKDAYS) == n) {
                return d;
            }
        }
    }

    private String bodyId(String shortName) {
        return graphQl.document("query($s: String) { body(county: \"blekinge\", shortName: $s) { id } }")
                .variable("s", shortName).execute().path("body.id").entity(String.class).get();
    }

    private String meetingOn(HttpGraphQlTester as, String body, LocalDate date) {
        return as.document("""
                mutation($body: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $body, startsAt: $at,
                    location: "Regionhuset" }) { meeting { id } errors { message } } }""")
                .variable("body", bodyId(body)).variable("at", date + "T09:00:00+01:00").execute()
                .path("scheduleMeeting.errors").entityList(Object.class).hasSize(0)
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
    }

    private String submit(HttpGraphQlTester as, String body, String title, String type, String category) {
        return as.document("""
                mutation($body: ID!, $title: String!, $type: MatterType!, $category: DecisionCategory) {
                  submitMatter(input: { body: $body, title: $title, description: "Underlag följer", type: $type,
                                        decisionCategory: $category, subjectAreas: ["aldre"] }) {
                    matter { id state } errors { code message rule } } }""")
                .variable("body", bodyId(body)).variable("title", title).variable("type", type)
                .variable("category", category).execute()
                .path("submitMatter.errors").entityList(Object.class).hasSize(0)
                .path("submitMatter.matter.state").entity(String.class).isEqualTo("SUBMITTED")
                .path("submitMatter.matter.id").entity(String.class).get();
    }

    private GraphQlTester.Response triage(HttpGraphQlTester as, String matter, String meeting) {
        return as.document("""
                mutation($m: ID!, $meeting: ID!) { triageMatter(input: { matter: $m, meeting: $meeting, prepared: true,
                    anchored: true }) { matter { state agendaPosition meeting { id } } errors { code message rule } } }""")
                .variable("m", matter).variable("meeting", meeting).execute();
    }

    private GraphQlTester.Response sendNotice(HttpGraphQlTester as, String meeting) {
        return as.document("""
                mutation($m: ID!) { sendNotice(input: { meeting: $m }) { meeting { state } errors { code message rule } } }""")
                .variable("m", meeting).execute();
    }

    @Test
    void LSVO_11_LSVO_12_lateDecisionDocumentsAreRefusedUntilTheChairAdmitsTheMatter() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String meeting = meetingOn(secretary, "LSVO", weekdaysAhead(15));
        String matter = submit(as("aldrechef.karlskrona"), "LSVO", "Fördelning av länsgemensamma medel", "DECISION", "FINANCIAL");

        triage(secretary, matter, meeting)
                .path("triageMatter.matter").valueIsNull()
                .path("triageMatter.errors[0].code").entity(String.class).isEqualTo("DEADLINE_PASSED")
                .path("triageMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-11");

        as("aldrechef.karlskrona").document("mutation($m: ID!) { admitLateMatter(input: { matter: $m }) { errors { code rule } } }")
                .variable("m", matter).execute()
                .path("admitLateMatter.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("admitLateMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-12");
        holderOf("LSVO", "CHAIR").document("""
                mutation($m: ID!) { admitLateMatter(input: { matter: $m }) { matter { admittedLate } errors { code } } }""")
                .variable("m", matter).execute()
                .path("admitLateMatter.errors").entityList(Object.class).hasSize(0)
                .path("admitLateMatter.matter.admittedLate").entity(Boolean.class).isEqualTo(true);

        triage(secretary, matter, meeting)
                .path("triageMatter.errors").entityList(Object.class).hasSize(0)
                .path("triageMatter.matter.state").entity(String.class).isEqualTo("TRIAGED")
                .path("triageMatter.matter.meeting.id").entity(String.class).isEqualTo(meeting);
    }

    @Test
    void LSVO_11_informationDocumentsTenWeekdaysAheadAreInTime() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String meeting = meetingOn(secretary, "LSVO", weekdaysAhead(10));
        String matter = submit(as("skolchef.ronneby"), "LSVO", "Lägesrapport elevhälsa", "INFORMATION", null);
        triage(secretary, matter, meeting).path("triageMatter.matter.state").entity(String.class).isEqualTo("TRIAGED");
    }

    @Test
    void LSVO_08_aNoticeNineWeekdaysAheadIsRefusedTenIsSentAndMadePublic() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String late = meetingOn(secretary, "LSVO", weekdaysAhead(9));
        sendNotice(secretary, late)
                .path("sendNotice.meeting").valueIsNull()
                .path("sendNotice.errors[0].code").entity(String.class).isEqualTo("DEADLINE_PASSED")
                .path("sendNotice.errors[0].rule").entity(String.class).isEqualTo("LSVO-08")
                .path("sendNotice.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("was due on " + Deadlines.due(weekdaysAhead(9),
                        new se.samverkan.domain.rulebook.Lead(10, DayUnit.WEEKDAYS))));

        String meeting = meetingOn(secretary, "LSVO", weekdaysAhead(11));
        String first = submit(as("aldrechef.karlskrona"), "LSVO", "Äldres läkemedel", "INFORMATION", null);
        String second = submit(as("skolchef.ronneby"), "LSVO", "Samverkan kring elevhälsa", "DISCUSSION", null);
        triage(secretary, first, meeting).path("triageMatter.errors").entityList(Object.class).hasSize(0);
        triage(secretary, second, meeting).path("triageMatter.errors").entityList(Object.class).hasSize(0);

        // LSVO-09: the chair settles the order, the secretary may not
        String reorder = "mutation($m: ID!, $order: [ID!]!) { orderAgenda(input: { meeting: $m, matters: $order }) { errors { code rule } } }";
        secretary.document(reorder).variable("m", meeting).variable("order", List.of(second, first)).execute()
                .path("orderAgenda.errors[0].rule").entity(String.class).isEqualTo("LSVO-09");
        holderOf("LSVO", "CHAIR").document(reorder).variable("m", meeting).variable("order", List.of(second, first)).execute()
                .path("orderAgenda.errors").entityList(Object.class).hasSize(0);

        sendNotice(holderOf("LSVO", "CHAIR"), meeting)
                .path("sendNotice.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("sendNotice.errors[0].rule").entity(String.class).isEqualTo("LSVO-08");
        sendNotice(secretary, meeting)
                .path("sendNotice.errors").entityList(Object.class).hasSize(0)
                .path("sendNotice.meeting.state").entity(String.class).isEqualTo("NOTICE_SENT");

        String agenda = "query($m: ID!) { meeting(id: $m) { notice { onTime rule agenda { position kind title matter { id state } } } } }";
        graphQl.document(agenda).variable("m", meeting).execute()
                .path("meeting.notice.onTime").entity(Boolean.class).isEqualTo(true)
                .path("meeting.notice.agenda[*].title").entityList(String.class)
                .containsExactly("Samverkan kring elevhälsa", "Äldres läkemedel")
                .path("meeting.notice.agenda[0].matter").valueIsNull();
        as("aldrechef.karlskrona").document(agenda).variable("m", meeting).execute()
                .path("meeting.notice.agenda[*].matter.state").entityList(String.class).containsExactly("ON_AGENDA", "ON_AGENDA");

        sendNotice(secretary, meeting).path("sendNotice.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void PSVO_06_theChairSendsTheNoticeSevenDaysAheadNotSix() {
        HttpGraphQlTester chair = as("ordforande.psvo");
        String sevenDays = meetingOn(chair, "PSVO", TODAY.plusDays(7));
        String sixDays = meetingOn(chair, "PSVO", TODAY.plusDays(6));
        sendNotice(as("sekreterare.lsvo"), sevenDays)
                .path("sendNotice.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("sendNotice.errors[0].rule").entity(String.class).isEqualTo("PSVO-06");
        sendNotice(chair, sixDays)
                .path("sendNotice.errors[0].code").entity(String.class).isEqualTo("DEADLINE_PASSED")
                .path("sendNotice.errors[0].rule").entity(String.class).isEqualTo("PSVO-06");
        sendNotice(chair, sevenDays).path("sendNotice.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void PSVO_08_LSVO_28_aForwardedMatterKeepsItsLinkAndIsOnPsvosNextAgenda() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String matter = submit(as("aldrechef.karlskrona"), "LSVO", "Gemensam riktlinje för hemsjukvård", "DECISION", "FORUM_WIDE");
        String forward = "mutation($m: ID!, $to: ID!) { forwardMatter(input: { matter: $m, toBody: $to }) { matter { id state body { shortName } forwardedFrom { id } } errors { code rule } } }";
        as("aldrechef.karlskrona").document(forward).variable("m", matter).variable("to", bodyId("PSVO")).execute()
                .path("forwardMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-28");
        secretary.document(forward).variable("m", matter).variable("to", bodyId("ATT-ALDRAS")).execute()
                .path("forwardMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-28");
        String copy = secretary.document(forward).variable("m", matter).variable("to", bodyId("PSVO")).execute()
                .path("forwardMatter.errors").entityList(Object.class).hasSize(0)
                .path("forwardMatter.matter.body.shortName").entity(String.class).isEqualTo("PSVO")
                .path("forwardMatter.matter.state").entity(String.class).isEqualTo("SUBMITTED")
                .path("forwardMatter.matter.id").entity(String.class).get();
        secretary.document("query($m: ID!) { matter(id: $m) { state forwardedTo { id } } }").variable("m", matter).execute()
                .path("matter.state").entity(String.class).isEqualTo("FORWARDED")
                .path("matter.forwardedTo[*].id").entityList(String.class).containsExactly(copy);

        HttpGraphQlTester chair = as("ordforande.psvo");
        String psvo = meetingOn(chair, "PSVO", TODAY.plusDays(30));
        sendNotice(chair, psvo).path("sendNotice.errors").entityList(Object.class).hasSize(0);
        graphQl.document("query($m: ID!) { meeting(id: $m) { notice { agenda { kind title rule } } } }").variable("m", psvo)
                .execute()
                .path("meeting.notice.agenda[?(@.kind == 'FORWARDED_MATTER')].title").entityList(String.class)
                .contains("Gemensam riktlinje för hemsjukvård")
                .path("meeting.notice.agenda[?(@.kind == 'MINUTES_OF_BODY')].rule").entityList(String.class)
                .satisfies(rules -> assertThat(rules).isNotEmpty().containsOnly("PSVO-08"));
    }

    @Test
    void LSVO_10_membersSubmitAndSeeMattersTheOthersDoNot() {
        as("handlaggare.karlskrona").document("""
                mutation($b: ID!) { submitMatter(input: { body: $b, title: "X", description: "Y", type: INFORMATION }) {
                  matter { id } errors { code rule } } }""").variable("b", bodyId("LSVO")).execute()
                .path("submitMatter.matter").valueIsNull()
                .path("submitMatter.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("submitMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-10");
        String matter = submit(as("hsdirektor.region"), "LSVO", "Nära vård: uppföljning", "INFORMATION", null);
        String read = "query($m: ID!) { matter(id: $m) { title } }";
        as("skolchef.ronneby").document(read).variable("m", matter).execute()
                .path("matter.title").entity(String.class).isEqualTo("Nära vård: uppföljning");
        for (HttpGraphQlTester outsider : List.of(graphQl, as("handlaggare.karlskrona"), as("ordforande.psvo"))) {
            outsider.document(read).variable("m", matter).execute().path("matter").valueIsNull();
            outsider.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { matters { totalCount } } }").execute()
                    .path("body.matters.totalCount").entity(Integer.class).isEqualTo(0);
        }
    }

    @Test
    void LSVO_11_aComplementIsAskedForByTheSecretaryAndADocumentAnswersIt() throws Exception {
        String matter = submit(as("aldrechef.karlskrona"), "LSVO", "Trygg hemgång", "DECISION", "SUBJECT_AREA");
        String ask = "mutation($m: ID!) { requestComplement(input: { matter: $m, note: \"Kostnadsberäkning saknas\" }) { matter { state complementRequest } errors { code rule } } }";
        as("skolchef.ronneby").document(ask).variable("m", matter).execute()
                .path("requestComplement.errors[0].rule").entity(String.class).isEqualTo("LSVO-11");
        as("sekreterare.lsvo").document(ask).variable("m", matter).execute()
                .path("requestComplement.matter.state").entity(String.class).isEqualTo("COMPLEMENT_REQUESTED")
                .path("requestComplement.matter.complementRequest").entity(String.class).isEqualTo("Kostnadsberäkning saknas");

        byte[] content = "Kostnadsberäkning: 1 200 000 kr".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        as("aldrechef.karlskrona").document("""
                mutation($m: ID!, $c: String!) { attachDocument(input: { matter: $m, name: "kostnader.txt",
                    mediaType: "text/plain", contentBase64: $c }) { document { sha256 size } errors { code } } }""")
                .variable("m", matter).variable("c", Base64.getEncoder().encodeToString(content)).execute()
                .path("attachDocument.document.sha256").entity(String.class).isEqualTo(sha)
                .path("attachDocument.document.size").entity(Integer.class).isEqualTo(content.length);
        as("sekreterare.lsvo").document("query($m: ID!) { matter(id: $m) { state documentsCompleteOn documents { name sha256 } } }")
                .variable("m", matter).execute()
                .path("matter.state").entity(String.class).isEqualTo("SUBMITTED")
                .path("matter.documentsCompleteOn").entity(String.class).isEqualTo(TODAY.toString())
                .path("matter.documents[0].sha256").entity(String.class).isEqualTo(sha);
        as("aldrechef.karlskrona").document("""
                mutation($m: ID!) { attachDocument(input: { matter: $m, name: "x", contentBase64: "***" }) { errors { code field } } }""")
                .variable("m", matter).execute()
                .path("attachDocument.errors[0].field").entity(String.class).isEqualTo("contentBase64");
    }

    @Test
    void LSVO_18_aSubjectAreaDecisionMustNameItsAreas() {
        as("aldrechef.karlskrona").document("""
                mutation($b: ID!) { submitMatter(input: { body: $b, title: "X", description: "Y", type: DECISION,
                  decisionCategory: SUBJECT_AREA, subjectAreas: [] }) { matter { id } errors { code rule } } }""")
                .variable("b", bodyId("LSVO")).execute()
                .path("submitMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-18");
        as("aldrechef.karlskrona").document("""
                mutation($b: ID!) { submitMatter(input: { body: $b, title: "X", description: "Y", type: DECISION }) {
                  matter { id } errors { code rule } } }""")
                .variable("b", bodyId("LSVO")).execute()
                .path("submitMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-17");
    }


    @Test
    void LSVO_23_onlyThePreparationGroupSecretaryOrChairTriageDeferOrReject() {
        String meeting = meetingOn(as("sekreterare.lsvo"), "LSVO", weekdaysAhead(25));
        String matter = submit(as("aldrechef.karlskrona"), "LSVO", "Vårdplanering vid utskrivning", "INFORMATION", null);
        triage(as("skolchef.ronneby"), matter, meeting)
                .path("triageMatter.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("triageMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-23");
        String defer = "mutation($m: ID!) { deferMatter(input: { matter: $m, reason: \"Behöver förankras\" }) { matter { state stateNote } errors { code rule } } }";
        String reject = "mutation($m: ID!) { rejectMatter(input: { matter: $m, reason: \"Hör till annat forum\" }) { matter { state } errors { code rule } } }";
        as("skolchef.ronneby").document(defer).variable("m", matter).execute()
                .path("deferMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-23");
        as("handlaggare.karlskrona").document(reject).variable("m", matter).execute()
                .path("rejectMatter.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        // a member of the preparation group (not LSVO's secretary or chair) may
        holderOf("LSVO-BG", "MEMBER").document(defer).variable("m", matter).execute()
                .path("deferMatter.errors").entityList(Object.class).hasSize(0)
                .path("deferMatter.matter.state").entity(String.class).isEqualTo("DEFERRED")
                .path("deferMatter.matter.stateNote").entity(String.class).isEqualTo("Behöver förankras");
        as("sekreterare.lsvo").document(reject).variable("m", matter).execute()
                .path("rejectMatter.matter.state").entity(String.class).isEqualTo("REJECTED");
        as("sekreterare.lsvo").document(reject).variable("m", matter).execute()
                .path("rejectMatter.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void LSVO_11_onlyTheSubmitterSecretaryOrChairAttachDocuments() {
        String matter = submit(as("aldrechef.karlskrona"), "LSVO", "Läkemedelsgenomgångar", "INFORMATION", null);
        String attach = "mutation($m: ID!) { attachDocument(input: { matter: $m, name: \"a.txt\", contentBase64: \"aGVq\" }) { document { size } errors { code } } }";
        as("skolchef.ronneby").document(attach).variable("m", matter).execute()
                .path("attachDocument.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        as("sekreterare.lsvo").document(attach).variable("m", matter).execute()
                .path("attachDocument.document.size").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void LSVO_21_cancellingAMeetingCancelsItsPreparationAndReleasesItsMatters() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String meeting = meetingOn(secretary, "LSVO", weekdaysAhead(30));
        String matter = submit(as("aldrechef.karlskrona"), "LSVO", "Gemensam läkemedelsgenomgång", "INFORMATION", null);
        triage(secretary, matter, meeting).path("triageMatter.matter.state").entity(String.class).isEqualTo("TRIAGED");
        holderOf("LSVO", "CHAIR").document("""
                mutation($m: ID!) { cancelMeeting(input: { meeting: $m, reason: "Hög frånvaro" }) { errors { code } } }""")
                .variable("m", meeting).execute().path("cancelMeeting.errors").entityList(Object.class).hasSize(0);
        secretary.document("query($m: ID!) { matter(id: $m) { state stateNote meeting { id } } }").variable("m", matter)
                .execute()
                .path("matter.state").entity(String.class).isEqualTo("DEFERRED")
                .path("matter.meeting").valueIsNull()
                .path("matter.stateNote").entity(String.class).satisfies(n -> assertThat(n).contains("Hög frånvaro"));
        secretary.document("query($m: ID!) { meeting(id: $m) { state preparationMeeting { state } } }").variable("m", meeting)
                .execute()
                .path("meeting.state").entity(String.class).isEqualTo("CANCELLED")
                .path("meeting.preparationMeeting.state").entity(String.class).isEqualTo("CANCELLED");
    }

    @Test
    void LSVO_28_aMatterIsForwardedToABodyOnlyOnce() {
        String matter = submit(as("aldrechef.karlskrona"), "LSVO", "Rapport till regionchefsgruppen", "INFORMATION", null);
        String forward = "mutation($m: ID!, $to: ID!) { forwardMatter(input: { matter: $m, toBody: $to }) { errors { code rule } } }";
        as("sekreterare.lsvo").document(forward).variable("m", matter).variable("to", bodyId("RCG")).execute()
                .path("forwardMatter.errors").entityList(Object.class).hasSize(0);
        as("sekreterare.lsvo").document(forward).variable("m", matter).variable("to", bodyId("RCG")).execute()
                .path("forwardMatter.errors[0].rule").entity(String.class).isEqualTo("LSVO-28");
    }

    @Test
    void aRefusalCitesTheRuleOfTheBodysOwnRulebookNeverAnotherBodys() {
        String meeting = meetingOn(as("ordforande.psvo"), "PSVO", TODAY.plusDays(40));
        String matter = submit(holderOf("PSVO", "MEMBER"), "PSVO", "Länsgemensam handlingsplan psykisk hälsa", "INFORMATION", null);
        // PSVO's rulebook has no preparation group: the refusal names no LSVO clause
        triage(holderOf("PSVO", "MEMBER"), matter, meeting)
                .path("triageMatter.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("triageMatter.errors[0].rule").valueIsNull();
        triage(as("ordforande.psvo"), matter, meeting)
                .path("triageMatter.matter.state").entity(String.class).isEqualTo("TRIAGED");
    }
}
