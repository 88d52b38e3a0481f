package se.samverkan.api.config;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observations of whole GraphQL requests ({@code graphql.request}: the timer and trace span of each request) but not
 * of every field fetched and every batch loaded: a portal request of 20 inbox items ran some hundred field
 * observations, about a tenth of its CPU, for timings nobody reads per field. SQL statements are counted apart
 * ({@code samverkan.db.statements}).
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfig {

    @Bean
    ObservationPredicate graphQlRequestsNotFields() {
        return (name, context) -> !"graphql.datafetcher".equals(name) && !"graphql.dataloader".equals(name);
    }
}
