package se.samverkan.api.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.demo.DemoYear.BodyDefaults;
import se.samverkan.api.demo.DemoYear.DocumentEntry;
import se.samverkan.api.demo.DemoYear.MatterEntry;
import se.samverkan.api.demo.DemoYear.MeetingEntry;
import se.samverkan.api.demo.DemoYear.Where;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingKind;
import se.samverkan.domain.meeting.MeetingRules;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.NoticeRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.StandingAgendaItem;
import se.samverkan.domain.rulebook.SubmissionRule;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.SeatRole;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a read {@link DemoYear} into rows, against the structure already in the database: bodies, people, their seats
 * and the rulebook in force on each date. Everything the rulebook decides is computed here — notice due days and
 * senders (LSVO-08, PSVO-06), preparation meetings (LSVO-24), agendas (LSVO-09, PSVO-08) — and every act is checked
 * against who the rulebook lets do it (LSVO-10, LSVO-12, LSVO-21, LSVO-28) and against the document deadlines
 * (LSVO-11). Problems are collected with the file and line of the entry.
 */
final class DemoYearPlan {

    record MeetingRow(UUID id, BodyId body, MeetingKind kind, OffsetDateTime startsAt, String location, MeetingState state,
            @Nullable UUID preparationFor, String scheduledBy, OffsetDateTime scheduledAt, @Nullable String cancelledBy,
            @Nullable OffsetDateTime cancelledAt, @Nullable String cancelReason) {
    }

    record NoticeRow(UUID meeting, OffsetDateTime sentAt, LocalDate sentOn, String sentBy, @Nullable LocalDate dueOn,
            @Nullable String rule, String agenda) {
    }

    record MatterRow(UUID id, BodyId body, String title, String description, String type, @Nullable String decisionCategory,
            List<String> subjectAreas, String state, String submittedBy, OffsetDateTime submittedAt,
            @Nullable LocalDate documentsCompleteOn, @Nullable UUID meeting, @Nullable Integer agendaPosition,
            @Nullable Boolean prepared, @Nullable Boolean anchored, @Nullable String admittedLateBy,
            @Nullable String complementRequest, @Nullable String stateNote, @Nullable UUID forwardedFrom) {
    }

    record DocumentRow(UUID id, UUID matter, String name, String mediaType, byte[] content, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt) {
    }

    /** Everything to write, in an order the foreign keys accept. */
    record Rows(List<MeetingRow> meetings, List<MatterRow> matters, List<DocumentRow> documents, List<NoticeRow> notices) {
    }

    /** Times of day of the acts the files give only a date for. */
    private static final LocalTime SCHEDULED_AT = LocalTime.of(10, 0);
    private static final LocalTime SUBMITTED_AT = LocalTime.of(10, 0);
    private static final LocalTime UPLOADED_AT = LocalTime.of(11, 0);
    private static final LocalTime NOTICE_SENT_AT = LocalTime.of(8, 30);
    private static final LocalTime CANCELLED_AT = LocalTime.of(15, 0);

    /** Secretary and chair run a body's administration where the rulebook names nobody else (as MatterService). */
    private static final Set<Actor> ADMINISTRATION = Set.of(Actor.SECRETARY, Actor.CHAIR);
    /** The relations a matter may be forwarded along (LSVO-28), as MatterService. */
    private static final Set<String> FORWARDING = Set.of("PREPARES_FOR", "REPORTS_TO", "LINKED_POLITICAL_COUNCIL");

    private record Held(UUID person, SeatRole role, @Nullable LocalDate from, @Nullable LocalDate to) {

        boolean on(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
        }
    }

    private final Connection c;
    private final JsonMapper json;
    private final List<DemoYearException.Problem> problems = new ArrayList<>();
    private final Set<BodyId> bodies = new HashSet<>();
    private final Set<UUID> people = new HashSet<>();
    private final Set<String> subjectAreas = new HashSet<>();
    private final Map<BodyId, List<Rulebook>> rulebooks = new HashMap<>();
    private final Map<BodyId, List<Held>> seats = new HashMap<>();
    private final Set<String> relations = new HashSet<>();

    private DemoYearPlan(Connection c, JsonMapper json) {
        this.c = c;
        this.json = json;
    }

    static Rows plan(DemoYear year, Connection c, JsonMapper json) throws SQLException {
        DemoYearPlan plan = new DemoYearPlan(c, json);
        plan.load();
        Rows rows = plan.rows(year);
        if (!plan.problems.isEmpty()) {
            throw new DemoYearException(plan.problems);
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- what exists

    private void load() throws SQLException {
        query("SELECT id FROM body", r -> bodies.add(new BodyId(r.getObject(1, UUID.class))));
        query("SELECT id FROM person", r -> people.add(r.getObject(1, UUID.class)));
        query("SELECT code FROM subject_area", r -> subjectAreas.add(r.getString(1)));
        query("SELECT document::text FROM rulebook", r -> {
            Rulebook rulebook = json.readValue(r.getString(1), Rulebook.class);
            rulebooks.computeIfAbsent(rulebook.body(), b -> new ArrayList<>()).add(rulebook);
        });
        query("""
                SELECT s.body_id, s.role, a.person_id, a.valid_from, a.valid_to
                FROM appointment a JOIN seat s ON s.id = a.seat_id""", r -> seats
                .computeIfAbsent(new BodyId(r.getObject(1, UUID.class)), b -> new ArrayList<>())
                .add(new Held(r.getObject(3, UUID.class), SeatRole.valueOf(r.getString(2)),
                        r.getObject(4, LocalDate.class), r.getObject(5, LocalDate.class))));
        query("SELECT from_body_id, kind, to_body_id FROM body_relation",
                r -> relations.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3)));
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                handler.handle(rows);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- checks

    private void problem(Where at, String message) {
        problems.add(at.problem(message));
    }

    private @Nullable BodyId body(Where at, String county, String shortName) {
        BodyId id = BodyId.of(county + "/" + shortName);
        if (!bodies.contains(id)) {
            problem(at, "body '" + shortName + "' is not in the structure of " + county);
            return null;
        }
        return id;
    }

    private @Nullable String person(Where at, String county, String key) {
        UUID id = PersonId.of(county + "/" + key).value();
        if (!people.contains(id)) {
            problem(at, "person '" + key + "' is not among the demo people of " + county);
            return null;
        }
        return id.toString();
    }

    private Optional<Rulebook> rulebook(BodyId body, LocalDate on) {
        return Rulebook.inForceOn(on, rulebooks.getOrDefault(body, List.of()));
    }

    /** The actors a person is in a body on a day, from the seats they hold (as BodyAccess does for a caller). */
    private Set<Actor> actors(BodyId body, String person, LocalDate on) {
        Set<Actor> actors = new HashSet<>();
        for (Held held : seats.getOrDefault(body, List.of())) {
            if (held.person().toString().equals(person) && held.on(on)) {
                switch (held.role()) {
                    case CHAIR -> actors.add(Actor.CHAIR);
                    case SECRETARY -> actors.add(Actor.SECRETARY);
                    case MEMBER, VICE_CHAIR, SUBSTITUTE -> actors.add(Actor.MEMBER);
                    case CO_OPTED, EXPERT -> {
                        // attend but act for nobody (LSVO-03, LSVO-22, PSVO-04)
                    }
                }
            }
        }
        return actors;
    }

    private void mayAct(Where at, BodyId body, String shortName, @Nullable String person, String key, LocalDate on,
            Set<Actor> allowed, @Nullable String rule, String act) {
        if (person != null && actors(body, person, on).stream().noneMatch(allowed::contains)) {
            problem(at, key + " is not " + allowed + " of " + shortName + " on " + on + ", so cannot " + act
                    + (rule == null ? "" : " (" + rule + ")"));
        }
    }

    /** Who holds the seat the rulebook names for an act on a day: the chair or the secretary. */
    private @Nullable String holder(Where at, BodyId body, String shortName, Actor actor, LocalDate on, String act) {
        SeatRole role = switch (actor) {
            case CHAIR -> SeatRole.CHAIR;
            case SECRETARY -> SeatRole.SECRETARY;
            default -> null;
        };
        Optional<Held> held = role == null ? Optional.empty() : seats.getOrDefault(body, List.of()).stream()
                .filter(h -> h.role() == role && h.on(on)).min((a, b) -> a.person().compareTo(b.person()));
        if (held.isEmpty()) {
            problem(at, "nobody holds the " + actor + " seat of " + shortName + " on " + on + " to " + act);
            return null;
        }
        return held.get().person().toString();
    }

    private static OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(Meeting.ZONE).toOffsetDateTime();
    }

    // ------------------------------------------------------------------------------------------------------ rows

    private Rows rows(DemoYear year) {
        Map<String, BodyDefaults> defaults = new HashMap<>();
        year.bodies().forEach(b -> defaults.put(b.county() + "/" + b.body(), b));
        List<MeetingRow> meetings = new ArrayList<>();
        List<NoticeRow> notices = new ArrayList<>();
        Map<UUID, List<MatterEntry>> onMeeting = new LinkedHashMap<>();
        for (MatterEntry m : year.matters()) {
            if (m.meeting() != null) {
                onMeeting.computeIfAbsent(DemoYearReader.meetingId(m.county(), m.body(), m.meeting()), k -> new ArrayList<>())
                        .add(m);
            }
        }
        for (BodyDefaults b : year.bodies()) {
            BodyId body = body(b.at(), b.county(), b.body());
            person(b.at(), b.county(), b.scheduledBy());
            if (body != null && rulebooks.getOrDefault(body, List.of()).isEmpty()) {
                problem(b.at(), b.body() + " has no rulebook; the demo year computes its deadlines from one");
            }
        }
        for (MeetingEntry m : year.meetings()) {
            BodyDefaults d = defaults.get(m.county() + "/" + m.body());
            BodyId body = body(m.at(), m.county(), m.body());
            if (d == null || body == null) {
                continue; // reported
            }
            meeting(m, d, body, onMeeting.getOrDefault(DemoYearReader.meetingId(m.county(), m.body(), m.date()), List.of()),
                    meetings, notices);
        }
        List<MatterRow> matters = new ArrayList<>();
        List<MatterRow> copies = new ArrayList<>();
        List<DocumentRow> documents = new ArrayList<>();
        for (MatterEntry m : year.matters()) {
            matter(m, onMeeting, matters, copies, documents);
        }
        matters.addAll(copies);
        return new Rows(List.copyOf(meetings), List.copyOf(matters), List.copyOf(documents), List.copyOf(notices));
    }

    private void meeting(MeetingEntry m, BodyDefaults d, BodyId body, List<MatterEntry> placed, List<MeetingRow> meetings,
            List<NoticeRow> notices) {
        UUID id = DemoYearReader.meetingId(m.county(), m.body(), m.date());
        LocalTime time = m.time() != null ? m.time() : d.time();
        String location = m.location() != null ? m.location() : d.location();
        OffsetDateTime startsAt = at(m.date(), time);
        LocalDate scheduledOn = DemoYearReader.scheduledOn(m);
        String scheduler = person(m.at(), m.county(), d.scheduledBy());
        mayAct(m.at(), body, m.body(), scheduler, d.scheduledBy(), scheduledOn, ADMINISTRATION, null, "schedule its meetings");
        Optional<Rulebook> rulebook = rulebook(body, m.date());
        if (rulebook.isEmpty()) {
            problem(m.at(), "no rulebook of " + m.body() + " is in force on " + m.date());
            return;
        }
        Rulebook r = rulebook.get();

        String cancelledBy = null;
        if (m.cancelled() != null) {
            cancelledBy = person(m.at(), m.county(), m.cancelled().by());
            Set<Actor> allowed = r.meetingControl() == null ? ADMINISTRATION : r.meetingControl().cancelledBy();
            mayAct(m.at(), body, m.body(), cancelledBy, m.cancelled().by(), m.cancelled().on(), allowed,
                    r.meetingControl() == null ? null : r.meetingControl().rule(), "cancel its meetings");
        }
        meetings.add(new MeetingRow(id, body, m.kind(), startsAt, location, m.state(), null,
                scheduler == null ? "" : scheduler, at(scheduledOn, SCHEDULED_AT), cancelledBy,
                m.cancelled() == null ? null : at(m.cancelled().on(), CANCELLED_AT),
                m.cancelled() == null ? null : m.cancelled().reason()));

        if (m.preparation() != null) { // LSVO-24: the preparation group meets the rulebook's lead before, same hour and place
            if (r.preparation() == null) {
                problem(m.at(), "the rulebook of " + m.body() + " has no preparation group (LSVO-24), so no 'preparation'");
            } else {
                BodyId group = body(m.at(), m.county(), r.preparation().preparationBody());
                LocalDate day = Deadlines.due(m.date(), r.preparation().lead());
                if (group != null) {
                    meetings.add(new MeetingRow(DemoYearReader.meetingId(m.county(), r.preparation().preparationBody(), day),
                            group, MeetingKind.PREPARATION, at(day, time), location, m.preparation(), id,
                            scheduler == null ? "" : scheduler, at(scheduledOn, SCHEDULED_AT), null, null, null));
                }
            }
        }

        if (m.notice() != null) {
            NoticeRule rule = r.notice();
            if (rule == null) {
                problem(m.at(), "the rulebook of " + m.body() + " sets no notice lead, so 'notice' has no due day");
                return;
            }
            LocalDate due = Deadlines.due(m.date(), rule.lead());
            LocalDate sentOn = m.notice().late() ? due.plusDays(m.notice().daysLate()) : due;
            if (!sentOn.isBefore(m.date())) {
                problem(m.at(), "a notice sent on " + sentOn + " is not before the meeting on " + m.date());
            }
            if (!sentOn.isAfter(scheduledOn.minusDays(1))) {
                problem(m.at(), "the notice (" + sentOn + ") would go out before the meeting was scheduled (" + scheduledOn + ")");
            }
            String sender = holder(m.at(), body, m.body(), rule.sentBy(), sentOn, "send its notice (" + rule.rule() + ")");
            notices.add(new NoticeRow(id, at(sentOn, NOTICE_SENT_AT), sentOn, sender == null ? "" : sender, due, rule.rule(),
                    json.writeValueAsString(agenda(m, r, placed))));
        }
    }

    /** The agenda as sent: the placed matters in file order (LSVO-09), then the rulebook's standing items (PSVO-08). */
    private List<Map<String, Object>> agenda(MeetingEntry meeting, Rulebook rulebook, List<MatterEntry> placed) {
        List<StandingAgendaItem> standing = rulebook.agenda() == null ? List.of() : rulebook.agenda().standingItems();
        List<Map<String, Object>> agenda = new ArrayList<>();
        int position = 1;
        for (MatterEntry m : placed) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("position", position++);
            item.put("kind", "MATTER");
            item.put("matter", DemoYearReader.matterId(m.county(), m.key()).toString());
            item.put("title", m.title());
            item.put("type", m.type().name());
            if (m.decisionCategory() != null) {
                item.put("decisionCategory", m.decisionCategory().name());
            }
            agenda.add(item);
        }
        for (StandingAgendaItem s : standing) {
            if (s.kind() == StandingAgendaItem.Kind.MINUTES_OF_BODY) {
                agenda.add(Map.of("position", position++, "kind", "MINUTES_OF_BODY",
                        "title", "Protokoll från " + s.fromBody() + " sedan föregående sammanträde", "rule", s.rule()));
            }
        }
        return agenda;
    }

    private void matter(MatterEntry m, Map<UUID, List<MatterEntry>> onMeeting, List<MatterRow> matters,
            List<MatterRow> copies, List<DocumentRow> documents) {
        BodyId body = body(m.at(), m.county(), m.body());
        String submitter = person(m.at(), m.county(), m.submittedBy());
        for (String area : m.subjectAreas()) {
            if (!subjectAreas.contains(area)) {
                problem(m.at(), "subject area '" + area + "' is not defined");
            }
        }
        if (body == null) {
            return;
        }
        UUID id = DemoYearReader.matterId(m.county(), m.key());
        Optional<Rulebook> atSubmission = rulebook(body, m.submitted());
        SubmissionRule submissions = atSubmission.map(Rulebook::submissions).orElse(null);
        mayAct(m.at(), body, m.body(), submitter, m.submittedBy(), m.submitted(),
                submissions == null ? Set.of(Actor.MEMBER, Actor.CHAIR, Actor.SECRETARY) : submissions.submittedBy(),
                submissions == null ? null : submissions.rule(), "submit matters to it");

        UUID meeting = null;
        Integer position = null;
        String admittedLate = null;
        if (m.meeting() != null) {
            meeting = DemoYearReader.meetingId(m.county(), m.body(), m.meeting());
            position = onMeeting.getOrDefault(meeting, List.of()).indexOf(m) + 1;
            Optional<Rulebook> atMeeting = rulebook(body, m.meeting());
            if (m.admittedLateBy() != null) { // LSVO-12: the chair admits it (stored as MatterService.admitLate does)
                String chair = person(m.at(), m.county(), m.admittedLateBy());
                SubmissionRule rule = atMeeting.map(Rulebook::submissions).orElse(null);
                if (rule == null || !rule.lateMatterAdmittedBy().contains(Actor.CHAIR)) {
                    problem(m.at(), "the rulebook of " + m.body() + " does not let the chair admit late matters (LSVO-12)");
                }
                mayAct(m.at(), body, m.body(), chair, m.admittedLateBy(), m.submitted(), Set.of(Actor.CHAIR), "LSVO-12",
                        "admit late matters");
                admittedLate = "chair " + chair;
            }
            LocalDate meetingDay = m.meeting();
            boolean late = m.admittedLateBy() != null;
            atMeeting.ifPresent(r -> {
                try {
                    MeetingRules.checkDocumentsInTime(m.documentsOn(), meetingDay, m.type(), r, late);
                } catch (DomainException e) {
                    problem(m.at(), e.getMessage());
                }
            });
        }
        LocalDate complete = m.documents().isEmpty() ? null : m.documentsOn();
        String submittedBy = submitter == null ? "" : submitter;
        matters.add(new MatterRow(id, body, m.title(), m.description(), m.type().name(),
                m.decisionCategory() == null ? null : m.decisionCategory().name(), m.subjectAreas(), m.state().name(),
                submittedBy, at(m.submitted(), SUBMITTED_AT), complete, meeting, position, m.prepared(), m.anchored(),
                admittedLate, m.complementRequest(), m.stateNote(), null));
        for (DocumentEntry d : m.documents()) {
            documents.add(document(DemoYearReader.documentId(id, d.name()), id, d, submittedBy));
        }

        if (m.forwardedTo() != null) { // LSVO-28: a copy in the other body, linked back; documents go with it
            DemoYear.ForwardEntry f = m.forwardedTo();
            BodyId target = body(m.at(), m.county(), f.body());
            String by = person(m.at(), m.county(), f.by());
            mayAct(m.at(), body, m.body(), by, f.by(), f.on(), ADMINISTRATION, "LSVO-28", "forward its matters");
            if (target == null) {
                return;
            }
            if (FORWARDING.stream().noneMatch(kind -> relations.contains(body.value() + " " + kind + " " + target.value()))) {
                problem(m.at(), m.body() + " neither prepares for nor reports to " + f.body() + ", so cannot forward to it (LSVO-28)");
            }
            UUID copy = DemoYearReader.forwardedCopyId(m.county(), m.key(), f.body());
            copies.add(new MatterRow(copy, target, m.title(), m.description(), m.type().name(),
                    m.decisionCategory() == null ? null : m.decisionCategory().name(), m.subjectAreas(), "SUBMITTED",
                    by == null ? "" : by, at(f.on(), SUBMITTED_AT), complete, null, null, null, null, null, null, null, id));
            for (DocumentEntry d : m.documents()) {
                documents.add(document(DemoYearReader.documentId(copy, d.name()), copy, d, submittedBy));
            }
        }
    }

    private static DocumentRow document(UUID id, UUID matter, DocumentEntry d, String uploadedBy) {
        byte[] content = d.content().getBytes(StandardCharsets.UTF_8);
        return new DocumentRow(id, matter, d.name(), d.mediaType(), content, sha256(content), uploadedBy,
                at(d.uploaded(), UPLOADED_AT));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
