package se.samverkan.api.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.decision.Position;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.meeting.MeetingKind;
import se.samverkan.domain.meeting.MeetingState;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.MatterType;

/**
 * The demo year as the files declare it, before anything is looked up or computed: dates are facts, people are the
 * keys of the demo people, bodies are short names within a county. Every entry remembers where it was written.
 */
record DemoYear(List<BodyDefaults> bodies, List<MeetingEntry> meetings, List<MatterEntry> matters) {

    /** The counties the entries are written for: the only ones whose rulebooks and seats the import must read. */
    java.util.Set<String> counties() {
        java.util.Set<String> counties = new java.util.TreeSet<>();
        bodies.forEach(b -> counties.add(b.county()));
        meetings.forEach(m -> counties.add(m.county()));
        matters.forEach(m -> counties.add(m.county()));
        return counties;
    }

    /** Where an entry is written, for problems. */
    record Where(String file, int line) {

        DemoYearException.Problem problem(String message) {
            return new DemoYearException.Problem(file, line, message);
        }
    }

    /** When and where a body usually meets, and who schedules its meetings. */
    record BodyDefaults(Where at, String county, String body, LocalTime time, String location, String scheduledBy) {
    }

    /** {@code notice}: sent on its due day, or {@code daysLate} calendar days after it. */
    record NoticeEntry(boolean late, int daysLate) {
    }

    /** {@code cancelled}: who cancelled the meeting, when, and why (LSVO-21). */
    record CancelEntry(String by, LocalDate on, String reason) {
    }

    record MeetingEntry(Where at, String county, String body, LocalDate date, MeetingKind kind, MeetingState state,
            @Nullable LocalDate scheduledOn, @Nullable LocalTime time, @Nullable String location,
            @Nullable NoticeEntry notice, @Nullable MeetingState preparation, @Nullable CancelEntry cancelled,
            List<String> absent) {
    }

    /**
     * A position declared for a seat (LSVO-05), overriding the default (every present entitled seat supports it in
     * the meeting); {@code conveyedBy} is the key of the member's seat that conveyed it (VIA_MEMBER, LSVO-20).
     */
    record DeclarationEntry(Where at, String seat, Position position, DeclarationChannel channel,
            @Nullable String conveyedBy, @Nullable String text) {
    }

    /** {@code decision}: the text of a decided matter's decision and the recommendations issued from it. */
    record DecisionEntry(Where at, String text, List<RecommendationEntry> recommendations) {
    }

    /** A recommendation (LSVO-27, PSVO-09) issued from a decision to parties' committees ({@code party/committee}). */
    record RecommendationEntry(Where at, String key, LocalDate issued, String issuedBy, String text,
            List<RecipientEntry> to) {
    }

    record RecipientEntry(Where at, String committee, @Nullable AnswerEntry answer) {
    }

    /** A party's answer for its committee: a DRAFT (the party's own) or SENT. */
    record AnswerEntry(Where at, String answer, String state, LocalDate on, String by, @Nullable String text) {
    }

    /** {@code forwardedTo}: the body the matter was handed on to (LSVO-28), when and by whom. */
    record ForwardEntry(String body, LocalDate on, String by) {
    }

    record DocumentEntry(Where at, String name, String mediaType, LocalDate uploaded, String content) {
    }

    record MatterEntry(Where at, String county, String key, String body, String title, String description,
            MatterType type, @Nullable DecisionCategory decisionCategory, List<String> subjectAreas, String submittedBy,
            LocalDate submitted, MatterState state, @Nullable LocalDate meeting, @Nullable Boolean prepared,
            @Nullable Boolean anchored, @Nullable String admittedLateBy, @Nullable String complementRequest,
            @Nullable String stateNote, @Nullable ForwardEntry forwardedTo, List<DocumentEntry> documents,
            List<DeclarationEntry> declarations, @Nullable DecisionEntry decision) {

        /** The day its documents count as in (LSVO-11): its last document's day, or the submission day without any. */
        LocalDate documentsOn() {
            return documents.stream().map(DocumentEntry::uploaded).max(LocalDate::compareTo).orElse(submitted);
        }
    }
}
