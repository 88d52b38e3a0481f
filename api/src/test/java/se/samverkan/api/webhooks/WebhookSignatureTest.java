package se.samverkan.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final long TIMESTAMP = 1_767_225_600L;
    private static final byte[] BODY = "{\"id\":\"42\",\"type\":\"MinutesPublished\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyAsOpensslDoes() {
        // printf '%s' '1767225600.{"id":"42","type":"MinutesPublished"}' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("v1=feee29367958326cd41358e02fa794c53c1c0b1e01e9e2fda87c7bc026023e96");
    }

    @Test
    void verifiesItsOwnSignature() {
        String header = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header)).isTrue();
    }

    @Test
    void aTamperedBodyFailsVerification() {
        String header = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        byte[] tampered = "{\"id\":\"43\",\"type\":\"MinutesPublished\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, tampered, header)).isFalse();
    }

    @Test
    void anotherTimestampFailsVerification() {
        String header = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP + 1, BODY, header)).isFalse();
    }

    @Test
    void anotherSecretFailsVerification() {
        String header = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        assertThat(WebhookSignature.verify(SECRET.replace('0', '1'), TIMESTAMP, BODY, header)).isFalse();
    }

    @Test
    void malformedOrUnknownSchemesFailAndOneValidAmongSeveralPasses() {
        String valid = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "v1=not-hex")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "v0=" + valid.substring(3))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, valid.substring(0, valid.length() - 2))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "v1=00ff, " + valid)).isTrue();
    }
}
