package se.samverkan.api.national;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.national.NationalStructure.GenBody;
import se.samverkan.api.national.NationalStructure.GenSeat;
import se.samverkan.api.national.NationalStructure.Role;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.calendar.SwedishCalendar;
import se.samverkan.domain.decision.Declaration;
import se.samverkan.domain.decision.Entitled;
import se.samverkan.domain.decision.Position;
import se.samverkan.domain.decision.Quorum;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.meeting.Meeting;
import se.samverkan.domain.meeting.MeetingKind;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.minutes.Signatory;
import se.samverkan.domain.minutes.Signing;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.MinutesRule;
import se.samverkan.domain.rulebook.QuorumRule;
import se.samverkan.domain.rulebook.Recipient;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SignatoryKind;
import se.samverkan.domain.rulebook.SignatoryRequirement;
import se.samverkan.domain.rulebook.StandingAgendaItem;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.CommitteeKind;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.SeatRole;

/**
 * Ten years (2017-2026) of one body: its meetings (sammanträden) with notices and attendance, its matters (ärenden) with
 * documents, declarations and decisions (beslut), the recommendations (rekommendationer) it issued and their answers,
 * its minutes (protokoll) with signatures, and what reached the parties' inboxes. Everything is drawn from the body's
 * own random stream in one fixed order, so a body's history is the same in every pass over the data (each table is
 * loaded in a pass of its own) and whatever else is generated.
 *
 * <p>The data stand as they would on {@link #AS_OF}, 1 December 2026 at noon: what was before is held, decided,
 * signed and answered — or, now and then, cancelled, late, postponed or left unanswered — and what comes after is
 * planned, noticed or waiting. The rules are the service's own: deadlines from {@link Deadlines}, quorum and outcome
 * from {@link Quorum}, who signs from {@link Signing}, who receives minutes as the service's distribution reaches them.
 */
final class BodyHistory {

    static final ZoneId ZONE = Meeting.ZONE;
    /** The moment the data set describes. */
    static final Instant AS_OF = LocalDateTime.of(2026, 12, 1, 12, 0).atZone(ZONE).toInstant();
    static final LocalDate FIRST_DAY = LocalDate.of(2017, 1, 1);
    static final LocalDate LAST_DAY = Rulebooks.LAST_DAY;

    // ------------------------------------------------------------------------------------------------ the plans

    record NoticePlan(LocalDate sentOn, Instant sentAt, @Nullable LocalDate dueOn, @Nullable String rule, String sentBy) {
    }

    record CancelPlan(Instant at, String by, String reason) {
    }

    record Attendance(GenSeat seat, String status, @Nullable PersonId substitute) {
    }

    /** An item of a sent agenda (dagordning), in the agenda's order. */
    record AgendaEntry(int position, String kind, @Nullable MatterPlan matter, @Nullable UUID minutes, String title,
            @Nullable String rule) {
    }

    static final class MeetingPlan {
        UUID id;
        UUID body;
        MeetingKind kind;
        LocalDate date;
        Instant startsAt;
        String location;
        MeetingState state = MeetingState.PLANNED;
        @Nullable UUID preparationFor;
        String scheduledBy;
        Instant scheduledAt;
        @Nullable CancelPlan cancel;
        @Nullable NoticePlan notice;
        @Nullable Rulebook rulebook;
        final List<AgendaEntry> agenda = new ArrayList<>();
        final List<Attendance> attendance = new ArrayList<>();
        @Nullable String recordedBy;
        @Nullable MinutesPlan minutes;
    }

    record DocumentPlan(UUID id, String name, String mediaType, byte[] content, String uploadedBy, Instant uploadedAt) {
    }

    record DeclarationPlan(GenSeat seat, PersonId person, Position position, DeclarationChannel channel,
            @Nullable GenSeat conveyedBy, @Nullable String text, String recordedBy, Instant declaredAt) {
    }

    record DecisionPlan(UUID id, String text, Quorum.Outcome outcome, List<String> supporting, List<String> notSupporting,
            @Nullable String rule, List<Entitled> entitled, Set<SeatId> present, Map<SeatId, Declaration> declared,
            String decidedBy, Instant decidedAt, @Nullable UUID amends) {
    }

    static final class MatterPlan {
        UUID id;
        UUID body;
        String title;
        String description;
        MatterType type;
        @Nullable DecisionCategory category;
        List<String> areas;
        MatterState state;
        String submittedBy;
        Instant submittedAt;
        @Nullable LocalDate documentsCompleteOn;
        @Nullable MeetingPlan meeting;
        @Nullable Integer agendaPosition;
        @Nullable Boolean prepared;
        @Nullable Boolean anchored;
        @Nullable String admittedLateBy;
        @Nullable String complementRequest;
        @Nullable String stateNote;
        @Nullable UUID forwardedFrom;
        @Nullable UUID amendsAgreement;
        @Nullable Instant forwardedAt;
        @Nullable String forwardedBy;
        final List<DocumentPlan> documents = new ArrayList<>();
        final List<DeclarationPlan> declarations = new ArrayList<>();
        @Nullable DecisionPlan decision;
    }

    record Signature(PersonId person, SignatoryRequirement filled, Instant at) {
    }

    record MinutesItem(@Nullable Integer actual, int planned, String kind, @Nullable UUID matter, String title,
            @Nullable String outcome) {
    }

    /** An item delivered to a committee's inbox, and the committee's handling of it if it has handled it. */
    record InboxPlan(UUID id, UUID committee, String party, String kind, @Nullable UUID minutes,
            @Nullable UUID recommendation, UUID fromBody, String title, @Nullable String rule, Instant arrivedAt,
            @Nullable Instant handledAt, @Nullable String note, @Nullable String handledBy) {
    }

    static final class MinutesPlan {
        UUID id;
        MeetingPlan meeting;
        List<Signatory> signatories;
        final List<Signature> signatures = new ArrayList<>();
        boolean signed;
        @Nullable Instant signedAt;
        @Nullable Instant publishedAt;
        String draftedBy;
        Instant draftedAt;
        final List<MinutesItem> items = new ArrayList<>();
    }

    record AnswerPlan(UUID id, String answer, @Nullable String text, LocalDate answeredOn, String state, String writtenBy,
            Instant updatedAt, @Nullable Instant sentAt) {
    }

    record RecipientPlan(UUID committee, String party, @Nullable AnswerPlan answer) {
    }

    record RecommendationPlan(UUID id, UUID decision, String text, @Nullable String rule, String issuedBy,
            Instant issuedAt, List<RecipientPlan> recipients) {
    }

    final GenBody body;
    final List<MeetingPlan> meetings = new ArrayList<>();
    final List<MatterPlan> matters = new ArrayList<>();
    final List<RecommendationPlan> recommendations = new ArrayList<>();
    final List<InboxPlan> inbox = new ArrayList<>();

    private final NationalStructure structure;
    private final SplittableRandom random;
    private final @Nullable BodyHistory source;
    private final List<MatterPlan> forwardedIn = new ArrayList<>();
    private int sequence;
    private @Nullable Instant lastSigned;
    private @Nullable Instant previousNotice;

    private BodyHistory(NationalStructure structure, GenBody body, @Nullable BodyHistory source) {
        this.structure = structure;
        this.body = body;
        this.source = source;
        this.random = Seeds.random(structure.seed, "history:" + body.key());
    }

    /**
     * The body's history; a political council's needs its source body's (the leadership group whose minutes and
     * forwarded matters it takes up, PSVO-08), a preparation group's is part of the body it prepares for.
     */
    static BodyHistory of(NationalStructure structure, GenBody body, @Nullable BodyHistory source) {
        BodyHistory history = new BodyHistory(structure, body, source);
        if (body.role() != Role.LSVO_BG) {
            history.generate();
        }
        return history;
    }

    // -------------------------------------------------------------------------------------------------- meetings

    private void generate() {
        if (source != null) {
            source.matters.stream().filter(m -> m.state == MatterState.FORWARDED).forEach(this::forwardedCopy);
        }
        LocalDate from = body.from().isBefore(FIRST_DAY) ? FIRST_DAY : body.from();
        LocalDate to = body.body().validity().to() == null || body.body().validity().to().isAfter(LAST_DAY) ? LAST_DAY
                : body.body().validity().to();
        double agendaSize = switch (body.style()) {
            case OFFICIALS -> 5.4;
            case POLITICAL -> 4.4;
            default -> 3.0;
        } * (0.7 + 0.6 * random.nextDouble());
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            LocalDate start = year == from.getYear() ? from : LocalDate.of(year, 1, 1);
            LocalDate end = year == to.getYear() ? to : LocalDate.of(year, 12, 31);
            Rulebook rulebook = Rulebooks.inForceOn(LocalDate.of(year, 12, 31), body.rulebooks());
            int perYear = rulebook == null || rulebook.meetingMinimum() == null ? 6 : rulebook.meetingMinimum().perYear();
            int roll = random.nextInt(100);
            int planned = Math.max(1, perYear + (roll < 10 ? -1 : roll < 20 ? 1 : 0));
            double share = (end.toEpochDay() - start.toEpochDay() + 1) / (double) start.lengthOfYear();
            int count = (int) Math.round(planned * Math.min(1, share));
            List<LocalDate> dates = spread(count, start, end);
            LocalDate extra = random.nextInt(100) < 8 && dates.size() > 1 ? extraDate(dates) : null;
            for (LocalDate date : dates) {
                meeting(date, MeetingKind.ORDINARY, agendaSize);
                if (extra != null && extra.isAfter(date)
                        && dates.stream().filter(d -> d.isAfter(date)).findFirst().map(extra::isBefore).orElse(false)) {
                    meeting(extra, MeetingKind.EXTRA, 1.2); // LSVO-07: called between two ordinary meetings
                    extra = null;
                }
            }
        }
        for (MatterPlan copy : forwardedIn) {
            if (copy.state == null) {
                copy.state = MatterState.SUBMITTED; // forwarded, waiting for the council's next agenda (PSVO-08)
                matters.add(copy);
            }
        }
    }

    /** {@code count} meeting days spread over the period, on Tuesdays to Thursdays that are working days, never in July. */
    private List<LocalDate> spread(int count, LocalDate start, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>();
        long days = end.toEpochDay() - start.toEpochDay();
        for (int i = 0; i < count; i++) {
            long offset = (long) ((i + 0.5) * days / count) + random.nextInt(9) - 4;
            LocalDate date = start.plusDays(Math.max(0, Math.min(days, offset)));
            if (date.getMonthValue() == 7) {
                date = date.getDayOfMonth() < 16 ? date.withDayOfMonth(1).minusDays(10) : date.withDayOfMonth(1).plusMonths(1).plusDays(14);
            }
            date = meetingDay(date);
            if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1).plusDays(6))) {
                date = meetingDay(dates.get(dates.size() - 1).plusDays(7));
            }
            if (date.isBefore(start) || date.isAfter(end)) {
                continue;
            }
            dates.add(date);
        }
        return dates;
    }

    private static LocalDate meetingDay(LocalDate date) {
        while (!SwedishCalendar.isWorkingDay(date) || date.getDayOfWeek() == DayOfWeek.MONDAY
                || date.getDayOfWeek() == DayOfWeek.FRIDAY) {
            date = date.plusDays(1);
        }
        return date;
    }

    private LocalDate extraDate(List<LocalDate> dates) {
        return meetingDay(dates.get(random.nextInt(dates.size() - 1)).plusDays(7 + random.nextInt(7)));
    }

    private void meeting(LocalDate date, MeetingKind kind, double agendaSize) {
        MeetingPlan m = new MeetingPlan();
        m.id = Seeds.id("Meeting", body.key() + "/" + date + (kind == MeetingKind.EXTRA ? "/extra" : ""));
        m.body = body.body().id().value();
        m.kind = kind;
        m.date = date;
        m.startsAt = at(date, body.time());
        m.location = body.location();
        m.rulebook = Rulebooks.inForceOn(date, body.rulebooks());
        Rulebook r = m.rulebook;
        m.scheduledAt = kind == MeetingKind.EXTRA ? m.startsAt.minus(Duration.ofDays(12 + random.nextInt(10)))
                : at(LocalDate.of(date.getYear() - 1, 12, 1), LocalTime.of(10, 0));
        if (m.scheduledAt.isBefore(at(body.from(), LocalTime.of(8, 0)))) {
            m.scheduledAt = at(body.from(), LocalTime.of(8, 0));
        }
        m.scheduledBy = subject(secretaryOrChair(date));
        int cancelRoll = random.nextInt(100);
        if (cancelRoll < (kind == MeetingKind.EXTRA ? 2 : 4)) {
            Instant at = m.startsAt.minus(Duration.ofDays(1 + random.nextInt(20))).minus(Duration.ofHours(random.nextInt(6)));
            if (at.isBefore(AS_OF) && at.isAfter(m.scheduledAt)) {
                m.cancel = new CancelPlan(at, subject(chairOrSecretary(date)), Names.pick(random, Texts.CANCEL_REASONS));
            }
        }
        m.notice = notice(m, r);
        m.state = m.cancel != null ? MeetingState.CANCELLED : m.startsAt.isBefore(AS_OF) ? MeetingState.HELD
                : m.notice != null ? MeetingState.NOTICE_SENT : MeetingState.PLANNED;
        meetings.add(m);
        if (body.preparation() != null && r != null && r.preparation() != null) {
            preparation(m, r);
        }
        if (m.state == MeetingState.HELD) {
            attendance(m);
        }
        agenda(m, r, agendaSize);
        if (m.notice != null) {
            previousNotice = m.notice.sentAt();
        }
        if (m.state == MeetingState.HELD && r != null && r.minutes() != null) {
            minutes(m, r, r.minutes());
        }
    }

    private @Nullable NoticePlan notice(MeetingPlan m, @Nullable Rulebook r) {
        LocalDate due = r == null || r.notice() == null ? null : Deadlines.due(m.date, r.notice().lead());
        LocalDate sentOn;
        if (due == null) {
            sentOn = m.date.minusDays(7);
        } else if (random.nextInt(100) < 7) {
            sentOn = due.plusDays(1 + random.nextInt(4)); // late (LSVO-08)
            if (!sentOn.isBefore(m.date)) {
                sentOn = m.date.minusDays(1);
            }
        } else {
            sentOn = due.minusDays(random.nextInt(4));
        }
        Instant sentAt = at(sentOn, LocalTime.of(8, 0)).plus(Duration.ofMinutes(random.nextInt(8 * 60)));
        boolean overdue = random.nextInt(100) < 15;
        if (!sentAt.isBefore(AS_OF) || (m.cancel != null && m.cancel.at().isBefore(sentAt))
                || (overdue && !m.startsAt.isBefore(AS_OF)) || sentAt.isBefore(m.scheduledAt)) {
            return null;
        }
        PersonId by = r != null && r.notice() != null && r.notice().sentBy() == Actor.CHAIR ? chairOrSecretary(sentOn)
                : secretaryOrChair(sentOn);
        return new NoticePlan(sentOn, sentAt, due, r == null || r.notice() == null ? null : r.notice().rule(), subject(by));
    }

    /** LSVO-24: the preparation group meets a set number of working days before, at the same hour and place. */
    private void preparation(MeetingPlan m, Rulebook r) {
        GenBody group = java.util.Objects.requireNonNull(body.preparation());
        MeetingPlan p = new MeetingPlan();
        p.id = Seeds.id("Meeting", group.key() + "/prep/" + m.id);
        p.body = group.body().id().value();
        p.kind = MeetingKind.PREPARATION;
        p.date = Deadlines.due(m.date, java.util.Objects.requireNonNull(r.preparation()).lead());
        p.startsAt = at(p.date, body.time());
        p.location = group.location();
        p.preparationFor = m.id;
        p.scheduledBy = m.scheduledBy;
        p.scheduledAt = m.scheduledAt.isBefore(p.startsAt) ? m.scheduledAt : p.startsAt.minus(Duration.ofDays(1));
        if (m.cancel != null && m.cancel.at().isBefore(p.startsAt)) {
            p.cancel = m.cancel;
            p.state = MeetingState.CANCELLED;
        } else {
            p.state = p.startsAt.isBefore(AS_OF) ? MeetingState.HELD : MeetingState.PLANNED;
        }
        meetings.add(p);
    }

    /** Who attended a held meeting: each seat that has a holder that day (LSVO-20: a substitute may take a mandate). */
    private void attendance(MeetingPlan m) {
        boolean substitutes = m.rulebook != null && m.rulebook.declarations() != null && m.rulebook.declarations().substituteAllowed();
        for (GenSeat seat : body.seats()) {
            if (!seat.seat().validity().contains(m.date) || seat.holder(m.date) == null) {
                continue;
            }
            SeatRole role = seat.seat().role();
            int roll = random.nextInt(100);
            if (role == SeatRole.CO_OPTED) {
                m.attendance.add(new Attendance(seat, roll < 85 ? "CO_OPTED" : "ABSENT", null));
            } else if (role == SeatRole.EXPERT) {
                m.attendance.add(new Attendance(seat, roll < 80 ? "EXPERT" : "ABSENT", null));
            } else if (seat.seat().decisionMandate()) {
                if (roll < 92) {
                    m.attendance.add(new Attendance(seat, "PRESENT", null));
                } else if (roll < 96 && substitutes) {
                    m.attendance.add(new Attendance(seat, "SUBSTITUTED",
                            Names.pick(random, structure.substitutes.get(seat.party().id()))));
                } else {
                    m.attendance.add(new Attendance(seat, "ABSENT", null));
                }
            } else {
                m.attendance.add(new Attendance(seat, roll < 93 ? "PRESENT" : "ABSENT", null));
            }
        }
        m.recordedBy = subject(secretaryOrChair(m.date));
    }

    // ---------------------------------------------------------------------------------------------------- matters

    private void agenda(MeetingPlan m, @Nullable Rulebook r, double agendaSize) {
        if (m.kind == MeetingKind.PREPARATION) {
            return;
        }
        boolean decides = body.seats().stream().anyMatch(s -> s.seat().decisionMandate());
        int count = 0;
        for (int i = 0; i < 10; i++) {
            count += random.nextDouble() < agendaSize / 10 ? 1 : 0;
        }
        Set<String> titles = new LinkedHashSet<>();
        List<MatterPlan> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MatterPlan matter = matter(m, r, decides, titles);
            if (matter != null) {
                placed.add(matter);
            }
        }
        sideMatters(m, r, decides, titles);
        List<MatterPlan> forwarded = new ArrayList<>();
        if (m.cancel == null) {
            Instant cutoff = m.notice != null ? m.notice.sentAt() : m.startsAt.isBefore(AS_OF) ? m.startsAt : null;
            for (MatterPlan copy : forwardedIn) {
                if (copy.state == null && cutoff != null && copy.submittedAt.isBefore(cutoff)) {
                    copy.title = unique(titles, copy.title);
                    forwarded.add(copy);
                }
            }
        }
        int position = 1;
        for (MatterPlan matter : placed) {
            place(m, matter, position++, "MATTER", null);
        }
        String forwardRule = standing(r, StandingAgendaItem.Kind.MATTERS_FORWARDED_BY);
        for (MatterPlan copy : forwarded) {
            place(m, copy, position++, "FORWARDED_MATTER", forwardRule);
            matters.add(copy);
        }
        String minutesRule = standing(r, StandingAgendaItem.Kind.MINUTES_OF_BODY);
        if (minutesRule != null && m.notice != null && source != null) {
            Instant since = previousNotice;
            Instant until = m.notice.sentAt();
            List<MinutesPlan> taken = source.meetings.stream().map(x -> x.minutes)
                    .filter(x -> x != null && x.signed && x.signedAt.isBefore(until) && (since == null || !x.signedAt.isBefore(since)))
                    .toList();
            String from = source.body.body().shortName();
            if (taken.isEmpty()) {
                m.agenda.add(new AgendaEntry(position++, "MINUTES_OF_BODY", null, null,
                        "Protokoll från " + from + " sedan föregående sammanträde: inga", minutesRule));
            }
            for (MinutesPlan x : taken) {
                m.agenda.add(new AgendaEntry(position++, "MINUTES_OF_BODY", null, x.id,
                        "Protokoll från " + from + " " + x.meeting.date, minutesRule));
            }
        }
    }

    private static @Nullable String standing(@Nullable Rulebook r, StandingAgendaItem.Kind kind) {
        return r == null || r.agenda() == null ? null : r.agenda().standingItems().stream()
                .filter(s -> s.kind() == kind).map(StandingAgendaItem::rule).findFirst().orElse(null);
    }

    /** A matter submitted for this meeting, with its documents; null if it would be submitted after {@link #AS_OF}. */
    private @Nullable MatterPlan matter(MeetingPlan m, @Nullable Rulebook r, boolean decides, Set<String> titles) {
        int typeRoll = random.nextInt(100);
        // collaboration groups mostly inform and discuss; councils and leadership groups decide
        MatterType type = decides && typeRoll < (body.style() == Rulebooks.Style.GROUP ? 25 : 45) ? MatterType.DECISION : typeRoll < 80 ? MatterType.INFORMATION
                : MatterType.DISCUSSION;
        int categoryRoll = random.nextInt(100);
        DecisionCategory category = type != MatterType.DECISION ? null : categoryRoll < 40 ? DecisionCategory.FORUM_WIDE
                : categoryRoll < 85 ? DecisionCategory.SUBJECT_AREA : DecisionCategory.FINANCIAL;
        List<String> areas = areas();
        String title = unique(titles, Texts.title(type, category, Texts.subject(areas.get(0), random), m.date.getYear(), random));
        LocalDate due = r == null || r.submissions() == null ? m.date.minusDays(7)
                : r.submissions().deadlineFor(type).map(d -> Deadlines.due(m.date, d.lead())).orElse(m.date.minusDays(7));
        boolean late = random.nextInt(100) < 5;
        LocalDate complete = late ? due.plusDays(1 + random.nextInt(3)) : due.minusDays(random.nextInt(13));
        if (!complete.isBefore(m.date)) {
            complete = m.date.minusDays(1);
        }
        Instant submitted = at(complete.minusDays(random.nextInt(15)), LocalTime.of(8, 0))
                .plus(Duration.ofMinutes(random.nextInt(8 * 60)));
        int documents = type == MatterType.DECISION ? 1 + (random.nextInt(100) < 40 ? 1 : 0)
                : random.nextInt(100) < 25 ? 0 : 1 + (random.nextInt(100) < 20 ? 1 : 0);
        GenSeat submitter = member(m.date);
        if (!submitted.isBefore(AS_OF)) {
            return null;
        }
        MatterPlan matter = newMatter(type, category, areas, title, submitter == null ? subject(secretaryOrChair(m.date))
                : subject(java.util.Objects.requireNonNull(submitter.holder(m.date))), submitted);
        documents(matter, documents, complete);
        if (late && complete.isAfter(due)) {
            matter.admittedLateBy = subject(chairOrSecretary(m.date)); // LSVO-12
        }
        return matter;
    }

    private MatterPlan newMatter(MatterType type, @Nullable DecisionCategory category, List<String> areas, String title,
            String submittedBy, Instant submittedAt) {
        MatterPlan matter = new MatterPlan();
        matter.id = Seeds.id("Matter", body.key() + "/" + (++sequence));
        matter.body = body.body().id().value();
        matter.type = type;
        matter.category = category;
        matter.areas = areas;
        matter.title = title;
        matter.description = Texts.description(type, title.toLowerCase(java.util.Locale.ROOT), body.body().shortName());
        matter.submittedBy = submittedBy;
        matter.submittedAt = submittedAt;
        matter.state = MatterState.SUBMITTED;
        return matter;
    }

    private List<String> areas() {
        List<String> areas = body.areas();
        String first = areas.get(random.nextInt(areas.size()));
        if (areas.size() > 1 && random.nextInt(100) < 30) {
            String second = areas.get(random.nextInt(areas.size()));
            if (!second.equals(first)) {
                return List.of(first, second);
            }
        }
        return List.of(first);
    }

    private void documents(MatterPlan matter, int count, LocalDate complete) {
        for (int i = 1; i <= count; i++) {
            boolean last = i == count;
            Instant uploaded = last ? at(complete, LocalTime.of(9, 0)).plus(Duration.ofMinutes(random.nextInt(7 * 60)))
                    : matter.submittedAt.plus(Duration.ofMinutes(i));
            if (uploaded.isBefore(matter.submittedAt)) {
                uploaded = matter.submittedAt;
            }
            String name = i == 1 ? "Tjänsteskrivelse " + matter.title : "Bilaga " + (i - 1) + " " + matter.title;
            if (name.length() > 190) {
                name = name.substring(0, 190);
            }
            boolean pdf = random.nextInt(100) < 70;
            byte[] content = (matter.title + "\n\n" + matter.description + "\n\nHandling " + i + " av " + count + ", upprättad av "
                    + body.body().shortName() + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            matter.documents.add(new DocumentPlan(Seeds.id("Document", matter.id + "/" + i), name + (pdf ? ".pdf" : ".docx"),
                    pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    content, matter.submittedBy, uploaded));
        }
        matter.documentsCompleteOn = count == 0 ? null : matter.documents.get(count - 1).uploadedAt().atZone(ZONE).toLocalDate();
    }

    /** Matters that never reach this meeting: rejected, deferred by the preparation, forwarded to another body. */
    private void sideMatters(MeetingPlan m, @Nullable Rulebook r, boolean decides, Set<String> titles) {
        int roll = random.nextInt(100);
        if (roll < 6) {
            MatterPlan matter = sideMatter(m, r, decides, titles);
            if (matter != null) {
                matter.state = roll < 3 ? MatterState.REJECTED : MatterState.DEFERRED;
                matter.stateNote = roll < 3 ? "Avvisat: ärendet hör inte till forumets uppdrag."
                        : "Bordlagt av beredningen: underlaget behöver kompletteras med parternas synpunkter.";
                matters.add(matter);
            }
        }
        if (body.forwards() && random.nextInt(100) < 15) {
            MatterPlan matter = sideMatter(m, r, decides, titles);
            if (matter != null) {
                Instant forwarded = matter.submittedAt.plus(Duration.ofDays(3 + random.nextInt(8)));
                if (forwarded.isBefore(AS_OF)) {
                    matter.state = MatterState.FORWARDED; // LSVO-28: handed on to the political council
                    matter.forwardedAt = forwarded;
                    matter.forwardedBy = subject(secretaryOrChair(forwarded.atZone(ZONE).toLocalDate()));
                }
                matters.add(matter);
            }
        }
    }

    private @Nullable MatterPlan sideMatter(MeetingPlan m, @Nullable Rulebook r, boolean decides, Set<String> titles) {
        MatterPlan matter = matter(m, r, decides, titles);
        if (matter != null) {
            matter.submittedAt = matter.submittedAt.minus(Duration.ofDays(10));
            matter.documents.replaceAll(d -> d.uploadedAt().isBefore(matter.submittedAt)
                    ? new DocumentPlan(d.id(), d.name(), d.mediaType(), d.content(), d.uploadedBy(), matter.submittedAt) : d);
            matter.admittedLateBy = null;
        }
        return matter;
    }

    /** The political council's copy of a matter its leadership group forwarded (LSVO-28), placed on a later agenda. */
    private void forwardedCopy(MatterPlan original) {
        MatterPlan copy = new MatterPlan();
        copy.id = Seeds.id("Matter", body.key() + "/from/" + original.id);
        copy.body = body.body().id().value();
        copy.type = original.type;
        copy.category = original.category;
        copy.areas = original.areas;
        copy.title = original.title;
        copy.description = "Befordrat från " + source.body.body().shortName() + ": " + original.description;
        copy.submittedBy = java.util.Objects.requireNonNull(original.forwardedBy);
        copy.submittedAt = java.util.Objects.requireNonNull(original.forwardedAt);
        copy.documentsCompleteOn = original.documentsCompleteOn;
        copy.forwardedFrom = original.id;
        copy.state = null; // until placed
        forwardedIn.add(copy);
    }

    /** Puts a matter on the meeting, and moves it on as the meeting went. */
    private void place(MeetingPlan m, MatterPlan matter, int position, String kind, @Nullable String rule) {
        matter.meeting = m;
        matter.agendaPosition = position;
        if (body.preparation() != null) {
            matter.prepared = random.nextInt(100) < 95;
            matter.anchored = random.nextInt(100) < 80;
        }
        if (m.notice != null && (m.cancel == null || m.notice.sentAt().isBefore(m.cancel.at()))) {
            m.agenda.add(new AgendaEntry(position, kind, matter, null, matter.title, rule));
        }
        Instant triaged = matter.submittedAt.plus(Duration.ofDays(1 + random.nextInt(4)));
        switch (m.state) {
            case CANCELLED -> {
                // LSVO-21: a cancellation sends placed matters back, or postpones them once the agenda was sent
                matter.state = m.notice != null ? MatterState.POSTPONED : MatterState.DEFERRED;
                matter.meeting = null;
                matter.agendaPosition = null;
                matter.stateNote = "Sammanträdet ställdes in: " + java.util.Objects.requireNonNull(m.cancel).reason();
            }
            case HELD -> {
                if (matter.type == MatterType.DECISION) {
                    decide(m, matter);
                } else {
                    matter.state = MatterState.HANDLED;
                }
            }
            case NOTICE_SENT -> matter.state = MatterState.ON_AGENDA;
            case PLANNED -> {
                if (triaged.isBefore(AS_OF) && matter.forwardedFrom == null) {
                    matter.state = MatterState.TRIAGED;
                } else {
                    matter.state = matter.forwardedFrom == null && random.nextInt(100) < 20 ? MatterState.COMPLEMENT_REQUESTED
                            : MatterState.SUBMITTED;
                    matter.complementRequest = matter.state == MatterState.COMPLEMENT_REQUESTED
                            ? "Underlaget behöver kompletteras med en konsekvensbeskrivning för båda huvudmännen." : null;
                    matter.meeting = null;
                    matter.agendaPosition = null;
                    matter.prepared = null;
                    matter.anchored = null;
                }
            }
        }
        if (matter.forwardedFrom == null) {
            matters.add(matter);
        }
    }

    // -------------------------------------------------------------------------------------------------- decisions

    /**
     * LSVO-16: every entitled member declares within their own mandate; the rulebook's quorum for the category must be
     * met (LSVO-17..19), else the chair postpones the matter (LSVO-21). The outcome is per party.
     */
    private void decide(MeetingPlan m, MatterPlan matter) {
        Rulebook r = m.rulebook;
        Map<SeatId, Attendance> attended = new LinkedHashMap<>();
        m.attendance.forEach(a -> attended.put(a.seat().seat().id(), a));
        List<Entitled> entitled = new ArrayList<>();
        Set<SeatId> present = new LinkedHashSet<>();
        Map<SeatId, GenSeat> seats = new LinkedHashMap<>();
        for (GenSeat seat : body.seats()) {
            Attendance a = attended.get(seat.seat().id());
            if (a != null && (a.status().equals("PRESENT") || a.status().equals("SUBSTITUTED"))) {
                present.add(seat.seat().id());
            }
            PersonId holder = a != null && a.substitute() != null ? a.substitute() : seat.holder(m.date);
            if (seat.seat().decisionMandate() && holder != null && seat.seat().validity().contains(m.date)) {
                entitled.add(new Entitled(seat.seat().id(), seat.party().id(), seat.side(), seat.seat().function(),
                        seat.seat().subjectAreas(), holder));
                seats.put(seat.seat().id(), seat);
            }
        }
        int mood = random.nextInt(100);
        List<PartyId> parties = entitled.stream().map(Entitled::party).distinct().toList();
        Set<PartyId> dissenting = new LinkedHashSet<>();
        if (mood >= 85 && mood < 97 && !parties.isEmpty()) {
            dissenting.add(parties.get(random.nextInt(parties.size())));
            if (random.nextBoolean()) {
                dissenting.add(parties.get(random.nextInt(parties.size())));
            }
        }
        Set<DeclarationChannel> channels = r == null || r.declarations() == null ? Set.of(DeclarationChannel.IN_MEETING)
                : r.declarations().channels();
        String recordedBy = subject(secretaryOrChair(m.date));
        Map<SeatId, Declaration> declared = new LinkedHashMap<>();
        int order = 0;
        for (Entitled e : entitled) {
            Position position = mood >= 97 ? (random.nextInt(100) < 80 ? Position.OPPOSE : Position.SUPPORT)
                    : dissenting.contains(e.party()) ? (random.nextInt(100) < 70 ? Position.OPPOSE : Position.ABSTAIN)
                    : Position.SUPPORT;
            DeclarationChannel channel;
            GenSeat conveyor = null;
            Instant at;
            if (present.contains(e.seat())) {
                channel = DeclarationChannel.IN_MEETING;
                at = m.startsAt.plus(Duration.ofMinutes(15 + 10L * (matter.agendaPosition == null ? 0 : matter.agendaPosition) + order++));
            } else if (channels.contains(DeclarationChannel.EMAIL_TO_SECRETARY) && random.nextInt(100) < 70) {
                channel = DeclarationChannel.EMAIL_TO_SECRETARY; // before the meeting starts (LSVO-20)
                at = at(m.date.minusDays(1), LocalTime.of(16, 0)).plus(Duration.ofMinutes(order++));
            } else if (channels.contains(DeclarationChannel.VIA_MEMBER) && random.nextInt(100) < 60) {
                channel = DeclarationChannel.VIA_MEMBER;
                conveyor = seats.values().stream().filter(s -> present.contains(s.seat().id()) && s.party().id().equals(e.party()))
                        .findFirst().orElse(seats.values().stream().filter(s -> present.contains(s.seat().id())).findFirst().orElse(null));
                if (conveyor == null) {
                    continue;
                }
                at = m.startsAt.plus(Duration.ofMinutes(15 + order++));
            } else {
                continue; // absent and silent
            }
            String text = position == Position.OPPOSE && random.nextBoolean()
                    ? "Reservation: förslaget behöver förankras i den egna organisationen först." : null;
            Declaration d = new Declaration(e.seat(), position, channel, conveyor == null ? null : conveyor.seat().id(), text);
            declared.put(e.seat(), d);
            matter.declarations.add(new DeclarationPlan(seats.get(e.seat()), e.person(), position, channel, conveyor, text,
                    recordedBy, at));
        }
        QuorumRule rule = r == null ? null : r.quorumFor(java.util.Objects.requireNonNull(matter.category)).orElse(null);
        boolean ready = !entitled.isEmpty() && !declared.isEmpty()
                && (rule == null || Quorum.evaluate(rule, entitled, present, declared, matter.areas).ready());
        if (!ready) {
            matter.state = MatterState.POSTPONED; // LSVO-21: not enough members for the decision's category
            matter.meeting = null;
            matter.agendaPosition = null;
            matter.stateNote = "Uppskjutet: beslutförheten enligt " + (rule == null ? "arbetsordningen" : rule.rule())
                    + " uppnåddes inte.";
            return;
        }
        Quorum.Outcome outcome = Quorum.outcome(entitled, declared);
        UUID amends = null;
        if ((body.role() == Role.RSR || body.role() == Role.LSVO) && matter.category == DecisionCategory.FORUM_WIDE
                && random.nextInt(100) < 3) {
            // AGR-03: an amendment of the county's agreement needs every party to it
            amends = Seeds.id("Agreement", body.body().countyCode() + "/regional-samverkan");
            outcome = Quorum.amendment(outcome, body.county().parties.stream().map(Party::id).toList());
        }
        matter.amendsAgreement = amends;
        matter.state = MatterState.DECIDED;
        Instant decidedAt = m.startsAt.plus(Duration.ofMinutes(30 + 10L * java.util.Objects.requireNonNull(matter.agendaPosition)));
        Map<PartyId, String> codes = new LinkedHashMap<>();
        body.county().parties.forEach(p -> codes.put(p.id(), p.code()));
        matter.decision = new DecisionPlan(Seeds.id("Decision", matter.id.toString()),
                Texts.decision(body.body().shortName(), matter.title), outcome,
                outcome.supporting().stream().map(codes::get).toList(), outcome.notSupporting().stream().map(codes::get).toList(),
                rule == null ? null : rule.rule(), entitled, present, declared, recordedBy, decidedAt, amends);
        if (outcome.kind() != Quorum.OutcomeKind.NOT_ADOPTED && r != null && r.recommendations() != null
                && random.nextInt(100) < 25) {
            recommend(matter, matter.decision, r.recommendations().rule());
        }
    }

    /** LSVO-27, PSVO-09: a recommendation to the committees concerned, answered by each party (or not yet). */
    private void recommend(MatterPlan matter, DecisionPlan decision, String rule) {
        Instant issued = at(decision.decidedAt().atZone(ZONE).toLocalDate().plusDays(1 + random.nextInt(10)), LocalTime.of(10, 0));
        if (!issued.isBefore(AS_OF)) {
            return;
        }
        UUID id = Seeds.id("Recommendation", decision.id().toString());
        String text = Texts.recommendation(body.body().shortName(), matter.title);
        List<Party> parties = body.role() == Role.PUBLIC_HEALTH || body.role() == Role.LOCAL_LEADERSHIP
                || body.role() == Role.LOCAL_COUNCIL || body.role() == Role.GROUP
                ? List.of(body.home(), body.county().region()) : body.county().parties;
        List<RecipientPlan> recipients = new ArrayList<>();
        String title = "Rekommendation: " + (text.length() <= 120 ? text : text.substring(0, 117) + "...");
        long age = Duration.between(issued, AS_OF).toDays();
        for (Party party : parties) {
            List<Committee> concerned = body.county().committees.get(party.id()).stream()
                    .filter(c -> c.kind() != CommitteeKind.BOARD && c.subjectAreas().stream().anyMatch(matter.areas::contains))
                    .toList();
            if (concerned.isEmpty()) {
                concerned = body.county().committees.get(party.id()).stream().filter(c -> c.kind() == CommitteeKind.BOARD).toList();
            }
            String reader = structure.readers.get(party.id()).toString();
            for (Committee committee : concerned) {
                int roll = random.nextInt(100);
                boolean sent = age > 120 ? roll < 80 : roll < 30;
                boolean draft = !sent && (age > 120 ? roll < 85 : roll < 55);
                AnswerPlan answer = null;
                Instant handled = null;
                if (sent || draft) {
                    LocalDate on = issued.atZone(ZONE).toLocalDate().plusDays(10 + random.nextInt((int) Math.max(1, Math.min(age - 10, 150))));
                    Instant written = at(on, LocalTime.of(10, 0));
                    if (!written.isBefore(AS_OF)) {
                        on = AS_OF.atZone(ZONE).toLocalDate().minusDays(1);
                        written = at(on, LocalTime.of(10, 0));
                    }
                    int kind = random.nextInt(100);
                    String value = kind < 70 ? "ADOPTED" : kind < 90 ? "ADOPTED_WITH_CHANGES" : "DECLINED";
                    answer = new AnswerPlan(Seeds.id("Answer", id + "/" + committee.id()), value,
                            value.equals("ADOPTED") ? null : "Nämnden antar rekommendationen med de ändringar som följer av lokala förutsättningar.",
                            on, sent ? "SENT" : "DRAFT", reader, written, sent ? written : null);
                    handled = sent ? written : null;
                }
                recipients.add(new RecipientPlan(committee.id().value(), party.code(), answer));
                inbox.add(item(Seeds.inbox(id, committee.id().value()), committee.id().value(), party, "RECOMMENDATION",
                        null, id, title, rule, issued, handled));
            }
        }
        recommendations.add(new RecommendationPlan(id, decision.id(), text, rule, decision.decidedBy(), issued, recipients));
    }

    // --------------------------------------------------------------------------------------------------- minutes

    /**
     * The minutes of a held meeting: the secretary drafts them, those chosen sign (LSVO-13, PSVO-10); once the last
     * has signed they are frozen and distributed (LSVO-14), and published where the rulebook says so (LSVO-15). The
     * most recent are still being signed.
     */
    private void minutes(MeetingPlan m, Rulebook r, MinutesRule rule) {
        MinutesPlan x = new MinutesPlan();
        x.id = Seeds.id("Minutes", m.id + "/1");
        x.meeting = m;
        x.draftedBy = subject(secretaryOrChair(m.date));
        x.draftedAt = m.startsAt.plus(Duration.ofHours(20 + random.nextInt(30)));
        m.minutes = x;
        List<Attendance> present = m.attendance.stream()
                .filter(a -> a.status().equals("PRESENT") || a.status().equals("SUBSTITUTED")).toList();
        List<Signatory> chosen = new ArrayList<>();
        Set<PersonId> taken = new LinkedHashSet<>();
        boolean complete = true;
        for (SignatoryRequirement requirement : rule.signatories()) {
            for (int i = 0; i < requirement.count(); i++) {
                PersonId person = signatory(requirement, present, taken, m.date);
                if (person == null) {
                    complete = false;
                    continue;
                }
                taken.add(person);
                chosen.add(new Signatory(person, requirement.kind(), requirement.side()));
            }
        }
        x.signatories = chosen;
        int dealt = 0;
        for (AgendaEntry entry : m.agenda) {
            MatterPlan matter = entry.matter();
            boolean postponed = matter != null && matter.state == MatterState.POSTPONED;
            String outcome = matter == null ? null : matter.decision != null ? matter.decision.outcome().kind().name()
                    : matter.state.name();
            x.items.add(new MinutesItem(postponed ? null : ++dealt, entry.position(), entry.kind(),
                    matter == null ? null : matter.id, entry.title(), outcome));
        }
        Instant at = at(m.date.plusDays(2 + random.nextInt(7)), LocalTime.of(10, 0));
        if (lastSigned != null && !at.isAfter(lastSigned)) {
            at = lastSigned.plus(Duration.ofHours(1));
        }
        List<PersonId> signed = new ArrayList<>();
        for (Signatory s : chosen) {
            if (!at.isBefore(AS_OF)) {
                break;
            }
            x.signatures.add(new Signature(s.person(), Signing.fill(rule, chosen, signed, s.person()), at));
            signed.add(s.person());
            at = at.plus(Duration.ofMinutes(30 + random.nextInt(20 * 60)));
        }
        x.signed = complete && !chosen.isEmpty() && Signing.complete(rule, chosen, signed);
        if (!x.signed) {
            return;
        }
        x.signedAt = x.signatures.get(x.signatures.size() - 1).at();
        lastSigned = x.signedAt;
        if (r.publication() != null && r.publication().minutesPublished() && random.nextInt(100) < 97) {
            Instant published = x.signedAt.plus(Duration.ofHours(2 + random.nextInt(70)));
            x.publishedAt = published.isBefore(AS_OF) ? published : null;
        }
        if (r.distribution() != null) {
            distribute(x, m, r);
        }
    }

    private @Nullable PersonId signatory(SignatoryRequirement requirement, List<Attendance> present, Set<PersonId> taken,
            LocalDate date) {
        List<PersonId> candidates = new ArrayList<>();
        for (Attendance a : present) {
            PersonId person = a.substitute() != null ? a.substitute() : a.seat().holder(date);
            if (person == null || taken.contains(person)) {
                continue;
            }
            SeatRole role = a.seat().seat().role();
            boolean fits = switch (requirement.kind()) {
                case MEETING_CHAIR -> role == SeatRole.CHAIR;
                case SECRETARY -> role == SeatRole.SECRETARY;
                case APPOINTED_MEMBER -> a.seat().seat().decisionMandate() && role != SeatRole.CHAIR
                        && (requirement.side() == null || requirement.side() == a.seat().side());
            };
            if (fits) {
                candidates.add(person);
            }
        }
        if (candidates.isEmpty() && requirement.kind() == SignatoryKind.MEETING_CHAIR) {
            // no chair present: the meeting chooses one of the members to chair it
            for (Attendance a : present) {
                PersonId person = a.substitute() != null ? a.substitute() : a.seat().holder(date);
                if (a.seat().seat().decisionMandate() && person != null && !taken.contains(person)) {
                    candidates.add(person);
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** LSVO-14, PSVO-11: each committee the distribution list reaches on the meeting date receives the minutes. */
    private void distribute(MinutesPlan x, MeetingPlan m, Rulebook r) {
        Set<String> areas = new LinkedHashSet<>();
        matters.stream().filter(x2 -> x2.meeting == m).forEach(x2 -> areas.addAll(x2.areas));
        Map<UUID, Party> reached = new LinkedHashMap<>();
        for (Recipient recipient : java.util.Objects.requireNonNull(r.distribution()).recipients()) {
            for (Party party : body.county().parties) {
                for (Committee c : body.county().committees.get(party.id())) {
                    if (c.validity().contains(m.date) && reaches(recipient, party, c, areas)) {
                        reached.putIfAbsent(c.id().value(), party);
                    }
                }
            }
        }
        String title = "Protokoll " + body.body().shortName() + " " + m.date;
        Instant arrived = java.util.Objects.requireNonNull(x.signedAt);
        reached.forEach((committee, party) -> inbox.add(item(Seeds.inbox(x.id, committee), committee, party, "MINUTES", x.id,
                null, title, r.distribution().rule(), arrived, null)));
    }

    /** As the service's {@code Distribution} decides it. */
    private static boolean reaches(Recipient recipient, Party party, Committee committee, Set<String> areas) {
        return switch (recipient.kind()) {
            case COMMITTEE -> (party.code() + "/" + committee.code()).equals(recipient.target());
            case PARTY -> party.code().equals(recipient.target()) && committee.kind() == CommitteeKind.BOARD;
            case EXECUTIVE_BOARDS -> party.kind().side() == recipient.side() && committee.kind() == CommitteeKind.BOARD;
            case COMMITTEES_CONCERNED -> party.kind().side() == recipient.side() && committee.kind() != CommitteeKind.BOARD
                    && committee.subjectAreas().stream().anyMatch(areas::contains);
            case BODY_MEMBERS, BODY -> false;
        };
    }

    /** An inbox item and, for older ones mostly, the committee's handling of it (the party's own data). */
    private InboxPlan item(UUID id, UUID committee, Party party, String kind, @Nullable UUID minutes,
            @Nullable UUID recommendation, String title, @Nullable String rule, Instant arrived, @Nullable Instant handled) {
        long age = Duration.between(arrived, AS_OF).toDays();
        if (handled == null && random.nextInt(100) < (age > 45 ? 85 : 25)) {
            long within = Math.max(1, Math.min(40, age));
            handled = arrived.plus(Duration.ofDays(random.nextInt((int) within))).plus(Duration.ofHours(1 + random.nextInt(6)));
            if (!handled.isBefore(AS_OF)) {
                handled = null;
            }
        }
        String note = handled != null && random.nextInt(100) < 35 ? Texts.note(random) : null;
        return new InboxPlan(id, committee, party.code(), kind, minutes, recommendation, body.body().id().value(), title, rule,
                arrived, handled, note, handled == null ? null : structure.readers.get(party.id()).toString());
    }

    // ------------------------------------------------------------------------------------------------ who is who

    private @Nullable GenSeat member(LocalDate date) {
        List<GenSeat> members = body.seats().stream().filter(s -> s.seat().role() != SeatRole.SECRETARY
                && s.seat().validity().contains(date) && s.holder(date) != null).toList();
        return members.isEmpty() ? null : members.get(random.nextInt(members.size()));
    }

    private PersonId secretaryOrChair(LocalDate date) {
        return first(date, SeatRole.SECRETARY, SeatRole.CHAIR);
    }

    private PersonId chairOrSecretary(LocalDate date) {
        return first(date, SeatRole.CHAIR, SeatRole.SECRETARY);
    }

    /** The holder of the first of these roles held that day, else any holder, else the home party's reader. */
    private PersonId first(LocalDate date, SeatRole... roles) {
        for (SeatRole role : roles) {
            for (GenSeat seat : body.seats()) {
                PersonId holder = seat.seat().role() == role ? seat.holder(date) : null;
                if (holder != null) {
                    return holder;
                }
            }
        }
        for (GenSeat seat : body.seats()) {
            PersonId holder = seat.holder(date);
            if (holder != null) {
                return holder;
            }
        }
        return structure.readers.get(body.home().id());
    }

    private static String subject(PersonId person) {
        return person.toString();
    }

    static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ZONE).toInstant();
    }

    private static String unique(Set<String> titles, String title) {
        String candidate = title;
        for (int n = 2; !titles.add(candidate); n++) {
            candidate = title + " (" + n + ")";
        }
        return candidate;
    }
}
