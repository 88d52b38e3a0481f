package se.samverkan.api.recommendations;

import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.NodeFetcher;
import se.samverkan.api.security.CurrentPrincipal;

/** {@code node(id)} for recommendations and answers, through the same visibility as every other path. */
@Configuration(proxyBeanMethods = false)
class RecommendationNodes {

    @Bean
    NodeFetcher recommendationNodeFetcher(RecommendationController controller) {
        return new NodeFetcher() {
            @Override
            public String type() {
                return "Recommendation";
            }

            @Override
            public Mono<?> fetch(UUID id) {
                return controller.visible(id);
            }

            @Override
            public Mono<java.util.Map<UUID, Object>> fetchAll(java.util.Collection<UUID> ids) {
                return controller.visibleAll(ids);
            }
        };
    }

    @Bean
    NodeFetcher recommendationAnswerNodeFetcher(RecommendationService service) {
        return new NodeFetcher() {
            @Override
            public String type() {
                return "RecommendationAnswer";
            }

            @Override
            public Mono<?> fetch(UUID id) {
                return CurrentPrincipal.get().flatMap(caller -> service.visibleAnswer(caller, id));
            }
        };
    }
}
