package se.samverkan.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code v1=} and the hex HMAC-SHA256, keyed with the webhook's secret (its text
 * as UTF-8 bytes), of the timestamp, a dot and the raw body. Signing the timestamp too lets a receiver refuse replays:
 * it rejects a timestamp older than a few minutes, and the signature ties the body to that timestamp.
 */
final class WebhookSignature {

    static final String SCHEME = "v1=";
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /** The value of the {@code Samverkan-Signature} header. */
    static String sign(String secret, long timestamp, byte[] body) {
        return SCHEME + HEX.formatHex(mac(secret, timestamp, body));
    }

    /**
     * Whether a {@code Samverkan-Signature} header value signs this timestamp and body under the secret. The header may
     * carry several comma-separated signatures (e.g. while a secret is rotated); one valid {@code v1} is enough.
     * Compared in constant time.
     */
    static boolean verify(String secret, long timestamp, byte[] body, String header) {
        byte[] expected = mac(secret, timestamp, body);
        boolean valid = false;
        for (String part : header.split(",")) {
            String candidate = part.strip();
            if (!candidate.startsWith(SCHEME)) {
                continue;
            }
            byte[] given;
            try {
                given = HEX.parseHex(candidate.substring(SCHEME.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            valid |= MessageDigest.isEqual(expected, given);
        }
        return valid;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
