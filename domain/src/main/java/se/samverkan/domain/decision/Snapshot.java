package se.samverkan.domain.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.SeatId;

/**
 * What a decision keeps of the moment it was taken (LSVO-16): every entitled seat with its holder, party, function,
 * subject areas, presence and declaration — so that later appointments never rewrite it. One shape wherever a decision
 * is recorded.
 */
public final class Snapshot {

    private Snapshot() {
    }

    public static List<Map<String, Object>> of(List<Entitled> entitled, Set<SeatId> present,
            Map<SeatId, Declaration> declared, Function<SeatId, String> title, Function<PartyId, String> partyCode) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Entitled e : entitled) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seat", e.seat().toString());
            entry.put("title", title.apply(e.seat()));
            entry.put("person", e.person().toString());
            entry.put("party", partyCode.apply(e.party()));
            entry.put("function", e.function());
            entry.put("subjectAreas", e.subjectAreas());
            entry.put("mandate", true);
            entry.put("present", present.contains(e.seat()));
            Declaration d = declared.get(e.seat());
            if (d != null) {
                entry.put("position", d.position().name());
                entry.put("channel", d.channel().name());
            }
            entries.add(entry);
        }
        return entries;
    }
}
