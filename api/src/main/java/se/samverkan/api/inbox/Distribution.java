package se.samverkan.api.inbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverkan.api.events.EventTypes;
import se.samverkan.api.events.Outbox;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.rulebook.DistributionRule;
import se.samverkan.domain.rulebook.Recipient;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.CommitteeId;
import se.samverkan.domain.structure.CommitteeKind;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.Party;

/**
 * Distribution of signed minutes (expediering, LSVO-14, PSVO-11): one inbox item per committee the rulebook's
 * distribution list reaches on the meeting date — a named committee, a party's board, the executive boards of one side,
 * or the committees of one side concerned by the subject areas of the matters handled. Recipients that are not
 * committees (the body's members, other bodies) see the minutes through their membership and PSVO-08.
 */
@Component
public class Distribution {

    private final StructureRepository structure;
    private final InboxRepository inbox;
    private final Outbox outbox;

    Distribution(StructureRepository structure, InboxRepository inbox, Outbox outbox) {
        this.outbox = outbox;
        this.structure = structure;
        this.inbox = inbox;
    }

    /** Delivers minutes to every committee the distribution rule reaches; returns how many items arrived. */
    public Mono<Long> minutes(UUID minutesId, UUID meetingId, Body body, LocalDate on, DistributionRule rule, String title) {
        return Mono.zip(structure.partiesByCounty(List.of(body.countyCode())), inbox.subjectAreasOfMeeting(meetingId))
                .flatMap(t -> {
                    List<Party> parties = t.getT1().getOrDefault(body.countyCode(), List.of()).stream()
                            .filter(p -> p.existsOn(on)).toList();
                    return structure.committeesByParty(parties.stream().map(Party::id).toList()).map(committees -> {
                        Map<CommitteeId, String> reached = new LinkedHashMap<>();
                        for (Recipient recipient : rule.recipients()) {
                            for (Party party : parties) {
                                for (Committee c : committees.getOrDefault(party.id(), List.of())) {
                                    if (c.validity().contains(on) && reaches(recipient, party, c, t.getT2())) {
                                        reached.putIfAbsent(c.id(), party.code());
                                    }
                                }
                            }
                        }
                        return reached;
                    });
                })
                .flatMap(reached -> deliver(new InboxRepository.Delivery("MINUTES", minutesId, null, body.id(), title,
                        rule.rule()), reached));
    }

    /**
     * A recommendation arrives in the inbox of each committee it is addressed to (LSVO-27, PSVO-09), where the party
     * answers it.
     */
    public Mono<Long> recommendation(UUID recommendation, BodyId from, Map<CommitteeId, String> partyOfCommittee,
            String title, @Nullable String rule) {
        return deliver(new InboxRepository.Delivery("RECOMMENDATION", null, recommendation, from, title, rule), partyOfCommittee);
    }

    /**
     * Delivers one thing to several committees and tells each committee's party that something arrived (an event only
     * that party is shown): two statements, however many committees.
     */
    private Mono<Long> deliver(InboxRepository.Delivery sent, Map<CommitteeId, String> partyOfCommittee) {
        List<InboxItem> items = partyOfCommittee.entrySet().stream().map(e -> sent.to(e.getKey(), e.getValue())).toList();
        return inbox.deliver(sent, items).flatMap(n -> outbox.writeForParties(EventTypes.INBOX_ITEM_ARRIVED,
                sent.from().value(), items.stream().map(item -> Map.entry(item.partyCode(), Map.<String, Object>of(
                        "item", item.id().toString(), "committee", item.committee().value().toString(), "kind", item.kind())))
                        .toList()).thenReturn(n));
    }

    private static boolean reaches(Recipient recipient, Party party, Committee committee, List<String> areas) {
        return switch (recipient.kind()) {
            case COMMITTEE -> (party.code() + "/" + committee.code()).equals(recipient.target());
            case PARTY -> party.code().equals(recipient.target()) && committee.kind() == CommitteeKind.BOARD;
            case EXECUTIVE_BOARDS -> party.kind().side() == recipient.side() && committee.kind() == CommitteeKind.BOARD;
            case COMMITTEES_CONCERNED -> party.kind().side() == recipient.side() && committee.kind() != CommitteeKind.BOARD
                    && committee.subjectAreas().stream().anyMatch(areas::contains);
            case BODY_MEMBERS, BODY -> false;
        };
    }
}
