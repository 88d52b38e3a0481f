package se.samverkan.domain.minutes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of a body's signed minutes (IMP-02): each version's SHA-256 covers its content and the previous
 * signed minutes' hash, so that changing any earlier minutes breaks every hash after it.
 */
public final class MinutesHash {

    /** The hash a body's first minutes are chained to. */
    public static final String GENESIS = "0".repeat(64);

    private MinutesHash() {
    }

    public static String of(String content, @Nullable String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((previousHash == null ? GENESIS : previousHash).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One link of a chain as stored: its content, the hash it claims, and the previous hash it claims. */
    public record Link(String content, String hash, @Nullable String previousHash) {
    }

    /** The index of the first link whose hash or chaining does not hold, or -1 when the whole chain verifies. */
    public static int firstBroken(List<Link> chain) {
        String previous = null;
        for (int i = 0; i < chain.size(); i++) {
            Link link = chain.get(i);
            boolean chained = i == 0 ? link.previousHash() == null || GENESIS.equals(link.previousHash())
                    : previous.equals(link.previousHash());
            if (!chained || !of(link.content(), link.previousHash()).equals(link.hash())) {
                return i;
            }
            previous = link.hash();
        }
        return -1;
    }
}
