package se.samverkan.api.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import se.samverkan.api.support.IntegrationTest;

/** Scheduling and cancelling meetings over GraphQL, with deadlines from each body's rulebook. */
class MeetingIntegrationTest extends IntegrationTest {

    private static final String SCHEDULE = """
            mutation($body: ID!, $at: DateTime!, $location: String!) {
              scheduleMeeting(input: { body: $body, startsAt: $at, location: $location }) {
                meeting { id date state body { shortName }
                          deadlines { noticeDue decisionDocumentsDue otherDocumentsDue preparationMeeting rulebookVersion } }
                preparationMeeting { id kind date state body { shortName } preparesFor { date } }
                errors { code message rule field }
              } }""";

    private static final String CANCEL = """
            mutation($meeting: ID!, $reason: String!) {
              cancelMeeting(input: { meeting: $meeting, reason: $reason }) {
                meeting { state } errors { code message rule } } }""";

    private String bodyId(String shortName) {
        return graphQl.document("query($s: String) { body(county: \"blekinge\", shortName: $s) { id } }")
                .variable("s", shortName).execute().path("body.id").entity(String.class).get();
    }

    private GraphQlTester.Response schedule(HttpGraphQlTester as, String body, String at) {
        return as.document(SCHEDULE).variable("body", bodyId(body)).variable("at", at)
                .variable("location", "Regionhuset, Karlskrona").execute();
    }

    @Test
    void LSVO_08_LSVO_11_LSVO_24_deadlinesOfAMeetingOn28January2027() {
        schedule(as("sekreterare.lsvo"), "LSVO", "2027-01-28T09:00:00+01:00")
                .path("scheduleMeeting.errors").entityList(Object.class).hasSize(0)
                .path("scheduleMeeting.meeting.date").entity(String.class).isEqualTo("2027-01-28")
                .path("scheduleMeeting.meeting.state").entity(String.class).isEqualTo("PLANNED")
                .path("scheduleMeeting.meeting.deadlines").entity(Map.class).isEqualTo(Map.of(
                        // 10 weekdays back from Thu 28 Jan, skipping weekends
                        "noticeDue", "2027-01-14",
                        // 21 weekdays back, skipping Epiphany, New Year's Day, New Year's Eve and Christmas 24-26 Dec
                        "decisionDocumentsDue", "2026-12-23",
                        "otherDocumentsDue", "2027-01-14",
                        "preparationMeeting", "2027-01-08",
                        "rulebookVersion", "1.0"))
                .path("scheduleMeeting.preparationMeeting.kind").entity(String.class).isEqualTo("PREPARATION")
                .path("scheduleMeeting.preparationMeeting.date").entity(String.class).isEqualTo("2027-01-08")
                .path("scheduleMeeting.preparationMeeting.body.shortName").entity(String.class).isEqualTo("LSVO-BG")
                .path("scheduleMeeting.preparationMeeting.preparesFor.date").entity(String.class).isEqualTo("2027-01-28");
    }

    @Test
    void PSVO_06_noticeIsDueSevenCalendarDaysAheadAndPsvoHasNoPreparationGroup() {
        schedule(as("sekreterare.lsvo"), "PSVO", "2027-03-10T13:00:00+01:00")
                .path("scheduleMeeting.meeting.deadlines.noticeDue").entity(String.class).isEqualTo("2027-03-03")
                .path("scheduleMeeting.meeting.deadlines.decisionDocumentsDue").valueIsNull()
                .path("scheduleMeeting.preparationMeeting").valueIsNull();
    }

    @Test
    void onlyTheBodysSecretaryOrChairSchedulesMeetings() {
        for (String user : List.of("aldrechef.karlskrona", "handlaggare.karlskrona", "admin")) {
            schedule(as(user), "LSVO", "2027-02-25T09:00:00+01:00")
                    .path("scheduleMeeting.meeting").valueIsNull()
                    .path("scheduleMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        }
        schedule(graphQl, "LSVO", "2027-02-25T09:00:00+01:00")
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).hasToString("UNAUTHORIZED")));
        schedule(holderOf("PSVO", "CHAIR"), "PSVO", "2027-02-25T09:00:00+01:00")
                .path("scheduleMeeting.errors").entityList(Object.class).hasSize(0);
        // the PSVO chair is not LSVO's
        schedule(holderOf("PSVO", "CHAIR"), "LSVO", "2027-02-25T09:00:00+01:00")
                .path("scheduleMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void LSVO_21_onlyTheChairCancelsAndACancelledMeetingStaysCancelled() {
        String meeting = schedule(as("sekreterare.lsvo"), "LSVO", "2027-04-22T09:00:00+02:00")
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        as("sekreterare.lsvo").document(CANCEL).variable("meeting", meeting).variable("reason", "Hög frånvaro").execute()
                .path("cancelMeeting.meeting").valueIsNull()
                .path("cancelMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("cancelMeeting.errors[0].rule").entity(String.class).isEqualTo("LSVO-21");
        HttpGraphQlTester chair = holderOf("LSVO", "CHAIR");
        chair.document(CANCEL).variable("meeting", meeting).variable("reason", "Hög frånvaro").execute()
                .path("cancelMeeting.errors").entityList(Object.class).hasSize(0)
                .path("cancelMeeting.meeting.state").entity(String.class).isEqualTo("CANCELLED");
        chair.document(CANCEL).variable("meeting", meeting).variable("reason", "Igen").execute()
                .path("cancelMeeting.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION")
                .path("cancelMeeting.errors[0].rule").entity(String.class).isEqualTo("LSVO-21");
        as("sekreterare.lsvo").document("query($id: ID!) { node(id: $id) { ... on Meeting { state location } } }")
                .variable("id", meeting).execute().path("node.state").entity(String.class).isEqualTo("CANCELLED");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        as("sekreterare.lsvo").document(SCHEDULE).variable("body", bodyId("LSVO"))
                .variable("at", "2027-05-20T09:00:00+02:00").variable("location", " ").execute()
                .path("scheduleMeeting.errors[0].code").entity(String.class).isEqualTo("BAD_INPUT")
                .path("scheduleMeeting.errors[0].field").entity(String.class).isEqualTo("location");
        as("sekreterare.lsvo").document(SCHEDULE).variable("body", "Qm9keTpub3BlIQ")
                .variable("at", "2027-05-20T09:00:00+02:00").variable("location", "Karlskrona").execute()
                .path("scheduleMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        as("sekreterare.lsvo").document(SCHEDULE).variable("body", bodyId("LSVO"))
                .variable("at", "28 januari").variable("location", "Karlskrona").execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(
                        e -> assertThat(e.getMessage()).contains("not a point in time")));
    }

    @Test
    void aBodyListsItsMeetingsOfAYearInDateOrder() {
        schedule(as("sekreterare.lsvo"), "LSVO", "2028-03-16T09:00:00+01:00");
        schedule(as("sekreterare.lsvo"), "LSVO", "2028-02-17T09:00:00+01:00");
        as("aldrechef.karlskrona").document("{ body(county: \"blekinge\", shortName: \"LSVO\") { meetings(year: 2028) { totalCount edges { node { date kind } } } } }")
                .execute()
                .path("body.meetings.totalCount").entity(Integer.class).isEqualTo(2)
                .path("body.meetings.edges[*].node.date").entityList(String.class).containsExactly("2028-02-17", "2028-03-16");
    }

    @Test
    void aPlannedMeetingIsForTheBodysMembersUntilItsNoticeIsSent() {
        String meeting = schedule(as("sekreterare.lsvo"), "LSVO", "2029-03-15T09:00:00+01:00")
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        String read = "query($id: ID!) { meeting(id: $id) { date } node(id: $id) { id } }";
        for (HttpGraphQlTester outsider : List.of(graphQl, as("handlaggare.karlskrona"), as("ordforande.psvo"))) {
            outsider.document(read).variable("id", meeting).execute()
                    .path("meeting").valueIsNull().path("node").valueIsNull();
            outsider.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { meetings(year: 2029) { totalCount } } }")
                    .execute().path("body.meetings.totalCount").entity(Integer.class).isEqualTo(0);
        }
        as("skolchef.ronneby").document(read).variable("id", meeting).execute()
                .path("meeting.date").entity(String.class).isEqualTo("2029-03-15");
        as("sekreterare.lsvo").document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code } } }")
                .variable("m", meeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        graphQl.document(read).variable("id", meeting).execute()
                .path("meeting.date").entity(String.class).isEqualTo("2029-03-15");
    }
}
