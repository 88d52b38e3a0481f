package se.samverkan.api.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The dashboard page at {@code /dashboard}: static files under {@code static/dashboard/}, served as they are (no
 * build step); WebFlux serves a directory's {@code index.html} only at the root, so the page's own address is routed
 * here.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPage {

    @Bean
    RouterFunction<ServerResponse> dashboardPageRoute(@Value("classpath:/static/dashboard/index.html") Resource page) {
        return route(GET("/dashboard").or(GET("/dashboard/")),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
    }
}
