package se.samverkan.api.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import se.samverkan.api.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structure files are loaded at every start: loading them again keeps every id, and what left the files leaves
 * the database (appointments, relations) — the database says what the files say.
 */
class StructureReimportIntegrationTest extends IntegrationTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient db;

    private void importFrom(String... locations) {
        Flyway.configure().configuration(flyway.getConfiguration())
                .callbacks(new StructureImport(new StructureProperties(List.of(locations)), json))
                .load().migrate();
    }

    private List<String> appointmentIds() {
        return db.sql("SELECT id::text AS id FROM appointment ORDER BY id").map(r -> r.get("id", String.class)).all()
                .collectList().block();
    }

    private String lsvoChairHolder() {
        return graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") { seats(role: CHAIR) { edges { node { holder { name } } } } } }""")
                .execute()
                .path("body.seats.edges[0].node.holder.name").entity(String.class).get();
    }

    @Test
    void reloadingKeepsIdsAndRemovesAppointmentsThatLeftTheFiles() {
        List<String> before = appointmentIds();
        String chair = lsvoChairHolder();
        assertThat(before).isNotEmpty();

        importFrom("classpath:structure/*.yaml", "classpath:demo/*.yaml");
        assertThat(appointmentIds()).isEqualTo(before);

        importFrom("classpath:structure/*.yaml");
        assertThat(appointmentIds()).isEmpty();
        graphQl.document("""
                { body(county: "blekinge", shortName: "LSVO") { seats(role: CHAIR) { edges { node { holder { name } } } } } }""")
                .execute().path("body.seats.edges[0].node.holder").valueIsNull();

        importFrom("classpath:structure/*.yaml", "classpath:demo/*.yaml");
        assertThat(appointmentIds()).isEqualTo(before);
        assertThat(lsvoChairHolder()).isEqualTo(chair);
    }
}
