package se.samverkan.api.extrameetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.extrameetings.ExtraMeetingRepository.CallRow;
import se.samverkan.api.extrameetings.ExtraMeetingRepository.RequestRow;
import se.samverkan.domain.meeting.MeetingRules;
import se.samverkan.domain.meeting.MeetingRules.ExtraMeetingDue;
import se.samverkan.domain.rulebook.ExtraMeetingRule;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.SeatRole;

/**
 * One body's current round of requests for an extra meeting, with what the rule counts them against: the rule of the
 * rulebook in force, the current members, and the call the round made if an extra meeting is already due.
 *
 * @param rule           the rulebook's extra-meeting rule; null when the rulebook in force has none (or there is none)
 * @param currentMembers the seats that decide (member, chair or vice chair with a decision mandate) valid today and
 *                       held by someone today
 * @param memberPersons  who holds those seats today: the requests that count as members asking
 * @param call           the outstanding call, if an extra meeting is due
 * @param requests       the round's requests: those of the outstanding call, or else the open ones; one per person
 */
record ExtraMeetingRound(BodyId body, @Nullable ExtraMeetingRule rule, int currentMembers, Set<PersonId> memberPersons,
        @Nullable CallRow call, List<RequestRow> requests) {

    /** The roles whose seats make up "the members" a share of whom may call an extra meeting (LSVO-07, PSVO-05). */
    static final Set<SeatRole> MEMBER_ROLES = Set.of(SeatRole.MEMBER, SeatRole.CHAIR, SeatRole.VICE_CHAIR);

    ExtraMeetingRound {
        memberPersons = Set.copyOf(memberPersons);
        requests = List.copyOf(requests);
    }

    static ExtraMeetingRound of(BodyId body, @Nullable ExtraMeetingRule rule, Collection<Seat> seats,
            Collection<Appointment> appointments, LocalDate today, @Nullable CallRow call, List<RequestRow> requests) {
        Set<SeatId> deciding = seats.stream()
                .filter(s -> MEMBER_ROLES.contains(s.role()) && s.decisionMandate() && s.validity().contains(today))
                .map(Seat::id).collect(Collectors.toSet());
        List<Appointment> held = appointments.stream()
                .filter(a -> a.activeOn(today) && deciding.contains(a.seat())).toList();
        int members = (int) held.stream().map(Appointment::seat).distinct().count();
        Set<PersonId> persons = held.stream().map(Appointment::person).collect(Collectors.toSet());
        return new ExtraMeetingRound(body, rule, members, persons, call, requests);
    }

    ExtraMeetingRound withCall(CallRow made) {
        return new ExtraMeetingRound(body, rule, currentMembers, memberPersons, made, requests);
    }

    int distinctMembersAsking() {
        return (int) requests.stream().map(RequestRow::person).filter(memberPersons::contains).distinct().count();
    }

    boolean chairAsked() {
        return requests.stream().anyMatch(RequestRow::asChair);
    }

    /** What the rule says of the round's requests; null without a rule. */
    @Nullable ExtraMeetingDue evaluate() {
        return rule == null ? null
                : MeetingRules.extraMeeting(rule, chairAsked(), distinctMembersAsking(), currentMembers, !requests.isEmpty());
    }

    /** How many members must ask (the rule's share of the current members, rounded up); null if members cannot. */
    @Nullable Integer threshold() {
        return rule == null || rule.memberShare() == null ? null : rule.memberShare().threshold(currentMembers);
    }

    ExtraMeetingStatus status() {
        if (call != null) {
            return new ExtraMeetingStatus(body, true, call.reason(), call.rule(), requests.size(), threshold(),
                    currentMembers, call.dueAt(), requests);
        }
        ExtraMeetingDue evaluated = evaluate();
        if (evaluated == null) {
            return new ExtraMeetingStatus(body, false, "the body's rulebook in force says nothing about extra meetings",
                    null, requests.size(), null, currentMembers, null, requests);
        }
        return new ExtraMeetingStatus(body, evaluated.due(), evaluated.reason(), evaluated.rule(), requests.size(),
                threshold(), currentMembers, null, requests);
    }

    /** The {@code ExtraMeetingStatus} type. {@code round} backs {@code openRequests}, which only the seated see. */
    record ExtraMeetingStatus(BodyId body, boolean due, String reason, @Nullable String rule, int requests,
            @Nullable Integer threshold, int currentMembers, @Nullable Instant dueSince, List<RequestRow> round) {
    }
}
