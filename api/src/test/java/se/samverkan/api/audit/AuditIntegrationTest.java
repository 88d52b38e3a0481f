package se.samverkan.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.support.IntegrationTest;
import se.samverkan.api.support.LsvoFlow;
import se.samverkan.api.tenant.TenantTransactions;

/**
 * The audit trail over HTTP and in PostgreSQL itself: every mutation's rows leave entries naming who, which party,
 * which mutation and the row's hashes before and after; the administrator and the body's secretary read them, nobody
 * else; the trail is append-only whatever the role; and one party's PARTY data leaves entries only that party sees.
 */
class AuditIntegrationTest extends IntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private static final String LOG = """
            query($o: ID!, $f: Int, $a: String) { auditLog(object: $o, first: $f, after: $a) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { sequence at transactionId subject party { code } operation objectType objectKey objectId change
                             beforeHash afterHash } } } }""";

    private static final String SCHEDULE = """
            mutation($b: ID!, $at: DateTime!) { scheduleMeeting(input: { body: $b, startsAt: $at, location: "Ronneby" }) {
              meeting { id } errors { code message } } }""";

    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    TenantTransactions tenant;
    @Autowired
    Flyway flyway;

    private final LsvoFlow lsvo = new LsvoFlow(this);

    private String scheduledAndNoticeSent(int weekdaysAhead) {
        HttpGraphQlTester secretary = as("sekreterare.lsvo");
        String meeting = secretary.document(SCHEDULE).variable("b", lsvo.lsvo())
                .variable("at", LsvoFlow.weekdaysAhead(weekdaysAhead) + "T13:00:00+01:00").execute()
                .path("scheduleMeeting.errors").entityList(Object.class).hasSize(0)
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        secretary.document("mutation($m: ID!) { sendNotice(input: { meeting: $m }) { errors { code message } } }")
                .variable("m", meeting).execute().path("sendNotice.errors").entityList(Object.class).hasSize(0);
        return meeting;
    }

    private List<Map<String, Object>> entries(HttpGraphQlTester as, String object) {
        return as.document(LOG).variable("o", object).variable("f", 500).execute()
                .path("auditLog.edges[*].node").entityList(MAP).get();
    }

    private static void refused(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo(classification)))
                .path("auditLog").valueIsNull();
    }

    /** The row's hash as an auditor recomputes it, by the README's recipe. */
    private String recomputedHash(String table, UUID id) {
        return transactions.transactional(db.sql("SELECT set_config('TimeZone', 'UTC', true)").fetch().rowsUpdated()
                        .then(db.sql("SELECT encode(sha256(convert_to(to_jsonb(r)::text, 'UTF8')), 'hex') AS h FROM "
                                        + table + " r WHERE id = :id").bind("id", id)
                                .map(r -> r.get("h", String.class)).one()))
                .block();
    }

    private long entryCount() {
        return Objects.requireNonNull(db.sql("SELECT count(*) AS n FROM audit_entry").map(r -> r.get("n", Long.class)).one().block());
    }

    @Test
    void scheduleMeetingAndSendNoticeAreRecordedWithWhoWhichPartyAndChainedHashes() {
        Instant started = Instant.now().minusSeconds(1);
        String meeting = scheduledAndNoticeSent(21);
        String secretary = LsvoFlow.key(lsvo.personOf(as("sekreterare.lsvo"))).toString();

        List<Map<String, Object>> log = entries(as("sekreterare.lsvo"), meeting);

        assertThat(log).extracting(e -> e.get("operation")).contains("scheduleMeeting", "sendNotice")
                .containsOnly("scheduleMeeting", "sendNotice");
        assertThat(log).allSatisfy(e -> {
            assertThat(e.get("subject")).isEqualTo(secretary);
            assertThat(e.get("party")).isEqualTo(Map.of("code", "region-blekinge"));
            assertThat((String) e.get("afterHash")).matches("[0-9a-f]{64}");
            assertThat(OffsetDateTime.parse((String) e.get("at")).toInstant()).isBetween(started, Instant.now());
        });
        // the meeting row: added by scheduleMeeting, then changed by sendNotice, each change starting from the last hash
        List<Map<String, Object>> meetingRow = log.stream().filter(e -> e.get("objectType").equals("meeting")).toList();
        assertThat(meetingRow.getFirst()).containsEntry("change", "INSERT").containsEntry("operation", "scheduleMeeting")
                .containsEntry("beforeHash", null).containsEntry("objectId", meeting);
        assertThat(meetingRow).hasSizeGreaterThan(1);
        assertThat(meetingRow.subList(1, meetingRow.size())).allSatisfy(e -> assertThat(e).containsEntry("change", "UPDATE").containsEntry("operation", "sendNotice"));
        for (int i = 1; i < meetingRow.size(); i++) {
            assertThat(meetingRow.get(i).get("beforeHash")).isEqualTo(meetingRow.get(i - 1).get("afterHash"));
        }
        // the notice belongs to the meeting's trail; it is no object of its own
        assertThat(log).filteredOn(e -> e.get("objectType").equals("notice")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("change", "INSERT").containsEntry("operation", "sendNotice").containsEntry("objectId", null);
            assertThat((String) e.get("objectKey")).contains(LsvoFlow.key(meeting).toString());
        });
        // one mutation, one transaction
        assertThat(log.stream().filter(e -> "sendNotice".equals(e.get("operation"))).map(e -> e.get("transactionId")).distinct())
                .hasSize(1);
        // an auditor recomputes the row's hash and finds the last entry's
        assertThat(recomputedHash("meeting", LsvoFlow.key(meeting))).isEqualTo(meetingRow.getLast().get("afterHash"));
    }

    @Test
    void theAdministratorReadsAnyObjectsTrailPageByPage() {
        String meeting = scheduledAndNoticeSent(22);
        int total = as("sekreterare.lsvo").document(LOG).variable("o", meeting).execute()
                .path("auditLog.totalCount").entity(Integer.class).get();
        HttpGraphQlTester admin = as("admin");
        String cursor = admin.document(LOG).variable("o", meeting).variable("f", 1).execute()
                .path("auditLog.totalCount").entity(Integer.class).isEqualTo(total)
                .path("auditLog.edges[0].node.operation").entity(String.class).isEqualTo("scheduleMeeting")
                .path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("auditLog.pageInfo.endCursor").entity(String.class).get();
        admin.document(LOG).variable("o", meeting).variable("f", 500).variable("a", cursor).execute()
                .path("auditLog.edges").entityList(Object.class).hasSize(total - 1);
        // an object that does not exist has an empty trail for the administrator
        admin.document(LOG).variable("o", new GlobalId("Meeting", UUID.randomUUID().toString()).encode()).execute()
                .path("auditLog.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void membersReadersTheChairAndAnonymousCallersAreRefused() {
        String meeting = scheduledAndNoticeSent(23);
        for (HttpGraphQlTester caller : List.of(as("aldrechef.karlskrona"), as("handlaggare.karlskrona"),
                holderOf("LSVO", "CHAIR"))) {
            refused(caller.document(LOG).variable("o", meeting).execute(), "FORBIDDEN");
        }
        refused(graphQl.document(LOG).variable("o", meeting).execute(), "UNAUTHORIZED");
    }

    @Test
    void theSecretaryOfAnotherBodyIsRefusedExactlyAsForAnObjectThatDoesNotExist() {
        // a Norrbotten PB member asks for an extra meeting (NB-04): entries under PB, which LSVO's secretary does not serve
        String pb = graphQl.document("{ body(county: \"norrbotten\", shortName: \"PB\") { id } }").execute()
                .path("body.id").entity(String.class).get();
        holderIn("norrbotten", "PB", "MEMBER").document("""
                        mutation($b: ID!) { requestExtraMeeting(input: { body: $b, reason: "Budgetläget" }) { errors { code message } } }""")
                .variable("b", pb).execute().path("requestExtraMeeting.errors").entityList(Object.class).hasSize(0);
        entries(as("admin"), pb).forEach(e -> assertThat(e).containsEntry("operation", "requestExtraMeeting"));
        assertThat(entries(as("admin"), pb)).isNotEmpty();

        HttpGraphQlTester lsvoSecretary = as("sekreterare.lsvo");
        GraphQlTester.Response other = lsvoSecretary.document(LOG).variable("o", pb).execute();
        GraphQlTester.Response missing = lsvoSecretary.document(LOG)
                .variable("o", new GlobalId("Body", UUID.randomUUID().toString()).encode()).execute();
        GraphQlTester.Response malformed = lsvoSecretary.document(LOG).variable("o", "not-an-id").execute();
        for (GraphQlTester.Response response : List.of(other, missing, malformed)) {
            refused(response, "FORBIDDEN");
        }
        String[] messages = new String[3];
        other.errors().satisfy(errors -> messages[0] = errors.getFirst().getMessage());
        missing.errors().satisfy(errors -> messages[1] = errors.getFirst().getMessage());
        malformed.errors().satisfy(errors -> messages[2] = errors.getFirst().getMessage());
        assertThat(messages[1]).isEqualTo(messages[0]);
        assertThat(messages[2]).isEqualTo(messages[0]);
    }

    @Test
    void theServiceRoleCanNeitherChangeNorDeleteNorForgeAnEntry() {
        scheduledAndNoticeSent(24);
        long before = entryCount();
        assertThat(before).isPositive();
        for (String sql : List.of("UPDATE audit_entry SET subject = 'someone else'", "DELETE FROM audit_entry",
                "TRUNCATE audit_entry", """
                INSERT INTO audit_entry (object_type, object_key, change, after_hash, node_type, node_id)
                VALUES ('meeting', '{}', 'INSERT', repeat('0', 64), 'Meeting', gen_random_uuid())""")) {
            assertThatThrownBy(() -> db.sql(sql).fetch().rowsUpdated().block()).as(sql).hasMessageContaining("permission denied");
        }
        assertThat(entryCount()).isEqualTo(before);
    }

    @Test
    void evenTheOwnerCannotChangeDeleteOrTruncateTheTrail() throws Exception {
        scheduledAndNoticeSent(25);
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection(); Statement s = owner.createStatement()) {
            for (String sql : List.of("UPDATE audit_entry SET subject = 'someone else'", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void aRefusedMutationWritesNoEntry() {
        long before = entryCount();
        as("aldrechef.karlskrona").document(SCHEDULE).variable("b", lsvo.lsvo())
                .variable("at", LsvoFlow.weekdaysAhead(26) + "T13:00:00+01:00").execute()
                .path("scheduleMeeting.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("scheduleMeeting.meeting").valueIsNull();
        as("handlaggare.ronneby").document("mutation($i: ID!) { acknowledgeInboxItem(input: { item: $i }) { errors { code } } }")
                .variable("i", new GlobalId("InboxItem", UUID.randomUUID().toString()).encode()).execute()
                .path("acknowledgeInboxItem.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        assertThat(entryCount()).isEqualTo(before);
    }

    @Test
    void eachMutationOfOneRequestIsRecordedUnderItsOwnName() {
        HttpGraphQlTester chair = holderOf("LSVO", "CHAIR");
        String meeting = chair.document("""
                        mutation($b: ID!, $at: DateTime!) {
                          s: scheduleMeeting(input: { body: $b, startsAt: $at, location: "Olofström" }) { meeting { id } errors { code } }
                          e: requestExtraMeeting(input: { body: $b, reason: "Akut fråga" }) { errors { code message } } }""")
                .variable("b", lsvo.lsvo()).variable("at", LsvoFlow.weekdaysAhead(27) + "T13:00:00+01:00").execute()
                .path("s.errors").entityList(Object.class).hasSize(0)
                .path("e.errors").entityList(Object.class).hasSize(0)
                .path("s.meeting.id").entity(String.class).get();
        assertThat(entries(as("sekreterare.lsvo"), meeting)).extracting(e -> e.get("operation")).containsOnly("scheduleMeeting");
        assertThat(entries(as("sekreterare.lsvo"), lsvo.lsvo())).filteredOn(e -> e.get("objectType").equals("extra_meeting_request"))
                .extracting(e -> e.get("operation")).contains("requestExtraMeeting").doesNotContain("scheduleMeeting");
    }

    @Test
    void onePartysInboxHandlingIsAuditedForThatPartyOnlyAndNeverShownToAnother() {
        String minutes = lsvo.signedMinutes(28, "Läxhjälp");
        HttpGraphQlTester karlskronaReader = as("handlaggare.karlskrona");
        String bun = graphQl.document("{ party(code: \"karlskrona\") { committees { id code } } }").execute()
                .path("party.committees[?(@.code == 'bun')].id").entityList(String.class).get().getFirst();
        String item = karlskronaReader.document("query($c: ID!) { inbox(committee: $c) { edges { node { id minutes { id } } } } }")
                .variable("c", bun).execute().path("inbox.edges[*].node").entityList(MAP).get().stream()
                .filter(n -> n.get("minutes") != null && minutes.equals(((Map<?, ?>) n.get("minutes")).get("id")))
                .map(n -> (String) n.get("id")).findFirst().orElseThrow();
        karlskronaReader.document("mutation($i: ID!) { acknowledgeInboxItem(input: { item: $i, note: \"Till rektorerna\" }) { errors { code } } }")
                .variable("i", item).execute().path("acknowledgeInboxItem.errors").entityList(Object.class).hasSize(0);
        UUID key = LsvoFlow.key(item);

        // in PostgreSQL: Karlskrona's transactions see the delivery and the handling, by whom and in which mutation
        String sql = "SELECT object_type, operation, subject, party_code FROM audit_entry WHERE node_id = :id ORDER BY id";
        List<Map<String, Object>> asKarlskrona = tenant.asPartyMany("karlskrona", () -> db.sql(sql).bind("id", key).fetch().all())
                .collectList().block();
        assertThat(asKarlskrona).extracting(e -> e.get("object_type") + " " + e.get("operation"))
                .containsExactly("inbox_item signMinutes", "inbox_handling acknowledgeInboxItem");
        assertThat(asKarlskrona.getLast()).containsEntry("subject", LsvoFlow.key(lsvo.personOf(karlskronaReader)).toString())
                .containsEntry("party_code", "karlskrona");
        // ... and no other party's transaction, nor one without a party, sees any of it
        for (String party : new String[] {"ronneby", "region-blekinge", ""}) {
            assertThat(tenant.asPartyMany(party, () -> db.sql(sql).bind("id", key).fetch().all()).collectList().block())
                    .as(party).isEmpty();
        }
        // over GraphQL: LSVO's secretary (Region Blekinge) is refused as for anything not theirs; the administrator,
        // of Region Blekinge too, finds nothing
        refused(as("sekreterare.lsvo").document(LOG).variable("o", item).execute(), "FORBIDDEN");
        as("admin").document(LOG).variable("o", item).execute().path("auditLog.totalCount").entity(Integer.class).isEqualTo(0);
        refused(as("handlaggare.ronneby").document(LOG).variable("o", item).execute(), "FORBIDDEN");
        // the minutes' own trail is the body's: its secretary reads who signed
        assertThat(entries(as("sekreterare.lsvo"), minutes)).extracting(e -> e.get("objectType") + " " + e.get("operation"))
                .contains("minutes draftMinutes", "minutes_signature signMinutes", "minutes signMinutes");
    }

    /** Every entry after the given one, as the owner sees them (every party's included): operation → entries without a subject. */
    private Map<String, Long> unattributedByOperationSince(long after) throws Exception {
        Map<String, Long> found = new java.util.TreeMap<>();
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection();
                java.sql.PreparedStatement p = owner.prepareStatement("""
                        SELECT coalesce(operation, '(none)'), count(*) FILTER (WHERE subject IS NULL OR party_code IS NULL)
                        FROM audit_entry WHERE id > ? GROUP BY 1""")) {
            p.setLong(1, after);
            try (java.sql.ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return found;
    }

    private long lastEntry() throws Exception {
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection(); Statement s = owner.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) FROM audit_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void everyWriteOfAMeetingsWholeCourseNamesItsWriterAndItsMutation() throws Exception {
        long before = lastEntry();
        String[] held = lsvo.heldMeetingWithSchoolDecision(LsvoFlow.weekdaysAhead(29), "Elevhälsa");
        String minutes = lsvo.draft(held[0]);
        lsvo.signAllButLast(minutes);
        lsvo.signLast(minutes);
        lsvo.publish(minutes);
        String decision = as("sekreterare.lsvo").document("query($m: ID!) { matter(id: $m) { decision { id } } }")
                .variable("m", held[1]).execute().path("matter.decision.id").entity(String.class).get();
        String bun = graphQl.document("{ party(code: \"karlskrona\") { committees { id code } } }").execute()
                .path("party.committees[?(@.code == 'bun')].id").entityList(String.class).get().getFirst();
        String recommendation = as("sekreterare.lsvo").document("""
                        mutation($d: ID!, $to: [ID!]!) { issueRecommendation(input: { decision: $d, text: "Gemensam elevhälsa", to: $to }) {
                          recommendation { id } errors { code } } }""")
                .variable("d", decision).variable("to", List.of(bun)).execute()
                .path("issueRecommendation.recommendation.id").entity(String.class).get();
        as("handlaggare.karlskrona").document("""
                        mutation($r: ID!, $c: ID!) { answerRecommendation(input: { recommendation: $r, committee: $c, answer: ADOPTED }) {
                          errors { code } } }""")
                .variable("r", recommendation).variable("c", bun).execute()
                .path("answerRecommendation.errors").entityList(Object.class).hasSize(0);
        String planned = as("sekreterare.lsvo").document(SCHEDULE).variable("b", lsvo.lsvo())
                .variable("at", LsvoFlow.weekdaysAhead(31) + "T13:00:00+01:00").execute()
                .path("scheduleMeeting.meeting.id").entity(String.class).get();
        holderOf("LSVO", "CHAIR").document("mutation($m: ID!) { cancelMeeting(input: { meeting: $m, reason: \"Krockar\" }) { errors { code } } }")
                .variable("m", planned).execute().path("cancelMeeting.errors").entityList(Object.class).hasSize(0);
        as("skolchef.ronneby").document("mutation($b: ID!) { requestExtraMeeting(input: { body: $b, reason: \"Skolstart\" }) { errors { code } } }")
                .variable("b", lsvo.lsvo()).execute().path("requestExtraMeeting.errors").entityList(Object.class).hasSize(0);
        Instant now = Instant.now();
        HttpGraphQlTester integration = withToken(devIssuer.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(devIssuer.issuer()).subject("integration-" + UUID.randomUUID()).audience("samverkan-api")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("organisation", "region-blekinge")
                .claim("realm_access", Map.of("roles", List.of("integration"))).build()));
        String webhook = integration.document("mutation { registerWebhook(input: { url: \"https://app.example/hook\" }) { webhook { id } } }")
                .execute().path("registerWebhook.webhook.id").entity(String.class).get();
        integration.document("mutation($w: ID!) { deleteWebhook(input: { webhook: $w }) { errors { code } } }").variable("w", webhook)
                .execute().path("deleteWebhook.errors").entityList(Object.class).hasSize(0);

        Map<String, Long> unattributed = unattributedByOperationSince(before);
        assertThat(unattributed.keySet()).containsExactlyInAnyOrder("scheduleMeeting", "submitMatter", "admitLateMatter",
                "triageMatter", "sendNotice", "declarePosition", "decide", "recordAttendance", "draftMinutes", "signMinutes",
                "publishMinutes", "issueRecommendation", "answerRecommendation", "cancelMeeting", "requestExtraMeeting",
                "registerWebhook", "deleteWebhook");
        assertThat(unattributed.values()).as("entries without subject or party, by mutation: %s", unattributed).containsOnly(0L);
        // the deleted webhook's trail outlives it, for the administrator
        assertThat(entries(as("admin"), webhook)).extracting(e -> e.get("change") + " " + e.get("operation"))
                .containsExactly("INSERT registerWebhook", "DELETE deleteWebhook");
    }

    @Test
    void theStartUpImportIsRecordedAsTheSystem() {
        UUID demoMeeting = db.sql("SELECT node_id FROM audit_entry WHERE node_type = 'Meeting' AND subject IS NULL ORDER BY id LIMIT 1")
                .map(r -> r.get("node_id", UUID.class)).one().block();
        assertThat(demoMeeting).isNotNull();
        assertThat(entries(as("admin"), new GlobalId("Meeting", demoMeeting.toString()).encode())).first()
                .satisfies(e -> assertThat(e).containsEntry("change", "INSERT").containsEntry("subject", null)
                        .containsEntry("operation", null).containsEntry("party", null));
    }

    /** A token for whoever holds a seat of this role in a body today, signed by the dev issuer. */
    private HttpGraphQlTester holderIn(String county, String body, String role) {
        Map<?, ?> holder = graphQl.document("""
                        query($c: String!, $s: String, $r: SeatRole) { body(county: $c, shortName: $s) {
                          seats(role: $r) { edges { node { holder { id party { code } } } } } } }""")
                .variable("c", county).variable("s", body).variable("r", role).execute()
                .path("body.seats.edges[0].node.holder").entity(Map.class).get();
        String uuid = new String(Base64.getUrlDecoder().decode((String) holder.get("id")), StandardCharsets.UTF_8)
                .substring("Person:".length());
        Instant now = Instant.now();
        return withToken(devIssuer.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(devIssuer.issuer())
                .subject(uuid).audience("samverkan-api").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("organisation", ((Map<?, ?>) holder.get("party")).get("code"))
                .claim("realm_access", Map.of("roles", List.of("member"))).build()));
    }
}
