package se.samverkan.domain.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinutesHashTest {

    private static List<MinutesHash.Link> chain(String... contents) {
        List<MinutesHash.Link> links = new ArrayList<>();
        String previous = null;
        for (String content : contents) {
            String hash = MinutesHash.of(content, previous);
            links.add(new MinutesHash.Link(content, hash, previous));
            previous = hash;
        }
        return links;
    }

    @Test
    void IMP_02_aChainOfSignedMinutesVerifies() {
        assertThat(MinutesHash.firstBroken(chain("Protokoll 1", "Protokoll 2", "Protokoll 3"))).isEqualTo(-1);
        assertThat(MinutesHash.of("x", null)).hasSize(64).isEqualTo(MinutesHash.of("x", MinutesHash.GENESIS));
    }

    @Test
    void IMP_02_editingEarlierMinutesBreaksTheChainThere() {
        List<MinutesHash.Link> links = chain("Protokoll 1", "Protokoll 2", "Protokoll 3");
        MinutesHash.Link edited = links.get(1);
        links.set(1, new MinutesHash.Link("Protokoll 2 (ändrat)", edited.hash(), edited.previousHash()));
        assertThat(MinutesHash.firstBroken(links)).isEqualTo(1);
    }

    @Test
    void IMP_02_rehashingAnEditedLinkStillBreaksTheNextOne() {
        List<MinutesHash.Link> links = chain("Protokoll 1", "Protokoll 2", "Protokoll 3");
        MinutesHash.Link edited = links.get(1);
        String rehashed = MinutesHash.of("Protokoll 2 (ändrat)", edited.previousHash());
        links.set(1, new MinutesHash.Link("Protokoll 2 (ändrat)", rehashed, edited.previousHash()));
        assertThat(MinutesHash.firstBroken(links)).isEqualTo(2);
    }

    @Test
    void IMP_02_theHashCoversThePreviousHash() {
        assertThat(MinutesHash.of("Protokoll", "a".repeat(64))).isNotEqualTo(MinutesHash.of("Protokoll", "b".repeat(64)));
    }
}
