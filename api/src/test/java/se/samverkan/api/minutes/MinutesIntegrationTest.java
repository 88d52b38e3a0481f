package se.samverkan.api.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.calendar.SwedishCalendar;
import se.samverkan.domain.rulebook.DayUnit;

/** Minutes drafted, signed by those the rulebook names (LSVO-13) and then frozen and chained (IMP-02). */
class MinutesIntegrationTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @Autowired
    DatabaseClient db;

    private static LocalDate weekdaysAhead(int n) {
        for (LocalDate d = TODAY.plusDays(1); ; d = d.plusDays(1)) {
            if (SwedishCalendar.isWorkingDay(d) && Deadlines.before(TODAY, d, DayUnit.WEEKDAYS) == n) {
                return d;
            }
        }
    }

    private String heldLsvoMeeting() {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String body = graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { id seats(role: MEMBER, first: 1) { edges { node { id } } } } }")
                .execute().path("body.id").entity(String.class).get();
        String seat = graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { seats(role: MEMBER, first: 1) { edges { node { id } } } } }")
                .execute().path("body.seats.edges[0].node.id").entity(String.class).get();
        String meeting = secretary.document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Karlskrona" }) {
                  meeting { id } } }""").variable("b", body).variable("at", weekdaysAhead(12) + "T09:00:00+01:00").execute()
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        secretary.document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code } } }").variable("m", meeting)
                .execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        secretary.document("""
                mutation($m: ID!, $s: ID!) { recordAttendance(input: { meeting: $m, entries: [{ seat: $s, status: PRESENT }] }) {
                  meeting { state } } }""").variable("m", meeting).variable("s", seat).execute()
                .path("recordAttendance.meeting.state").entity(String.class).isEqualTo("HELD");
        return meeting;
    }

    private String personOf(HttpGraphQlTester as) {
        return as.document("{ me { person { id } } }").execute().path("me.person.id").entity(String.class).get();
    }

    private String chairPerson() {
        return graphQl.document("{ body(county: \"blekinge\", shortName: \"LSVO\") { seats(role: CHAIR) { edges { node { holder { id } } } } } }")
                .execute().path("body.seats.edges[0].node.holder.id").entity(String.class).get();
    }

    private static final String SIGN = "mutation($m: ID!) { signMinutes(input: { minutes: $m }) { minutes { state contentHash previousHash verified } errors { code rule } } }";

    @Test
    void LSVO_13_IMP_02_theFourNamedSignatoriesSignAndTheMinutesAreFrozenAndChained() {
        String meeting = heldLsvoMeeting();
        List<Map<String, Object>> signatories = List.of(
                Map.of("person", chairPerson(), "kind", "MEETING_CHAIR"),
                Map.of("person", personOf(as("sekreterare.lsvo")), "kind", "SECRETARY"),
                Map.of("person", personOf(as("aldrechef.karlskrona")), "kind", "APPOINTED_MEMBER", "side", "MUNICIPAL"),
                Map.of("person", personOf(as("hsdirektor.region")), "kind", "APPOINTED_MEMBER", "side", "REGIONAL"));
        String draft = "mutation($m: ID!, $s: [SignatoryInput!]!, $c: ID) { draftMinutes(input: { meeting: $m, signatories: $s, corrects: $c }) { minutes { id version state content } errors { code } } }";
        as("aldrechef.karlskrona").document(draft).variable("m", meeting).variable("s", signatories).execute()
                .path("draftMinutes.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        String minutes = as("sekreterare.lsvo").document(draft).variable("m", meeting).variable("s", signatories).execute()
                .path("draftMinutes.minutes.state").entity(String.class).isEqualTo("DRAFT")
                .path("draftMinutes.minutes.content").entity(String.class).satisfies(c -> assertThat(c).contains("Närvaro", "PRESENT"))
                .path("draftMinutes.minutes.id").entity(String.class).get();

        as("skolchef.ronneby").document(SIGN).variable("m", minutes).execute()
                .path("signMinutes.errors[0].code").entity(String.class).isEqualTo("SIGNATURE_NOT_ALLOWED")
                .path("signMinutes.errors[0].rule").entity(String.class).isEqualTo("LSVO-13");
        for (HttpGraphQlTester signer : List.of(holderOf("LSVO", "CHAIR"), as("sekreterare.lsvo"), as("aldrechef.karlskrona"))) {
            signer.document(SIGN).variable("m", minutes).execute()
                    .path("signMinutes.errors").entityList(Object.class).hasSize(0)
                    .path("signMinutes.minutes.state").entity(String.class).isEqualTo("DRAFT");
        }
        String hash = as("hsdirektor.region").document(SIGN).variable("m", minutes).execute()
                .path("signMinutes.minutes.state").entity(String.class).isEqualTo("SIGNED")
                .path("signMinutes.minutes.verified").entity(Boolean.class).isEqualTo(true)
                .path("signMinutes.minutes.contentHash").entity(String.class).get();
        assertThat(hash).matches("[0-9a-f]{64}");
        inboxGetsTheMinutesForItsOwnPartyOnly(minutes);
        as("hsdirektor.region").document(SIGN).variable("m", minutes).execute()
                .path("signMinutes.errors[0].rule").entity(String.class).isEqualTo("IMP-02");

        // the database itself refuses to change signed minutes, whoever asks
        String uuid = new String(Base64.getUrlDecoder().decode(minutes), StandardCharsets.UTF_8).substring("Minutes:".length());
        assertThatThrownBy(() -> db.sql("UPDATE minutes SET content = 'ändrat' WHERE id = CAST(:id AS uuid)").bind("id", uuid)
                .fetch().rowsUpdated().block()).hasMessageContaining("IMP-02");
        assertThatThrownBy(() -> db.sql("DELETE FROM minutes_signature WHERE minutes_id = CAST(:id AS uuid)").bind("id", uuid)
                .fetch().rowsUpdated().block()).hasMessageContaining("IMP-02");

        // a correction is a new version of the same meeting's minutes; signed, it chains to the first
        String correction = as("sekreterare.lsvo").document(draft).variable("m", meeting).variable("s", signatories)
                .variable("c", minutes).execute()
                .path("draftMinutes.minutes.version").entity(Integer.class).isEqualTo(2)
                .path("draftMinutes.minutes.id").entity(String.class).get();
        for (HttpGraphQlTester signer : List.of(holderOf("LSVO", "CHAIR"), as("sekreterare.lsvo"), as("aldrechef.karlskrona"))) {
            signer.document(SIGN).variable("m", correction).execute().path("signMinutes.errors").entityList(Object.class).hasSize(0);
        }
        as("hsdirektor.region").document(SIGN).variable("m", correction).execute()
                .path("signMinutes.minutes.previousHash").entity(String.class).isEqualTo(hash)
                .path("signMinutes.minutes.verified").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void LSVO_15_signedMinutesArePublishedByTheSecretaryAndThenReadableWithoutLogin() {
        String meeting = heldLsvoMeeting();
        List<Map<String, Object>> signatories = List.of(
                Map.of("person", chairPerson(), "kind", "MEETING_CHAIR"),
                Map.of("person", personOf(as("sekreterare.lsvo")), "kind", "SECRETARY"),
                Map.of("person", personOf(as("aldrechef.karlskrona")), "kind", "APPOINTED_MEMBER", "side", "MUNICIPAL"),
                Map.of("person", personOf(as("hsdirektor.region")), "kind", "APPOINTED_MEMBER", "side", "REGIONAL"));
        String minutes = as("sekreterare.lsvo").document("""
                mutation($m: ID!, $s: [SignatoryInput!]!) { draftMinutes(input: { meeting: $m, signatories: $s }) { minutes { id } } }""")
                .variable("m", meeting).variable("s", signatories).execute().path("draftMinutes.minutes.id").entity(String.class).get();
        String publish = "mutation($m: ID!) { publishMinutes(input: { minutes: $m }) { minutes { publishedAt } errors { code rule } } }";
        as("sekreterare.lsvo").document(publish).variable("m", minutes).execute()
                .path("publishMinutes.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
        String read = "query($m: ID!) { meeting(id: $m) { minutes { id state publishedAt } } }";
        graphQl.document(read).variable("m", meeting).execute().path("meeting.minutes").entityList(Object.class).hasSize(0);

        for (HttpGraphQlTester signer : List.of(holderOf("LSVO", "CHAIR"), as("sekreterare.lsvo"), as("aldrechef.karlskrona"),
                as("hsdirektor.region"))) {
            signer.document(SIGN).variable("m", minutes).execute().path("signMinutes.errors").entityList(Object.class).hasSize(0);
        }
        as("aldrechef.karlskrona").document(publish).variable("m", minutes).execute()
                .path("publishMinutes.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("publishMinutes.errors[0].rule").entity(String.class).isEqualTo("LSVO-15");
        as("sekreterare.lsvo").document(publish).variable("m", minutes).execute()
                .path("publishMinutes.errors").entityList(Object.class).hasSize(0)
                .path("publishMinutes.minutes.publishedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());

        // public without a token: through the meeting and the list of published minutes
        graphQl.document(read).variable("m", meeting).execute()
                .path("meeting.minutes[*].id").entityList(String.class).containsExactly(minutes);
        graphQl.document("{ publishedMinutes(county: \"blekinge\") { edges { node { id content verified } } } }").execute()
                .path("publishedMinutes.edges[*].node.id").entityList(String.class).contains(minutes)
                .path("publishedMinutes.edges[0].node.verified").entity(Boolean.class).isEqualTo(true);
        // an Atom feed per county and per body, without a token, carrying the content hash
        String uuid = new String(Base64.getUrlDecoder().decode(minutes), StandardCharsets.UTF_8).substring("Minutes:".length());
        for (String feed : List.of("/feeds/blekinge.atom", "/feeds/blekinge/LSVO.atom")) {
            http.get().uri(feed).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("application/atom+xml")
                    .expectBody(String.class).value(xml -> assertThat(xml)
                            .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "urn:samverkan:minutes:" + uuid, "SHA-256 "));
        }
        http.get().uri("/feeds/blekinge/PSVO.atom").exchange().expectStatus().isOk()
                .expectBody(String.class).value(xml -> assertThat(xml).doesNotContain(uuid));
        http.get().uri("/feeds/nowhere.atom").exchange().expectStatus().isNotFound();

        // PSVO-08: PSVO's next agenda presents LSVO's minutes signed since its previous meeting
        String psvo = graphQl.document("{ body(county: \"blekinge\", shortName: \"PSVO\") { id } }").execute()
                .path("body.id").entity(String.class).get();
        String psvoMeeting = as("ordforande.psvo").document("""
                mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Karlskrona" }) {
                  meeting { id } } }""").variable("b", psvo).variable("at", TODAY.plusDays(45) + "T13:00:00+01:00").execute()
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        as("ordforande.psvo").document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code } } }")
                .variable("m", psvoMeeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        graphQl.document("query($m: ID!) { meeting(id: $m) { notice { agenda { kind title rule } } } }").variable("m", psvoMeeting)
                .execute().path("meeting.notice.agenda[?(@.kind == 'MINUTES_OF_BODY')].title").entityList(String.class)
                .satisfies(titles -> assertThat(titles).anyMatch(t -> t.startsWith("Protokoll från LSVO " + weekdaysAhead(12))));
        assertThat(db.sql("SELECT count(*) AS n FROM event WHERE type = 'MinutesPublished' AND payload->>'minutes' = :id")
                .bind("id", new String(Base64.getUrlDecoder().decode(minutes), StandardCharsets.UTF_8).substring("Minutes:".length()))
                .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(1);
    }

    @Autowired
    se.samverkan.api.tenant.TenantTransactions tenant;

    /** LSVO-14: signing delivered the minutes to Region Blekinge's HSN; no other party sees that inbox by any path. */
    private void inboxGetsTheMinutesForItsOwnPartyOnly(String minutes) {
        String hsn = graphQl.document("{ party(code: \"region-blekinge\") { committees { id code } } }").execute()
                .path("party.committees[?(@.code == 'hsn')].id").entityList(String.class).get().getFirst();
        String inbox = "query($c: ID!) { inbox(committee: $c) { totalCount edges { node { id title rule kind fromBody { shortName } } } } }";
        String item = as("sekreterare.lsvo").document(inbox).variable("c", hsn).execute()
                .path("inbox.edges[0].node.rule").entity(String.class).isEqualTo("LSVO-14")
                .path("inbox.edges[0].node.fromBody.shortName").entity(String.class).isEqualTo("LSVO")
                .path("inbox.edges[0].node.id").entity(String.class).get();
        for (HttpGraphQlTester other : List.of(as("handlaggare.karlskrona"), as("handlaggare.ronneby"), graphQl)) {
            other.document(inbox).variable("c", hsn).execute().path("inbox.totalCount").entity(Integer.class).isEqualTo(0);
            other.document("query($i: ID!) { node(id: $i) { id } }").variable("i", item).execute().path("node").valueIsNull();
        }
        String ack = "mutation($i: ID!) { acknowledgeInboxItem(input: { item: $i, note: \"Anmäls i nämnden\" }) { item { note acknowledgedAt } errors { code } } }";
        as("handlaggare.karlskrona").document(ack).variable("i", item).execute()
                .path("acknowledgeInboxItem.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        as("sekreterare.lsvo").document(ack).variable("i", item).execute()
                .path("acknowledgeInboxItem.item.note").entity(String.class).isEqualTo("Anmäls i nämnden");
        String uuid = new String(Base64.getUrlDecoder().decode(item), StandardCharsets.UTF_8).substring("InboxItem:".length());
        assertThat(tenant.asParty("karlskrona", () -> db.sql("SELECT count(*) AS n FROM inbox_item WHERE id = CAST(:id AS uuid)")
                .bind("id", uuid).map(r -> r.get("n", Long.class)).one()).block()).isZero();
        assertThat(tenant.asParty("region-blekinge", () -> db.sql("SELECT count(*) AS n FROM inbox_item WHERE id = CAST(:id AS uuid)")
                .bind("id", uuid).map(r -> r.get("n", Long.class)).one()).block()).isEqualTo(1);
        assertThat(minutes).isNotBlank();
    }
}
