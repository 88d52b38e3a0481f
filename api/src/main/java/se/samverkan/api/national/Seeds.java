package se.samverkan.api.national;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Where randomness and ids come from: every random stream is seeded by the data set's seed and a name ("the body
 * stockholm/LSVO"), so each part of the data is the same whatever else is generated, and ids are name-based UUIDs of
 * natural keys, as the structure import derives its own. Nothing reads the clock or a random UUID.
 */
final class Seeds {

    private Seeds() {
    }

    /** A random stream of its own for one named part of the data set. */
    static SplittableRandom random(long seed, String name) {
        return new SplittableRandom(mix(seed ^ fnv(name)));
    }

    /** A uniform number in [0, 1) for a name: the same for the same seed and name. */
    static double uniform(long seed, String name) {
        return (mix(seed * 31 + fnv(name)) >>> 11) * 0x1.0p-53;
    }

    /** A name-based id, as {@code BodyId.of} makes them: {@code Type:natural key}. */
    static UUID id(String type, String naturalKey) {
        return UUID.nameUUIDFromBytes((type + ":" + naturalKey).getBytes(StandardCharsets.UTF_8));
    }

    /** An inbox item's id as the service derives it: from what is delivered and to which committee. */
    static UUID inbox(UUID what, UUID committee) {
        return UUID.nameUUIDFromBytes(("Inbox:" + what + "/" + committee).getBytes(StandardCharsets.UTF_8));
    }

    private static long fnv(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
