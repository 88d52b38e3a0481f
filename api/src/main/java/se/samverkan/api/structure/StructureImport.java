package se.samverkan.api.structure;

import static se.samverkan.api.db.StartupImport.batch;
import static se.samverkan.api.db.StartupImport.date;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import se.samverkan.api.db.StartupImport;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import se.samverkan.domain.Period;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyRelation;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SubjectArea;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the structure files after every migration, in the migration's own JDBC session and in one transaction:
 * start-up is the one place this service blocks, before it serves anything. Invalid files stop start-up with every
 * problem listed by file and line. Rows are upserted by their derived ids, so a restart changes nothing but what the
 * files changed.
 */
@Component
class StructureImport implements Callback {

    private static final Log log = LogFactory.getLog(StructureImport.class);

    private final StructureProperties properties;
    private final JsonMapper json;

    StructureImport(StructureProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "samverkan-structure-import";
    }

    @Override
    public void handle(Event event, Context context) {
        long started = System.nanoTime();
        Structure structure = StructureReader.read(files());
        StartupImport.inTransaction(context.getConnection(), "the structure", connection -> write(connection, structure));
        log.info("Structure loaded: " + structure.counties().size() + " counties, " + structure.parties().size()
                + " parties, " + structure.bodies().size() + " bodies, " + structure.seats().size() + " seats, "
                + structure.people().size() + " people in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private Map<String, Supplier<InputStream>> files() {
        return StartupImport.files(properties.locations(), "structure files");
    }

    private void write(Connection c, Structure s) throws SQLException {
        batch(c, """
                INSERT INTO county (code, number, name) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET number = excluded.number, name = excluded.name""",
                s.counties(), (p, v) -> {
                    p.setString(1, v.code());
                    p.setInt(2, v.number());
                    p.setString(3, v.name());
                });
        batch(c, """
                INSERT INTO subject_area (code, name) VALUES (?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name""",
                s.subjectAreas(), (p, v) -> {
                    p.setString(1, v.code());
                    p.setString(2, v.name());
                });
        batch(c, """
                INSERT INTO party (id, code, county_code, name, kind, organisation_number, valid_from, valid_to,
                                   successor_id, former_names)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET code = excluded.code, county_code = excluded.county_code,
                    name = excluded.name, kind = excluded.kind, organisation_number = excluded.organisation_number,
                    valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                    successor_id = excluded.successor_id, former_names = excluded.former_names""",
                s.parties(), (p, v) -> {
                    p.setObject(1, v.id().value());
                    p.setString(2, v.code());
                    p.setString(3, v.countyCode());
                    p.setString(4, v.name());
                    p.setString(5, v.kind().name());
                    p.setString(6, v.organisationNumber());
                    period(p, 7, v.validity());
                    p.setObject(9, v.successor() == null ? null : v.successor().value(), Types.OTHER);
                    p.setString(10, json.writeValueAsString(v.formerNames()));
                });
        batch(c, """
                INSERT INTO committee (id, party_id, code, name, kind, subject_areas, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    subject_areas = excluded.subject_areas, valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                s.committees(), (p, v) -> {
                    p.setObject(1, v.id().value());
                    p.setObject(2, v.party().value());
                    p.setString(3, v.code());
                    p.setString(4, v.name());
                    p.setString(5, v.kind().name());
                    p.setArray(6, texts(c, v.subjectAreas()));
                    period(p, 7, v.validity());
                });
        batch(c, """
                INSERT INTO body (id, county_code, short_name, name, kind, level, binds_parties, description,
                                  owner_party_id, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, level = excluded.level,
                    binds_parties = excluded.binds_parties, description = excluded.description,
                    owner_party_id = excluded.owner_party_id, valid_from = excluded.valid_from,
                    valid_to = excluded.valid_to""",
                s.bodies(), (p, v) -> {
                    p.setObject(1, v.id().value());
                    p.setString(2, v.countyCode());
                    p.setString(3, v.shortName());
                    p.setString(4, v.name());
                    p.setString(5, v.kind().name());
                    p.setString(6, v.level().name());
                    p.setBoolean(7, v.bindsParties());
                    p.setString(8, v.description());
                    p.setObject(9, v.ownerParty() == null ? null : v.ownerParty().value(), Types.OTHER);
                    period(p, 10, v.validity());
                });
        batch(c, """
                INSERT INTO body_relation (from_body_id, kind, to_body_id, rule, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (from_body_id, kind, to_body_id) DO UPDATE SET rule = excluded.rule,
                    valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                s.relations(), (p, v) -> {
                    p.setObject(1, v.from().value());
                    p.setString(2, v.kind().name());
                    p.setObject(3, v.to().value());
                    p.setString(4, v.rule());
                    period(p, 5, v.validity());
                });
        batch(c, """
                INSERT INTO rulebook (id, body_id, version, in_force_from, decided_on, decided_by, next_revision_due,
                                      source, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET in_force_from = excluded.in_force_from, decided_on = excluded.decided_on,
                    decided_by = excluded.decided_by, next_revision_due = excluded.next_revision_due,
                    source = excluded.source, document = excluded.document""",
                s.rulebooks(), (p, v) -> {
                    p.setObject(1, v.id().value());
                    p.setObject(2, v.body().value());
                    p.setString(3, v.version());
                    p.setObject(4, v.inForceFrom());
                    date(p, 5, v.decidedOn());
                    p.setString(6, v.decidedBy());
                    date(p, 7, v.nextRevisionDue());
                    p.setString(8, v.source());
                    p.setString(9, json.writeValueAsString(v));
                });
        batch(c, """
                INSERT INTO seat (id, body_id, key, party_id, external_organisation, function, title, role,
                                  subject_areas, decision_mandate, committee_id, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET party_id = excluded.party_id,
                    external_organisation = excluded.external_organisation, function = excluded.function,
                    title = excluded.title, role = excluded.role, subject_areas = excluded.subject_areas,
                    decision_mandate = excluded.decision_mandate, committee_id = excluded.committee_id,
                    valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                s.seats(), (p, v) -> {
                    p.setObject(1, v.id().value());
                    p.setObject(2, v.body().value());
                    p.setString(3, v.key());
                    p.setObject(4, v.party() == null ? null : v.party().value(), Types.OTHER);
                    p.setString(5, v.externalOrganisation());
                    p.setString(6, v.function());
                    p.setString(7, v.title());
                    p.setString(8, v.role().name());
                    p.setArray(9, texts(c, v.subjectAreas()));
                    p.setBoolean(10, v.decisionMandate());
                    p.setObject(11, v.committee() == null ? null : v.committee().value(), Types.OTHER);
                    period(p, 12, v.validity());
                });
        batch(c, """
                INSERT INTO person (id, name, username, party_code, login_roles) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, username = excluded.username,
                    party_code = excluded.party_code, login_roles = excluded.login_roles""",
                s.people(), (p, v) -> {
                    p.setObject(1, v.person().id().value());
                    p.setString(2, v.person().name());
                    p.setString(3, v.person().username());
                    p.setString(4, v.person().partyCode());
                    p.setArray(5, texts(c, v.roles()));
                });
        batch(c, """
                INSERT INTO appointment (id, person_id, seat_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET valid_from = excluded.valid_from, valid_to = excluded.valid_to""",
                s.appointments(), (p, v) -> {
                    p.setObject(1, v.id().value());
                    p.setObject(2, v.person().value());
                    p.setObject(3, v.seat().value());
                    period(p, 4, v.period());
                });
        batch(c, """
                INSERT INTO agreement (id, county_code, name, case_number, in_force_from, validity_years,
                                       amendment_rule, rules)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, case_number = excluded.case_number,
                    in_force_from = excluded.in_force_from, validity_years = excluded.validity_years,
                    amendment_rule = excluded.amendment_rule, rules = excluded.rules""",
                s.agreements(), (p, v) -> {
                    p.setObject(1, v.id().value());
                    p.setString(2, v.countyCode());
                    p.setString(3, v.name());
                    p.setString(4, v.caseNumber());
                    p.setObject(5, v.inForceFrom());
                    p.setObject(6, v.validityYears(), Types.INTEGER);
                    p.setString(7, v.amendmentRule().name());
                    p.setArray(8, texts(c, v.rules()));
                });
        removeWhatTheFilesNoLongerSay(c, s);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM agreement_party WHERE agreement_id = ?")) {
            for (Agreement a : s.agreements()) {
                delete.setObject(1, a.id().value());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        List<Object[]> members = s.agreements().stream().flatMap(a -> java.util.stream.IntStream
                .range(0, a.foundingParties().size())
                .mapToObj(i -> new Object[] {a.id().value(), a.foundingParties().get(i).value(), i})).toList();
        batch(c, "INSERT INTO agreement_party (agreement_id, party_id, position) VALUES (?, ?, ?)", members, (p, v) -> {
            p.setObject(1, v[0]);
            p.setObject(2, v[1]);
            p.setInt(3, (Integer) v[2]);
        });
    }

    /**
     * Appointments and relations that came from the files and are no longer in them are removed, so that the
     * database says what the files say. Parties, bodies, seats and rulebooks are history others may refer to: one
     * that left the files stays, and the log names it.
     */
    private static void removeWhatTheFilesNoLongerSay(Connection c, Structure s) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM appointment WHERE from_file AND NOT (id = ANY(?))")) {
            delete.setArray(1, c.createArrayOf("uuid", s.appointments().stream().map(a -> a.id().value()).toArray()));
            int removed = delete.executeUpdate();
            if (removed > 0) {
                log.info("Removed " + removed + " appointments no longer in the structure files");
            }
        }
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE FROM body_relation r WHERE from_file AND NOT EXISTS (
                    SELECT 1 FROM unnest(?::uuid[], ?::text[], ?::uuid[]) AS f(from_id, kind, to_id)
                    WHERE f.from_id = r.from_body_id AND f.kind = r.kind AND f.to_id = r.to_body_id)""")) {
            delete.setArray(1, c.createArrayOf("uuid", s.relations().stream().map(r -> r.from().value()).toArray()));
            delete.setArray(2, c.createArrayOf("text", s.relations().stream().map(r -> r.kind().name()).toArray()));
            delete.setArray(3, c.createArrayOf("uuid", s.relations().stream().map(r -> r.to().value()).toArray()));
            int removed = delete.executeUpdate();
            if (removed > 0) {
                log.info("Removed " + removed + " body relations no longer in the structure files");
            }
        }
        // Only the files' own counties: bodies of other counties (the national data set's) are not the files' to report.
        try (PreparedStatement stale = c.prepareStatement("""
                SELECT 'body ' || short_name FROM body WHERE county_code = ANY(?) AND NOT (id = ANY(?))
                UNION ALL SELECT 'seat ' || s.key FROM seat s JOIN body b ON b.id = s.body_id
                WHERE b.county_code = ANY(?) AND NOT (s.id = ANY(?))""")) {
            Object[] counties = s.counties().stream().map(County::code).toArray();
            stale.setArray(1, c.createArrayOf("text", counties));
            stale.setArray(2, c.createArrayOf("uuid", s.bodies().stream().map(b -> b.id().value()).toArray()));
            stale.setArray(3, c.createArrayOf("text", counties));
            stale.setArray(4, c.createArrayOf("uuid", s.seats().stream().map(x -> x.id().value()).toArray()));
            try (var rows = stale.executeQuery()) {
                List<String> kept = new java.util.ArrayList<>();
                while (rows.next()) {
                    kept.add(rows.getString(1));
                }
                if (!kept.isEmpty()) {
                    log.warn("Kept " + kept.size() + " rows that are no longer in the structure files (history): " + kept);
                }
            }
        }
    }

    private static void period(PreparedStatement p, int index, Period period) throws SQLException {
        date(p, index, period.from());
        date(p, index + 1, period.to());
    }

    private static Array texts(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }
}
