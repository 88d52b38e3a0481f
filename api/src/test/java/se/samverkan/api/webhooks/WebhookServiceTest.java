package se.samverkan.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure parts of registration: which URLs can receive webhooks, and the secret. */
class WebhookServiceTest {

    @Test
    void absoluteHttpAndHttpsUrlsWithAHostAreAccepted() {
        assertThat(WebhookService.urlProblem("https://example.org/hooks/samverkan?x=1", true)).isEmpty();
        assertThat(WebhookService.urlProblem("http://127.0.0.1:8081/hook", false)).isEmpty();
        assertThat(WebhookService.urlProblem("HTTPS://EXAMPLE.ORG/", true)).isEmpty();
    }

    @Test
    void otherUrlsAreRefusedSayingWhy() {
        assertThat(WebhookService.urlProblem("/relative/path", false)).hasValueSatisfying(p -> assertThat(p).contains("absolute"));
        assertThat(WebhookService.urlProblem("ftp://example.org/x", false)).hasValueSatisfying(p -> assertThat(p).contains("http or https"));
        assertThat(WebhookService.urlProblem("mailto:someone@example.org", false)).hasValueSatisfying(p -> assertThat(p).contains("absolute"));
        assertThat(WebhookService.urlProblem("https://exa mple.org/", false)).hasValueSatisfying(p -> assertThat(p).contains("not a URL"));
        assertThat(WebhookService.urlProblem("https:///nohost", false)).hasValueSatisfying(p -> assertThat(p).contains("host"));
        assertThat(WebhookService.urlProblem("https://user:pw@example.org/", false)).hasValueSatisfying(p -> assertThat(p).contains("password"));
        assertThat(WebhookService.urlProblem("https://example.org/#frag", false)).hasValueSatisfying(p -> assertThat(p).contains("fragment"));
        assertThat(WebhookService.urlProblem("https://example.org/" + "a".repeat(2000), false))
                .hasValueSatisfying(p -> assertThat(p).contains("2000"));
    }

    @Test
    void plainHttpIsRefusedWhereHttpsIsRequired() {
        assertThat(WebhookService.urlProblem("http://example.org/hook", true)).hasValueSatisfying(p -> assertThat(p).contains("https only"));
    }

    @Test
    void secretsAre32RandomBytesInHex() {
        String one = WebhookService.newSecret();
        assertThat(one).matches("[0-9a-f]{64}");
        assertThat(WebhookService.newSecret()).isNotEqualTo(one);
    }
}
