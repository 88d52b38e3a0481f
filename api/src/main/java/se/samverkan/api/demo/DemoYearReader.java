package se.samverkan.api.demo;

import se.samverkan.api.structure.StructureException;
import se.samverkan.api.structure.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.calendar.SwedishCalendar;
import se.samverkan.domain.decision.Position;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.meeting.Matter;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.meeting.MeetingKind;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.api.demo.DemoYear.AnswerEntry;
import se.samverkan.api.demo.DemoYear.BodyDefaults;
import se.samverkan.api.demo.DemoYear.DecisionEntry;
import se.samverkan.api.demo.DemoYear.DeclarationEntry;
import se.samverkan.api.demo.DemoYear.RecipientEntry;
import se.samverkan.api.demo.DemoYear.RecommendationEntry;
import se.samverkan.api.demo.DemoYear.CancelEntry;
import se.samverkan.api.demo.DemoYear.DocumentEntry;
import se.samverkan.api.demo.DemoYear.ForwardEntry;
import se.samverkan.api.demo.DemoYear.MatterEntry;
import se.samverkan.api.demo.DemoYear.MeetingEntry;
import se.samverkan.api.demo.DemoYear.NoticeEntry;
import se.samverkan.api.demo.DemoYear.Where;

/**
 * Reads the demo-year files into a {@link DemoYear} and checks everything that needs no database: the shape of every
 * entry, and that the year is consistent in itself — a meeting's state agrees with its notice and cancellation, a
 * matter's state with its meeting's (a triaged matter sits on a planned meeting, a matter on the agenda on a meeting
 * whose notice is sent, a decided one on a held meeting), dates follow each other, and meetings fall on working days
 * (IMP-01). Every problem in every file is collected, each with its file and line; if there is any, nothing is
 * returned.
 */
final class DemoYearReader {

    /** States whose matter sits on a meeting, and the state that meeting must be in. */
    private static final Map<MatterState, MeetingState> MEETING_OF = Map.of(
            MatterState.TRIAGED, MeetingState.PLANNED,
            MatterState.ON_AGENDA, MeetingState.NOTICE_SENT,
            MatterState.POSTPONED, MeetingState.HELD,
            MatterState.DECIDED, MeetingState.HELD,
            MatterState.HANDLED, MeetingState.HELD);

    private final List<DemoYearException.Problem> problems = new ArrayList<>();
    private final List<BodyDefaults> bodies = new ArrayList<>();
    private final List<MeetingEntry> meetings = new ArrayList<>();
    private final List<MatterEntry> matters = new ArrayList<>();

    private DemoYearReader() {
    }

    /** Reads files given as (name, content) pairs, in the order given. */
    static DemoYear read(Map<String, Supplier<InputStream>> files) {
        DemoYearReader reader = new DemoYearReader();
        files.forEach(reader::readFile);
        reader.checkTheYear();
        if (!reader.problems.isEmpty()) {
            throw new DemoYearException(reader.problems);
        }
        return new DemoYear(List.copyOf(reader.bodies), List.copyOf(reader.meetings), List.copyOf(reader.matters));
    }

    /** The id of a meeting: county, body and date are its natural key (a body meets at most once a day). */
    static UUID meetingId(String county, String body, LocalDate date) {
        return uuid("Meeting:" + county + "/" + body + "/" + date);
    }

    static UUID matterId(String county, String key) {
        return uuid("Matter:" + county + "/" + key);
    }

    /** The copy of a matter forwarded to another body (LSVO-28). */
    static UUID forwardedCopyId(String county, String key, String toBody) {
        return uuid("Matter:" + county + "/" + key + "/forwarded-to/" + toBody);
    }

    static UUID documentId(UUID matter, String name) {
        return uuid("Document:" + matter + "/" + name);
    }

    /** The decision of a decided matter: one per matter. */
    static UUID decisionId(String county, String matterKey) {
        return uuid("Decision:" + county + "/" + matterKey);
    }

    static UUID recommendationId(String county, String key) {
        return uuid("Recommendation:" + county + "/" + key);
    }

    /** A party's answer: one per recommendation and committee. */
    static UUID answerId(UUID recommendation, UUID committee) {
        return uuid("RecommendationAnswer:" + recommendation + "/" + committee);
    }

    static UUID uuid(String naturalKey) {
        return UUID.nameUUIDFromBytes(naturalKey.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------- files

    private void readFile(String file, Supplier<InputStream> content) {
        attempt(() -> {
            YamlNode r = YamlNode.parse(file, content);
            String county = r.string("county");
            for (YamlNode n : r.list("bodies")) {
                attempt(() -> readBody(n, county));
            }
            for (YamlNode n : r.list("meetings")) {
                attempt(() -> readMeeting(n, county));
            }
            for (YamlNode n : r.list("matters")) {
                attempt(() -> readMatter(n, county));
            }
            r.rejectUnknownKeys();
        });
    }

    private void attempt(Runnable step) {
        try {
            step.run();
        } catch (StructureException e) {
            problems.add(new DemoYearException.Problem(e.file(), e.line(), e.problem()));
        }
    }

    private static Where where(YamlNode n) {
        return new Where(n.file(), n.line());
    }

    private void readBody(YamlNode n, String county) {
        BodyDefaults body = new BodyDefaults(where(n), county, n.string("body"), n.time("time"), location(n, true),
                n.string("scheduledBy"));
        n.rejectUnknownKeys();
        if (bodies.stream().anyMatch(b -> b.county().equals(county) && b.body().equals(body.body()))) {
            throw n.problem("body '" + body.body() + "' has defaults twice in " + county);
        }
        bodies.add(body);
    }

    private static @Nullable String location(YamlNode n, boolean required) {
        String location = required ? n.string("location") : n.optString("location");
        if (location != null && location.length() > 300) {
            throw n.problem("'location' must be at most 300 characters");
        }
        return location;
    }

    private void readMeeting(YamlNode n, String county) {
        String body = n.string("body");
        LocalDate date = n.date("date");
        MeetingKind kind = n.optEnum("kind", MeetingKind.class);
        MeetingState state = n.enumValue("state", MeetingState.class);
        LocalDate scheduledOn = n.optDate("scheduledOn");
        String location = location(n, false);
        NoticeEntry notice = null;
        YamlNode noticeNode = n.optMapping("notice");
        if (noticeNode != null) {
            String sent = noticeNode.string("sent");
            Integer daysLate = noticeNode.optInteger("daysLate");
            noticeNode.rejectUnknownKeys();
            notice = switch (sent) {
                case "ON_TIME" -> {
                    if (daysLate != null) {
                        throw noticeNode.problem("'daysLate' goes with sent: LATE");
                    }
                    yield new NoticeEntry(false, 0);
                }
                case "LATE" -> {
                    if (daysLate == null || daysLate < 1) {
                        throw noticeNode.problem("a LATE notice needs 'daysLate', at least 1 (calendar days after its due day)");
                    }
                    yield new NoticeEntry(true, daysLate);
                }
                default -> throw noticeNode.problem("'sent' is '" + sent + "', expected ON_TIME or LATE");
            };
        }
        MeetingState preparation = null;
        YamlNode prepNode = n.optMapping("preparation");
        if (prepNode != null) {
            preparation = prepNode.enumValue("state", MeetingState.class);
            prepNode.rejectUnknownKeys();
        }
        CancelEntry cancelled = null;
        YamlNode cancelNode = n.optMapping("cancelled");
        if (cancelNode != null) {
            cancelled = new CancelEntry(cancelNode.string("by"), cancelNode.date("on"), cancelNode.string("reason"));
            cancelNode.rejectUnknownKeys();
            if (cancelled.reason().length() > 1000) {
                throw cancelNode.problem("'reason' must be at most 1000 characters");
            }
        }
        List<String> absent = n.strings("absent");
        MeetingEntry meeting = new MeetingEntry(where(n), county, body, date, kind == null ? MeetingKind.ORDINARY : kind,
                state, scheduledOn, n.has("time") ? n.time("time") : null, location, notice, preparation, cancelled,
                absent);
        n.rejectUnknownKeys();
        if (!absent.isEmpty() && state != MeetingState.HELD) {
            throw n.problem("only a HELD meeting has attendance; 'absent' goes with state: HELD");
        }
        if (Set.copyOf(absent).size() != absent.size()) {
            throw n.problem("'absent' names a seat twice");
        }

        if (meeting.kind() == MeetingKind.PREPARATION) {
            throw n.problem("a preparation meeting is declared with the meeting it prepares ('preparation'), LSVO-24");
        }
        if (!SwedishCalendar.isWorkingDay(date)) {
            throw n.problem(date + " is not a working day (IMP-01)");
        }
        if ((state == MeetingState.NOTICE_SENT || state == MeetingState.HELD) && notice == null) {
            throw n.problem("a meeting that is " + state + " needs its 'notice'");
        }
        if (state == MeetingState.PLANNED && notice != null) {
            throw n.problem("a PLANNED meeting has no notice yet; its state would be NOTICE_SENT");
        }
        if ((state == MeetingState.CANCELLED) != (cancelled != null)) {
            throw n.problem(cancelled == null ? "a CANCELLED meeting needs 'cancelled' (by, on, reason; LSVO-21)"
                    : "only a CANCELLED meeting has 'cancelled'");
        }
        LocalDate planned = scheduledOn(meeting);
        if (!planned.isBefore(date)) {
            throw n.problem("scheduled on " + planned + ", not before the meeting");
        }
        if (cancelled != null && (cancelled.on().isBefore(planned) || !cancelled.on().isBefore(date))) {
            throw n.problem("cancelled on " + cancelled.on() + ", which must lie between its scheduling (" + planned
                    + ") and the meeting");
        }
        if (preparation != null && preparation != MeetingState.PLANNED && preparation != MeetingState.HELD) {
            throw n.problem("a preparation meeting here is PLANNED or HELD, not " + preparation);
        }
        if (preparation == MeetingState.HELD && state == MeetingState.PLANNED) {
            throw n.problem("the preparation meeting cannot be HELD while its meeting's notice is not yet sent");
        }
        if (meetings.stream().anyMatch(m -> m.county().equals(county) && m.body().equals(body) && m.date().equals(date))) {
            throw n.problem("meeting of " + body + " on " + date + " is declared twice");
        }
        meetings.add(meeting);
    }

    /** When a meeting was scheduled: as written, or 1 December of the year before. */
    static LocalDate scheduledOn(MeetingEntry m) {
        return m.scheduledOn() != null ? m.scheduledOn() : LocalDate.of(m.date().getYear() - 1, 12, 1);
    }

    private void readMatter(YamlNode n, String county) {
        String key = n.string("key");
        List<DocumentEntry> documents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode doc : n.list("documents")) {
            attempt(() -> {
                String media = doc.optString("mediaType");
                DocumentEntry document = new DocumentEntry(where(doc), doc.string("name"),
                        media == null ? "text/plain; charset=utf-8" : media, doc.date("uploaded"), doc.text("content"));
                doc.rejectUnknownKeys();
                if (document.name().length() > 200) {
                    throw doc.problem("'name' must be at most 200 characters");
                }
                if (!names.add(document.name())) {
                    throw doc.problem("document '" + document.name() + "' appears twice in matter '" + key + "'");
                }
                documents.add(document);
            });
        }
        ForwardEntry forwardedTo = null;
        YamlNode forward = n.optMapping("forwardedTo");
        if (forward != null) {
            forwardedTo = new ForwardEntry(forward.string("body"), forward.date("on"), forward.string("by"));
            forward.rejectUnknownKeys();
        }
        List<DeclarationEntry> declarations = new ArrayList<>();
        for (YamlNode d : n.list("declarations")) {
            attempt(() -> {
                DeclarationChannel channel = d.optEnum("channel", DeclarationChannel.class);
                DeclarationEntry declaration = new DeclarationEntry(where(d), d.string("seat"),
                        d.enumValue("position", Position.class), channel == null ? DeclarationChannel.IN_MEETING : channel,
                        d.optString("conveyedBy"), d.optString("text"));
                d.rejectUnknownKeys();
                if ((declaration.channel() == DeclarationChannel.VIA_MEMBER) != (declaration.conveyedBy() != null)) {
                    throw d.problem("a position VIA_MEMBER names the seat that conveyed it ('conveyedBy'), and only then (LSVO-20)");
                }
                if (declaration.text() != null && declaration.text().length() > 2000) {
                    throw d.problem("'text' must be at most 2000 characters");
                }
                if (declarations.stream().anyMatch(x -> x.seat().equals(declaration.seat()))) {
                    throw d.problem("seat '" + declaration.seat() + "' declares twice on matter '" + key + "'");
                }
                declarations.add(declaration);
            });
        }
        DecisionEntry decision = null;
        YamlNode decisionNode = n.optMapping("decision");
        if (decisionNode != null) {
            decision = readDecision(decisionNode);
        }
        MatterEntry matter = new MatterEntry(where(n), county, key, n.string("body"), n.string("title"),
                n.string("description"), n.enumValue("type", MatterType.class),
                n.optEnum("decisionCategory", DecisionCategory.class), n.strings("subjectAreas"), n.string("submittedBy"),
                n.date("submitted"), n.enumValue("state", MatterState.class), n.optDate("meeting"), n.optBool("prepared"),
                n.optBool("anchored"), n.optString("admittedLateBy"), n.optString("complementRequest"),
                n.optString("stateNote"), forwardedTo, List.copyOf(documents), List.copyOf(declarations), decision);
        n.rejectUnknownKeys();
        boolean decided = state(matter) == MatterState.DECIDED;
        if (decided != (decision != null)) {
            throw n.problem(decided ? "a DECIDED matter states its 'decision' (text; LSVO-16)"
                    : "only a DECIDED matter has a 'decision'");
        }
        if (!declarations.isEmpty() && state(matter) != MatterState.DECIDED && state(matter) != MatterState.POSTPONED) {
            throw n.problem("'declarations' are the positions on a decision matter taken up at a meeting: DECIDED or "
                    + "POSTPONED, not " + matter.state());
        }

        try { // the domain's own checks: lengths, LSVO-17 (decision category), LSVO-18 (subject areas)
            new Matter(matterId(county, key), BodyId.of(county + "/" + matter.body()), matter.title(), matter.description(),
                    matter.type(), matter.decisionCategory(), matter.subjectAreas(), matter.state(), matter.submittedBy(),
                    java.time.Instant.EPOCH, null, null, null, null, null, null, null, null, null, 0);
        } catch (DomainException e) {
            throw n.problem(e.getMessage());
        }
        checkStateFields(n, matter);
        for (DocumentEntry d : documents) {
            if (d.uploaded().isBefore(matter.submitted())) {
                problems.add(d.at().problem("document '" + d.name() + "' came in on " + d.uploaded()
                        + ", before its matter was submitted (" + matter.submitted() + ")"));
            }
        }
        if (matters.stream().anyMatch(m -> m.county().equals(county) && m.key().equals(key))) {
            throw n.problem("matter '" + key + "' is declared twice in " + county);
        }
        matters.add(matter);
    }

    private static MatterState state(MatterEntry m) {
        return m.state();
    }

    private DecisionEntry readDecision(YamlNode n) {
        String text = n.text("text");
        List<RecommendationEntry> recommendations = new ArrayList<>();
        for (YamlNode r : n.list("recommendations")) {
            attempt(() -> {
                List<RecipientEntry> to = new ArrayList<>();
                for (YamlNode t : r.list("to")) {
                    attempt(() -> {
                        AnswerEntry answer = null;
                        YamlNode a = t.optMapping("answer");
                        if (a != null) {
                            answer = new AnswerEntry(where(a), a.string("answer"), a.string("state"), a.date("on"),
                                    a.string("by"), a.optString("text"));
                            a.rejectUnknownKeys();
                            if (!Set.of("ADOPTED", "ADOPTED_WITH_CHANGES", "DECLINED").contains(answer.answer())) {
                                throw a.problem("'answer' is '" + answer.answer()
                                        + "', expected one of ADOPTED, ADOPTED_WITH_CHANGES, DECLINED");
                            }
                            if (!Set.of("DRAFT", "SENT").contains(answer.state())) {
                                throw a.problem("'state' is '" + answer.state() + "', expected DRAFT or SENT");
                            }
                            if (answer.text() != null && answer.text().length() > 10_000) {
                                throw a.problem("'text' must be at most 10 000 characters");
                            }
                        }
                        RecipientEntry recipient = new RecipientEntry(where(t), t.string("committee"), answer);
                        t.rejectUnknownKeys();
                        if (to.stream().anyMatch(x -> x.committee().equals(recipient.committee()))) {
                            throw t.problem("committee '" + recipient.committee() + "' is named twice");
                        }
                        to.add(recipient);
                    });
                }
                RecommendationEntry recommendation = new RecommendationEntry(where(r), r.string("key"), r.date("issued"),
                        r.string("issuedBy"), r.text("text"), List.copyOf(to));
                r.rejectUnknownKeys();
                if (to.isEmpty()) {
                    throw r.problem("a recommendation goes 'to' at least one committee (LSVO-27)");
                }
                if (recommendation.text().length() > 10_000) {
                    throw r.problem("'text' must be at most 10 000 characters");
                }
                for (RecipientEntry t : to) {
                    if (t.answer() != null && t.answer().on().isBefore(recommendation.issued())) {
                        problems.add(t.answer().at().problem("answered on " + t.answer().on()
                                + ", before the recommendation was issued (" + recommendation.issued() + ")"));
                    }
                }
                recommendations.add(recommendation);
            });
        }
        DecisionEntry decision = new DecisionEntry(where(n), text, List.copyOf(recommendations));
        n.rejectUnknownKeys();
        if (text.length() > 10_000) {
            throw n.problem("'text' must be at most 10 000 characters");
        }
        return decision;
    }

    private static void checkStateFields(YamlNode n, MatterEntry m) {
        MatterState state = m.state();
        MeetingState meetingState = MEETING_OF.get(state);
        if (meetingState != null && m.meeting() == null) {
            throw n.problem("a matter that is " + state + " names its 'meeting' (the date of a " + meetingState + " meeting of "
                    + m.body() + ")");
        }
        if (meetingState == null && m.meeting() != null) {
            throw n.problem("a matter that is " + state + " is on no meeting; remove 'meeting'");
        }
        if (meetingState != null && (m.prepared() == null || m.anchored() == null)) {
            throw n.problem("a matter placed on a meeting says whether it is 'prepared' and 'anchored' (LSVO-23)");
        }
        if (meetingState == null && (m.prepared() != null || m.anchored() != null)) {
            throw n.problem("'prepared' and 'anchored' are judged when a matter is placed on a meeting (LSVO-23)");
        }
        if ((state == MatterState.COMPLEMENT_REQUESTED) != (m.complementRequest() != null)) {
            throw n.problem(m.complementRequest() == null ? "a matter that is COMPLEMENT_REQUESTED says what is missing "
                    + "('complementRequest', LSVO-11)" : "only a COMPLEMENT_REQUESTED matter has a 'complementRequest'");
        }
        if ((state == MatterState.DEFERRED || state == MatterState.REJECTED) && m.stateNote() == null) {
            throw n.problem("a matter that is " + state + " says why ('stateNote')");
        }
        if (m.stateNote() != null && !EnumSet.of(MatterState.DEFERRED, MatterState.REJECTED, MatterState.POSTPONED).contains(state)) {
            throw n.problem("'stateNote' says why a matter was deferred, rejected or postponed; this one is " + state);
        }
        if (state == MatterState.DECIDED && m.type() != MatterType.DECISION) {
            throw n.problem("only a decision matter is DECIDED; an " + m.type() + " matter is HANDLED");
        }
        if (state == MatterState.HANDLED && m.type() == MatterType.DECISION) {
            throw n.problem("a decision matter is DECIDED, not HANDLED");
        }
        if ((state == MatterState.FORWARDED) && m.forwardedTo() == null) {
            throw n.problem("a FORWARDED matter names where it went ('forwardedTo', LSVO-28)");
        }
        if (m.forwardedTo() != null && !EnumSet.of(MatterState.FORWARDED, MatterState.DECIDED, MatterState.HANDLED).contains(state)) {
            throw n.problem("a matter that is " + state + " has not been forwarded; only FORWARDED, DECIDED and HANDLED "
                    + "matters are (LSVO-28)");
        }
        if (m.forwardedTo() != null && m.forwardedTo().body().equals(m.body())) {
            throw n.problem("a matter is forwarded to another body, not to its own");
        }
        if (m.forwardedTo() != null && m.forwardedTo().on().isBefore(m.documentsOn())) {
            throw n.problem("forwarded on " + m.forwardedTo().on() + ", before its documents were in (" + m.documentsOn() + ")");
        }
        if (m.admittedLateBy() != null && meetingState == null) {
            throw n.problem("'admittedLateBy' admits a matter onto a meeting (LSVO-12); this one is on none");
        }
    }

    // ------------------------------------------------------------------------------------------------- the year

    private void checkTheYear() {
        Map<String, MeetingEntry> byKey = new HashMap<>();
        meetings.forEach(m -> byKey.put(m.county() + "/" + m.body() + "/" + m.date(), m));
        for (MeetingEntry m : meetings) {
            if (bodies.stream().noneMatch(b -> b.county().equals(m.county()) && b.body().equals(m.body()))) {
                problems.add(m.at().problem("body '" + m.body() + "' has no entry under 'bodies' (time, location, scheduledBy)"));
            }
        }
        for (MatterEntry m : matters) {
            if (m.meeting() == null) {
                continue;
            }
            MeetingEntry meeting = byKey.get(m.county() + "/" + m.body() + "/" + m.meeting());
            if (meeting == null) {
                problems.add(m.at().problem("no meeting of " + m.body() + " on " + m.meeting() + " is declared"));
                continue;
            }
            MeetingState needed = MEETING_OF.get(m.state());
            if (meeting.state() != needed) {
                problems.add(m.at().problem("a matter that is " + m.state() + " sits on a " + needed + " meeting; "
                        + m.body() + " on " + m.meeting() + " is " + meeting.state()));
            }
            if (!m.documentsOn().isBefore(m.meeting())) {
                problems.add(m.at().problem("its documents came in on " + m.documentsOn() + ", not before the meeting on "
                        + m.meeting()));
            }
        }
    }
}
