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
import java.util.Objects;
import java.util.stream.Collectors;
import se.samverkan.api.demo.DemoYear.AnswerEntry;
import se.samverkan.api.demo.DemoYear.BodyDefaults;
import se.samverkan.api.demo.DemoYear.DeclarationEntry;
import se.samverkan.api.demo.DemoYear.RecipientEntry;
import se.samverkan.api.demo.DemoYear.RecommendationEntry;
import se.samverkan.domain.decision.Declaration;
import se.samverkan.domain.decision.Entitled;
import se.samverkan.domain.decision.Position;
import se.samverkan.domain.decision.Quorum;
import se.samverkan.domain.decision.Readiness;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.DeclarationRule;
import se.samverkan.domain.rulebook.QuorumRule;
import se.samverkan.domain.rulebook.RecommendationRule;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartyKind;
import se.samverkan.domain.structure.SeatId;
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

    /** Who attended a held meeting, seat by seat (LSVO-20). */
    record AttendanceRow(UUID meeting, UUID seat, String status, String recordedBy, OffsetDateTime recordedAt) {
    }

    /** A position declared for a seat on a matter (LSVO-05, LSVO-20). */
    record DeclarationRow(UUID matter, UUID seat, UUID person, String position, String channel, @Nullable UUID conveyedBy,
            @Nullable String text, String recordedBy, OffsetDateTime declaredAt) {
    }

    /** A decision as DecisionService records it: outcome per party (LSVO-16) and a snapshot of the roll. */
    record DecisionRow(UUID id, UUID matter, UUID meeting, String text, String outcome, List<String> supporting,
            List<String> notSupporting, @Nullable String rule, String snapshot, String decidedBy, OffsetDateTime decidedAt) {
    }

    record RecommendationRow(UUID id, UUID decision, BodyId body, String text, String rule, String issuedBy,
            OffsetDateTime issuedAt) {
    }

    record RecipientRow(UUID recommendation, UUID committee, String partyCode) {
    }

    record AnswerRow(UUID id, UUID recommendation, UUID committee, String partyCode, String answer, @Nullable String text,
            LocalDate answeredOn, String state, String writtenBy, OffsetDateTime updatedAt, @Nullable OffsetDateTime sentAt) {
    }

    /** Everything to write, in an order the foreign keys accept. */
    record Rows(List<MeetingRow> meetings, List<MatterRow> matters, List<DocumentRow> documents, List<NoticeRow> notices,
            List<AttendanceRow> attendance, List<DeclarationRow> declarations, List<DecisionRow> decisions,
            List<RecommendationRow> recommendations, List<RecipientRow> recipients, List<AnswerRow> answers) {
    }

    /** Times of day of the acts the files give only a date for. */
    private static final LocalTime SCHEDULED_AT = LocalTime.of(10, 0);
    private static final LocalTime SUBMITTED_AT = LocalTime.of(10, 0);
    private static final LocalTime UPLOADED_AT = LocalTime.of(11, 0);
    private static final LocalTime NOTICE_SENT_AT = LocalTime.of(8, 30);
    private static final LocalTime CANCELLED_AT = LocalTime.of(15, 0);
    private static final LocalTime EMAILED_AT = LocalTime.of(16, 0);
    private static final LocalTime ISSUED_AT = LocalTime.of(10, 0);
    private static final LocalTime ANSWERED_AT = LocalTime.of(14, 0);

    /** Secretary and chair run a body's administration where the rulebook names nobody else (as MatterService). */
    private static final Set<Actor> ADMINISTRATION = Set.of(Actor.SECRETARY, Actor.CHAIR);
    /** The relations a matter may be forwarded along (LSVO-28), as MatterService. */
    private static final Set<String> FORWARDING = Set.of("PREPARES_FOR", "REPORTS_TO", "LINKED_POLITICAL_COUNCIL");

    private record Held(UUID person, SeatRole role, @Nullable LocalDate from, @Nullable LocalDate to) {

        boolean on(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
        }
    }

    /** A seat of a body as the decision rules need it. */
    private record SeatInfo(UUID id, String key, SeatRole role, String function, String title, List<String> subjectAreas,
            boolean mandate, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID party,
            @Nullable String partyCode, @Nullable PartyKind partyKind) {

        boolean on(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
        }
    }

    private record CommitteeInfo(UUID id, String partyCode, @Nullable LocalDate from, @Nullable LocalDate to) {

        boolean on(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
        }
    }

    /**
     * The roll of a held meeting: the seats valid that day by key, who holds each, the entitled seats (a decision
     * mandate, a party, a holder: as DecisionService) and who was present.
     */
    private record Roll(UUID meeting, OffsetDateTime startsAt, Map<String, SeatInfo> seats, Map<UUID, UUID> holders,
            List<Entitled> entitled, Set<SeatId> present, @Nullable String secretary) {
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
    private final Map<BodyId, List<SeatInfo>> seatInfo = new HashMap<>();
    private final Map<UUID, List<Held>> holdings = new HashMap<>();
    private final Map<String, CommitteeInfo> committees = new HashMap<>();
    private final Map<UUID, String> partyOfPerson = new HashMap<>();
    private String[] counties = new String[0];

    private DemoYearPlan(Connection c, JsonMapper json) {
        this.c = c;
        this.json = json;
    }

    static Rows plan(DemoYear year, Connection c, JsonMapper json) throws SQLException {
        DemoYearPlan plan = new DemoYearPlan(c, json);
        plan.load(year.counties());
        Rows rows = plan.rows(year);
        if (!plan.problems.isEmpty()) {
            throw new DemoYearException(plan.problems);
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- what exists

    /**
     * What the entries may refer to. Rulebooks, seats and appointments only of the bodies in the entries' counties: a
     * database holding the whole country (the national data set: 16 000 rulebooks) would otherwise be read whole at
     * every start.
     */
    private void load(Set<String> counties) throws SQLException {
        this.counties = counties.toArray(String[]::new);
        query("SELECT id FROM body", r -> bodies.add(new BodyId(r.getObject(1, UUID.class))));
        query("SELECT id FROM person", r -> people.add(r.getObject(1, UUID.class)));
        query("SELECT code FROM subject_area", r -> subjectAreas.add(r.getString(1)));
        query("SELECT document::text FROM rulebook WHERE body_id IN " + IN_COUNTIES, r -> {
            Rulebook rulebook = json.readValue(r.getString(1), Rulebook.class);
            rulebooks.computeIfAbsent(rulebook.body(), b -> new ArrayList<>()).add(rulebook);
        });
        query("""
                SELECT s.body_id, s.role, a.person_id, a.valid_from, a.valid_to
                FROM appointment a JOIN seat s ON s.id = a.seat_id WHERE s.body_id IN\s""" + IN_COUNTIES, r -> seats
                .computeIfAbsent(new BodyId(r.getObject(1, UUID.class)), b -> new ArrayList<>())
                .add(new Held(r.getObject(3, UUID.class), SeatRole.valueOf(r.getString(2)),
                        r.getObject(4, LocalDate.class), r.getObject(5, LocalDate.class))));
        query("SELECT from_body_id, kind, to_body_id FROM body_relation",
                r -> relations.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3)));
        query("""
                SELECT s.body_id, s.id, s.key, s.role, s.function, s.title, s.subject_areas, s.decision_mandate,
                       s.valid_from, s.valid_to, p.id, p.code, p.kind
                FROM seat s LEFT JOIN party p ON p.id = s.party_id WHERE s.body_id IN\s""" + IN_COUNTIES + """
                ORDER BY s.body_id, s.key""", r -> seatInfo
                .computeIfAbsent(new BodyId(r.getObject(1, UUID.class)), b -> new ArrayList<>())
                .add(new SeatInfo(r.getObject(2, UUID.class), r.getString(3), SeatRole.valueOf(r.getString(4)),
                        r.getString(5), r.getString(6), List.of((String[]) r.getArray(7).getArray()), r.getBoolean(8),
                        r.getObject(9, LocalDate.class), r.getObject(10, LocalDate.class), r.getObject(11, UUID.class),
                        r.getString(12), r.getString(13) == null ? null : PartyKind.valueOf(r.getString(13)))));
        query("""
                SELECT a.seat_id, a.person_id, a.valid_from, a.valid_to, s.role FROM appointment a JOIN seat s ON s.id = a.seat_id
                WHERE s.body_id IN\s""" + IN_COUNTIES + """
                ORDER BY a.seat_id, a.valid_from NULLS FIRST, a.person_id""", r -> holdings
                .computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new Held(r.getObject(2, UUID.class), SeatRole.valueOf(r.getString(5)), r.getObject(3, LocalDate.class),
                        r.getObject(4, LocalDate.class))));
        query("SELECT c.id, p.code, c.code, c.valid_from, c.valid_to FROM committee c JOIN party p ON p.id = c.party_id",
                r -> committees.put(r.getString(2) + "/" + r.getString(3), new CommitteeInfo(r.getObject(1, UUID.class),
                        r.getString(2), r.getObject(4, LocalDate.class), r.getObject(5, LocalDate.class))));
        query("SELECT id, party_code FROM person WHERE party_code IS NOT NULL",
                r -> partyOfPerson.put(r.getObject(1, UUID.class), r.getString(2)));
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    /** The bodies of {@link #counties}; every query of {@link #load} that uses it takes the counties as its parameter. */
    private static final String IN_COUNTIES = "(SELECT id FROM body WHERE county_code = ANY(?))";

    private void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            if (sql.contains(IN_COUNTIES)) {
                statement.setArray(1, c.createArrayOf("text", counties));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
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

        // attendance of every held meeting, then declarations, decisions and recommendations (LSVO-16..21, LSVO-27)
        Map<UUID, MeetingRow> meetingRows = new HashMap<>();
        meetings.forEach(m -> meetingRows.put(m.id(), m));
        Map<UUID, Roll> rolls = new HashMap<>();
        List<AttendanceRow> attendance = new ArrayList<>();
        for (MeetingEntry m : year.meetings()) {
            MeetingRow row = meetingRows.get(DemoYearReader.meetingId(m.county(), m.body(), m.date()));
            if (m.state() == MeetingState.HELD && row != null) {
                rolls.put(row.id(), roll(m, row, attendance));
            }
        }
        List<DeclarationRow> declarations = new ArrayList<>();
        List<DecisionRow> decisions = new ArrayList<>();
        List<RecommendationRow> recommendations = new ArrayList<>();
        List<RecipientRow> recipients = new ArrayList<>();
        List<AnswerRow> answers = new ArrayList<>();
        Set<String> recommendationKeys = new HashSet<>();
        for (MatterEntry m : year.matters()) {
            if (m.meeting() == null || m.decisionCategory() == null) {
                continue;
            }
            Roll roll = rolls.get(DemoYearReader.meetingId(m.county(), m.body(), m.meeting()));
            if (roll == null) {
                continue; // reported: not a held meeting, or an unknown body
            }
            DecisionRow decision = decide(m, roll, declarations);
            if (decision != null) {
                decisions.add(decision);
                recommend(m, decision, recommendationKeys, recommendations, recipients, answers);
            }
        }
        return new Rows(List.copyOf(meetings), List.copyOf(matters), List.copyOf(documents), List.copyOf(notices),
                List.copyOf(attendance), List.copyOf(declarations), List.copyOf(decisions), List.copyOf(recommendations),
                List.copyOf(recipients), List.copyOf(answers));
    }

    // ------------------------------------------------------------------------------------------- decisions (issue 4)

    /**
     * Attendance at a held meeting: every seat valid that day with a holder; a seat with a mandate, the chair and the
     * secretary are present unless the meeting lists them as {@code absent}; co-opted members and experts attend as
     * such (LSVO-03, PSVO-02). The entitled seats are those DecisionService counts.
     */
    private Roll roll(MeetingEntry m, MeetingRow row, List<AttendanceRow> attendance) {
        LocalDate on = m.date();
        Map<String, SeatInfo> seats = new LinkedHashMap<>();
        Map<UUID, UUID> holders = new HashMap<>();
        for (SeatInfo s : seatInfo.getOrDefault(row.body(), List.of())) {
            if (s.on(on)) {
                seats.put(s.key(), s);
                holdings.getOrDefault(s.id(), List.of()).stream().filter(h -> h.on(on)).findFirst()
                        .ifPresent(h -> holders.put(s.id(), h.person()));
            }
        }
        for (String key : m.absent()) {
            SeatInfo seat = seats.get(key);
            if (seat == null) {
                problem(m.at(), "absent: " + m.body() + " has no seat '" + key + "' on " + on);
            } else if (!holders.containsKey(seat.id())) {
                problem(m.at(), "absent: nobody holds the seat '" + key + "' of " + m.body() + " on " + on);
            }
        }
        String secretary = holder(m.at(), row.body(), m.body(), Actor.SECRETARY, on, "record its attendance");
        List<Entitled> entitled = new ArrayList<>();
        Set<SeatId> present = new HashSet<>();
        for (SeatInfo s : seats.values()) {
            UUID holder = holders.get(s.id());
            if (holder == null) {
                continue;
            }
            String status = switch (s.role()) {
                case CO_OPTED -> "CO_OPTED";
                case EXPERT -> "EXPERT";
                default -> m.absent().contains(s.key()) ? "ABSENT" : "PRESENT";
            };
            if (status.equals("PRESENT")) {
                present.add(new SeatId(s.id()));
            }
            attendance.add(new AttendanceRow(row.id(), s.id(), status, secretary == null ? "" : secretary, row.startsAt()));
            if (s.mandate() && s.party() != null && s.partyKind() != null) {
                entitled.add(new Entitled(new SeatId(s.id()), new PartyId(s.party()), s.partyKind().side(), s.function(),
                        s.subjectAreas(), new PersonId(holder)));
            }
        }
        return new Roll(row.id(), row.startsAt(), seats, holders, entitled, present, secretary);
    }

    /**
     * The declarations on a decision matter taken up at a held meeting — by default every present entitled seat
     * supports it in the meeting; the file overrides seat by seat (LSVO-05, LSVO-20, LSVO-22) — and, for a DECIDED
     * matter, its decision: the quorum rule for its category must be met (LSVO-17..19), the outcome is computed per
     * party (LSVO-16). A POSTPONED matter must fall short of its quorum (LSVO-21).
     */
    private @Nullable DecisionRow decide(MatterEntry m, Roll roll, List<DeclarationRow> rows) {
        BodyId body = BodyId.of(m.county() + "/" + m.body());
        LocalDate on = Objects.requireNonNull(m.meeting());
        Optional<Rulebook> rulebook = rulebook(body, on);
        DeclarationRule rule = rulebook.map(Rulebook::declarations).orElse(null);
        UUID matter = DemoYearReader.matterId(m.county(), m.key());
        Map<SeatId, Declaration> declared = new LinkedHashMap<>();
        Map<SeatId, DeclarationEntry> overrides = new HashMap<>();
        boolean valid = true;
        for (DeclarationEntry d : m.declarations()) {
            SeatInfo seat = roll.seats().get(d.seat());
            Entitled entitled = seat == null ? null : roll.entitled().stream()
                    .filter(e -> e.seat().value().equals(seat.id())).findFirst().orElse(null);
            String problem = null;
            if (seat == null) {
                problem = m.body() + " has no seat '" + d.seat() + "' on " + on;
            } else if (!seat.mandate()) {
                problem = "the seat '" + d.seat() + "' (" + seat.role() + ") carries no decision mandate and cannot declare ("
                        + (seat.role() == SeatRole.EXPERT ? "PSVO-04" : "LSVO-22") + ")";
            } else if (entitled == null) {
                problem = "nobody holds the seat '" + d.seat() + "' on " + on + " to declare for it";
            } else if (rule == null ? d.channel() != DeclarationChannel.IN_MEETING : !rule.channels().contains(d.channel())) {
                problem = "the rulebook of " + m.body() + " does not allow declaring " + d.channel()
                        + (rule == null ? "" : " (" + rule.rule() + ")");
            } else if (d.channel() == DeclarationChannel.IN_MEETING && !roll.present().contains(entitled.seat())) {
                problem = "'" + d.seat() + "' is absent from the meeting on " + on + ", so cannot declare IN_MEETING; "
                        + "by EMAIL_TO_SECRETARY or VIA_MEMBER" + (rule == null ? "" : " (" + rule.rule() + ")");
            } else if (d.channel() == DeclarationChannel.VIA_MEMBER) {
                SeatInfo conveyor = roll.seats().get(Objects.requireNonNull(d.conveyedBy()));
                if (conveyor == null || !roll.present().contains(new SeatId(conveyor.id()))) {
                    problem = "conveyedBy: '" + d.conveyedBy() + "' is no seat of " + m.body() + " present on " + on
                            + (rule == null ? "" : " (" + rule.rule() + ")");
                }
            }
            if (problem != null) {
                problem(d.at(), problem);
                valid = false;
                continue;
            }
            SeatId id = new SeatId(seat.id());
            overrides.put(id, d);
            declared.put(id, new Declaration(id, d.position(), d.channel(),
                    d.conveyedBy() == null ? null : new SeatId(roll.seats().get(d.conveyedBy()).id()), d.text()));
        }
        for (Entitled e : roll.entitled()) {
            if (!declared.containsKey(e.seat()) && roll.present().contains(e.seat())) {
                declared.put(e.seat(), new Declaration(e.seat(), Position.SUPPORT, DeclarationChannel.IN_MEETING, null, null));
            }
        }
        Map<UUID, Entitled> bySeat = new HashMap<>();
        roll.entitled().forEach(e -> bySeat.put(e.seat().value(), e));
        for (Declaration d : declared.values()) {
            Entitled e = bySeat.get(d.seat().value());
            String recordedBy = switch (d.channel()) {
                case IN_MEETING -> e.person().toString();
                case VIA_MEMBER -> {
                    UUID conveyor = roll.holders().get(Objects.requireNonNull(d.conveyedBy()).value());
                    yield conveyor == null ? "" : conveyor.toString();
                }
                case EMAIL_TO_SECRETARY -> roll.secretary() == null ? "" : roll.secretary();
            };
            OffsetDateTime at = d.channel() == DeclarationChannel.EMAIL_TO_SECRETARY ? at(on.minusDays(1), EMAILED_AT)
                    : roll.startsAt().plusMinutes(30);
            rows.add(new DeclarationRow(matter, d.seat().value(), e.person().value(), d.position().name(), d.channel().name(),
                    d.conveyedBy() == null ? null : d.conveyedBy().value(), d.text(), recordedBy, at));
        }
        if (!valid) {
            return null;
        }

        DecisionCategory category = Objects.requireNonNull(m.decisionCategory());
        Optional<QuorumRule> quorum = rulebook.flatMap(r -> r.quorumFor(category));
        Readiness readiness = quorum.map(q -> Quorum.evaluate(q, roll.entitled(), roll.present(), declared, m.subjectAreas()))
                .orElse(null);
        if (m.state() == MatterState.POSTPONED) {
            if (readiness == null) {
                problem(m.at(), "the rulebook of " + m.body() + " sets no quorum rule for " + category
                        + ", so the matter cannot have been postponed for lack of declarations (LSVO-21)");
            } else if (readiness.ready()) {
                problem(m.at(), "its quorum (" + readiness.rule() + ") is met at the meeting on " + on
                        + ", so it was not postponed for lack of declarations (LSVO-21); declare absences or fewer positions");
            }
            return null;
        }
        if (m.state() != MatterState.DECIDED || m.decision() == null) {
            return null;
        }
        if (readiness != null && !readiness.ready()) {
            problem(m.at(), "cannot be DECIDED: its quorum is not met (" + readiness.rule() + "): " + readiness.missing().stream()
                    .map(x -> keyOf(roll, x.seat()) + (x.subjectArea() == null ? "" : " [" + x.subjectArea() + "]"))
                    .distinct().collect(Collectors.joining(", ")) + " missing");
            return null;
        }
        Quorum.Outcome outcome = Quorum.outcome(roll.entitled(), declared);
        Map<UUID, String> codes = new HashMap<>();
        roll.seats().values().forEach(s -> {
            if (s.party() != null) {
                codes.put(s.party(), s.partyCode());
            }
        });
        List<Map<String, Object>> snapshot = se.samverkan.domain.decision.Snapshot.of(roll.entitled(), roll.present(),
                declared, seat -> roll.seats().values().stream().filter(s -> s.id().equals(seat.value()))
                        .map(SeatInfo::title).findFirst().orElseThrow(), party -> codes.get(party.value()));
        return new DecisionRow(DemoYearReader.decisionId(m.county(), m.key()), matter, roll.meeting(),
                m.decision().text().strip(), outcome.kind().name(),
                outcome.supporting().stream().map(p -> codes.get(p.value())).toList(),
                outcome.notSupporting().stream().map(p -> codes.get(p.value())).toList(),
                quorum.map(QuorumRule::rule).orElse(null), json.writeValueAsString(snapshot),
                roll.secretary() == null ? "" : roll.secretary(), roll.startsAt().plusHours(1));
    }

    private static String keyOf(Roll roll, SeatId seat) {
        return roll.seats().values().stream().filter(s -> s.id().equals(seat.value())).map(SeatInfo::key).findFirst()
                .orElse(seat.toString());
    }

    /**
     * The recommendations issued from a decision (LSVO-27, PSVO-09): by the body's secretary or chair, under the
     * rulebook's recommendation rule, to committees by {@code party/committee}; each with its party's answer, a draft
     * (the party's own) or sent.
     */
    private void recommend(MatterEntry m, DecisionRow decision, Set<String> keys, List<RecommendationRow> recommendations,
            List<RecipientRow> recipients, List<AnswerRow> answers) {
        BodyId body = BodyId.of(m.county() + "/" + m.body());
        for (RecommendationEntry r : Objects.requireNonNull(m.decision()).recommendations()) {
            if (!keys.add(m.county() + "/" + r.key())) {
                problem(r.at(), "recommendation '" + r.key() + "' is declared twice in " + m.county());
                continue;
            }
            if (r.issued().isBefore(Objects.requireNonNull(m.meeting()))) {
                problem(r.at(), "issued on " + r.issued() + ", before the decision (" + m.meeting() + ")");
            }
            if (decision.outcome().equals("NOT_ADOPTED")) {
                problem(r.at(), "no party adopted the decision; there is nothing to recommend");
            }
            RecommendationRule rule = rulebook(body, r.issued()).map(Rulebook::recommendations).orElse(null);
            if (rule == null) {
                problem(r.at(), "the rulebook of " + m.body() + " in force on " + r.issued()
                        + " gives it no power to issue recommendations");
                continue;
            }
            String issuer = person(r.at(), m.county(), r.issuedBy());
            mayAct(r.at(), body, m.body(), issuer, r.issuedBy(), r.issued(), ADMINISTRATION, rule.rule(),
                    "issue its recommendations");
            UUID id = DemoYearReader.recommendationId(m.county(), r.key());
            recommendations.add(new RecommendationRow(id, decision.id(), body, r.text().strip(), rule.rule(),
                    issuer == null ? "" : issuer, at(r.issued(), ISSUED_AT)));
            for (RecipientEntry to : r.to()) {
                CommitteeInfo committee = committees.get(to.committee());
                if (committee == null || !committee.on(r.issued())) {
                    problem(to.at(), "committee '" + to.committee() + "' (party/committee) does not exist on " + r.issued());
                    continue;
                }
                recipients.add(new RecipientRow(id, committee.id(), committee.partyCode()));
                AnswerEntry a = to.answer();
                if (a == null) {
                    continue;
                }
                String writer = person(a.at(), m.county(), a.by());
                if (writer != null && !committee.partyCode().equals(partyOfPerson.get(UUID.fromString(writer)))) {
                    problem(a.at(), a.by() + " is not of " + committee.partyCode() + ", so cannot answer for its committee");
                }
                OffsetDateTime when = at(a.on(), ANSWERED_AT);
                answers.add(new AnswerRow(DemoYearReader.answerId(id, committee.id()), id, committee.id(),
                        committee.partyCode(), a.answer(), a.text() == null ? null : a.text().strip(), a.on(), a.state(),
                        writer == null ? "" : writer, when, a.state().equals("SENT") ? when : null));
            }
        }
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
