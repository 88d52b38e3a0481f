package se.samverkan.api.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import se.samverkan.api.support.IntegrationTest;

/**
 * A committee's inbox is paged in PostgreSQL: walking it page by page gives every item once, newest first, with the
 * whole inbox's count on every page (also past its end), and the state filter counts what it shows. Its own context,
 * so that the 25 items written here as the database owner land in no other test's inbox.
 */
@TestPropertySource(properties = "samverkan.test.context=inbox-paging")
class InboxPagingIntegrationTest extends IntegrationTest {

    private static final int ITEMS = 25;
    private static final int ACKNOWLEDGED = 4;

    @Autowired
    Environment environment;

    private String committee;
    private HttpGraphQlTester karlskrona;

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password", ""));
    }

    @BeforeEach
    void twentyFiveItemsInKarlskronasSocialCommitteesInbox() throws SQLException {
        karlskrona = as("handlaggare.karlskrona");
        Map<?, ?> sn = graphQl.document("{ party(code: \"karlskrona\") { committees { id code } } }").execute()
                .path("party.committees").entityList(Map.class).get().stream()
                .filter(c -> c.get("code").equals("sn")).findFirst().orElseThrow();
        committee = (String) sn.get("id");
        UUID committeeId = UUID.fromString(new String(java.util.Base64.getUrlDecoder().decode(committee),
                java.nio.charset.StandardCharsets.UTF_8).substring("Committee:".length()));
        try (Connection c = owner()) {
            if (c.createStatement().executeQuery("SELECT 1 FROM inbox_item WHERE committee_id = '" + committeeId + "'").next()) {
                return; // written by an earlier test of this class
            }
            try (PreparedStatement item = c.prepareStatement("""
                    INSERT INTO inbox_item (id, committee_id, party_code, kind, from_body, title, arrived_at)
                    SELECT gen_random_uuid(), ?, 'karlskrona', 'FORWARDED_MATTER', (SELECT id FROM body WHERE short_name = 'LSVO'),
                           'Utskick ' || n, timestamptz '2026-01-01 10:00+01' + n * interval '1 day'
                    FROM generate_series(1, ?) AS n""")) {
                item.setObject(1, committeeId);
                item.setInt(2, ITEMS);
                item.executeUpdate();
            }
            c.createStatement().executeUpdate("""
                    INSERT INTO inbox_handling (item_id, party_code, handled_by)
                    SELECT id, party_code, 'test' FROM inbox_item WHERE committee_id = '%s' AND title IN ('Utskick 2', 'Utskick 3', 'Utskick 10', 'Utskick 25')"""
                    .formatted(committeeId));
        }
    }

    private Map<String, Object> page(Integer first, String after, String state) {
        @SuppressWarnings("unchecked")
        Map<String, Object> page = karlskrona.document("""
                query($c: ID!, $first: Int, $after: String, $state: InboxState) {
                  inbox(committee: $c, first: $first, after: $after, state: $state) {
                    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { title state } } } }""")
                .variable("c", committee).variable("first", first).variable("after", after).variable("state", state)
                .execute().path("inbox").entity(Map.class).get();
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("edges")).stream()
                .map(e -> (String) ((Map<String, Object>) e.get("node")).get("title")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void walkingTheInboxInPagesOfSevenGivesEveryItemOnceNewestFirst() {
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            Map<String, Object> page = page(7, after, null);
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            assertThat(page.get("totalCount")).isEqualTo(ITEMS);
            assertThat(info.get("hasPreviousPage")).isEqualTo(pages > 0);
            walked.addAll(titles(page));
            pages++;
            if (!(Boolean) info.get("hasNextPage")) {
                break;
            }
            after = (String) info.get("endCursor");
        }
        assertThat(pages).isEqualTo(4);
        List<String> newestFirst = new ArrayList<>();
        for (int n = ITEMS; n >= 1; n--) {
            newestFirst.add("Utskick " + n);
        }
        assertThat(walked).isEqualTo(newestFirst);
        assertThat(titles(page(20, null, null))).isEqualTo(newestFirst.subList(0, 20));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pastTheEndAndPagesOfNoneStillCountTheWholeInbox() {
        String last = (String) ((Map<String, Object>) page(ITEMS, null, null).get("pageInfo")).get("endCursor");
        Map<String, Object> beyond = page(5, last, null);
        assertThat(titles(beyond)).isEmpty();
        assertThat(beyond.get("totalCount")).isEqualTo(ITEMS);
        Map<String, Object> none = page(0, null, null);
        assertThat(titles(none)).isEmpty();
        assertThat(none.get("totalCount")).isEqualTo(ITEMS);
        assertThat(((Map<String, Object>) none.get("pageInfo")).get("hasNextPage")).isEqualTo(true);
    }

    @Test
    void theStateFilterCountsWhatItShows() {
        Map<String, Object> handled = page(2, null, "ACKNOWLEDGED");
        assertThat(handled.get("totalCount")).isEqualTo(ACKNOWLEDGED);
        assertThat(titles(handled)).containsExactly("Utskick 25", "Utskick 10");
        Map<String, Object> fresh = page(50, null, "NEW");
        assertThat(fresh.get("totalCount")).isEqualTo(ITEMS - ACKNOWLEDGED);
        assertThat(titles(fresh)).hasSize(ITEMS - ACKNOWLEDGED).doesNotContain("Utskick 2", "Utskick 3", "Utskick 10", "Utskick 25");
    }

    @Test
    void anotherPartysReaderCountsNothing() {
        assertThat(as("handlaggare.ronneby").document("query($c: ID!) { inbox(committee: $c, first: 5) { totalCount edges { cursor } } }")
                .variable("c", committee).execute().path("inbox.totalCount").entity(Integer.class).get()).isZero();
    }
}
