package se.samverkan.domain.minutes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;

/**
 * The items of minutes (paragrafer) in both orders: where each stood on the agenda the notice froze (planned) and where
 * the meeting dealt with it (actual). Matters moved to another meeting were not dealt with; matters admitted after the
 * notice have no planned place and follow the agenda in the order they were decided.
 */
public final class MinutesItems {

    private MinutesItems() {
    }

    /** An item of the agenda as the notice froze it. */
    public record Planned(int position, String kind, @Nullable UUID matter, String title) {
    }

    /** A matter that is at the meeting now, with what became of it (a decision's outcome, or its state). */
    public record AtMeeting(UUID matter, String title, String outcome, java.time.@Nullable Instant decidedAt) {
    }

    /** One item of the minutes. */
    public record Item(@Nullable Integer actualPosition, @Nullable Integer plannedPosition, String kind, @Nullable UUID matter, String title,
            @Nullable String outcome) {
    }

    /**
     * Both orders. {@code dealtWith}, when given, is the secretary's record of the planned positions in the order the
     * meeting took them; without it the meeting followed the agenda. Matters no longer at the meeting were postponed.
     */
    public static List<Item> of(List<Planned> agenda, List<AtMeeting> atMeeting, @Nullable List<Integer> dealtWith) {
        Map<UUID, AtMeeting> present = new LinkedHashMap<>();
        atMeeting.forEach(m -> present.put(m.matter(), m));
        Map<Integer, Planned> byPosition = new LinkedHashMap<>();
        agenda.stream().sorted(Comparator.comparingInt(Planned::position)).forEach(p -> byPosition.put(p.position(), p));
        List<Integer> order;
        if (dealtWith == null) {
            order = byPosition.values().stream().filter(p -> p.matter() == null || present.containsKey(p.matter()))
                    .map(Planned::position).toList();
        } else {
            Set<Integer> seen = new HashSet<>();
            for (Integer position : dealtWith) {
                Planned p = byPosition.get(position);
                if (p == null) {
                    throw new DomainException("", "the agenda has no item " + position);
                }
                if (!seen.add(position)) {
                    throw new DomainException("", "agenda item " + position + " is listed twice");
                }
                if (p.matter() != null && !present.containsKey(p.matter())) {
                    throw new DomainException("", "agenda item " + position + " (" + p.title()
                            + ") was moved to another meeting; it was not dealt with at this one");
                }
            }
            order = dealtWith;
        }
        List<Item> items = new ArrayList<>();
        int actual = 1;
        Set<Integer> placed = new HashSet<>(order);
        for (Integer position : order) {
            Planned p = byPosition.get(position);
            items.add(new Item(actual++, p.position(), p.kind(), p.matter(), p.title(), outcome(p, present)));
        }
        Set<UUID> planned = new HashSet<>();
        agenda.forEach(p -> {
            if (p.matter() != null) {
                planned.add(p.matter());
            }
        });
        List<AtMeeting> late = present.values().stream().filter(m -> !planned.contains(m.matter()))
                .sorted(Comparator.comparing(AtMeeting::decidedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(AtMeeting::title)).toList();
        for (AtMeeting m : late) {
            items.add(new Item(actual++, null, "MATTER", m.matter(), m.title(), m.outcome()));
        }
        for (Planned p : byPosition.values()) {
            if (!placed.contains(p.position())) {
                items.add(new Item(null, p.position(), p.kind(), p.matter(), p.title(),
                        p.matter() != null && !present.containsKey(p.matter()) ? "POSTPONED" : "NOT_DEALT_WITH"));
            }
        }
        return List.copyOf(items);
    }

    private static @Nullable String outcome(Planned p, Map<UUID, AtMeeting> present) {
        return p.matter() == null ? null : present.get(p.matter()).outcome();
    }
}
