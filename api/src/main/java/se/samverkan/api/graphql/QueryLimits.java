package se.samverkan.api.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caps on what one query may ask, so that nobody — anonymous callers least — can make the service walk the structure
 * without end. Spring for GraphQL applies every {@code Instrumentation} bean.
 */
@Configuration
class QueryLimits {

    /**
     * @param maxDepth      deepest field nesting (default 15)
     * @param maxComplexity most fields in one query, each counted once (default 1000)
     */
    @ConfigurationProperties("samverkan.graphql")
    record Properties(Integer maxDepth, Integer maxComplexity) {

        Properties {
            maxDepth = maxDepth == null ? 15 : maxDepth;
            maxComplexity = maxComplexity == null ? 1000 : maxComplexity;
        }
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(Properties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(Properties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxComplexity());
    }
}
