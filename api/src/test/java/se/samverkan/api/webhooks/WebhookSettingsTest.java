package se.samverkan.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** {@code samverkan.webhooks} as application.yaml sets it, and as the prod profile overrides it. */
class WebhookSettingsTest {

    private static WebhookProperties bind(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (String file : files) {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
            sources.forEach(environment.getPropertySources()::addFirst);
        }
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bindOrCreate("samverkan.webhooks", WebhookProperties.class);
    }

    @Test
    void applicationYamlStatesTheDocumentedDefaults() throws IOException {
        WebhookProperties settings = bind("application.yaml");
        assertThat(settings).isEqualTo(WebhookProperties.defaults());
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.requireHttps()).isFalse();
    }

    @Test
    void theProdProfileRequiresHttps() throws IOException {
        WebhookProperties settings = bind("application.yaml", "application-prod.yaml");
        assertThat(settings.requireHttps()).isTrue();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
