package se.samverkan.api.config;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Observations of whole GraphQL requests ({@code graphql.request}: the timer and trace span of each request) but not
 * of every field fetched and every batch loaded: a portal request of 20 inbox items resolves some 600 fields, and
 * observing each (even dropped by a predicate: the wrapping and its context stayed) cost a tenth of its CPU for timings
 * nobody reads per field. Nor of each of Spring Security's filters, authentications and authorizations: the HTTP
 * request's own observation ({@code http.server.requests}) times them together. SQL statements are counted apart
 * ({@code samverkan.db.statements}).
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfig {

    /**
     * Replaces Spring Boot's instrumentation (which backs off): the request observation, no field observations, and
     * no batch-load observations — for which Spring copies every request's data loader registry, making each data
     * loader twice, and would fill the registry a subscription is meant to fill only when it needs it
     * ({@code LazyDataLoaders}).
     */
    @Bean
    GraphQlObservationInstrumentation graphQlRequestObservation(ObservationRegistry registry) {
        return new GraphQlObservationInstrumentation(registry) {
            @Override
            public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                    InstrumentationState state) {
                return input;
            }

            @Override
            public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
                    InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
                return dataFetcher;
            }
        };
    }

    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
