package se.samverkan.api.graphql;

import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps on what one request may ask, so that nobody — anonymous callers least — can make the service walk the
 * structure without end or spend its CPU on refusing them (OWASP GraphQL cheat sheet). In order:
 * <ol>
 *   <li>the body's size, before it is read ({@link #graphQlRequestSize});</li>
 *   <li>the parser's token count, while parsing (graphql-java's {@code ParserOptions});</li>
 *   <li>depth, fields, cost, aliases, directives, operations, fragments and fragment cycles, on the parsed document
 *   before graphql-java validates it ({@link DocumentLimits}), stopping at the first limit passed;</li>
 *   <li>introspection, per request ({@code samverkan.graphql.introspection}).</li>
 * </ol>
 * Every refusal is a GraphQL error with {@code extensions.classification = BAD_REQUEST}, a {@code code} and the
 * {@code limit}; it happens before execution, so the response has no {@code data} and a client asking for
 * {@code application/graphql-response+json} gets HTTP 400 (a body too large: 413).
 */
@Configuration
class QueryLimits {

    /**
     * @param maxDepth        deepest field nesting, a top-level field being level 1 (default 15)
     * @param maxComplexity   most fields in one request, as written, fragments counted where spread (default 1000)
     * @param maxCost         most field resolutions one request may cause: each field once per object it is asked on,
     *                        a connection's page counting as its {@code first} (or the schema's default) and any other
     *                        list as {@code listSize} (default 250 000)
     * @param listSize        the items assumed in a list that has no {@code first} (default 10)
     * @param maxAliases      most aliases (default 15)
     * @param maxDirectives   most directives (default 50)
     * @param maxTokens       most parser tokens in the query text (default 1000)
     * @param maxOperations   most operations in one document (default 10)
     * @param maxFragments    most fragment definitions in one document (default 50)
     * @param maxRequestSize  largest HTTP request body (default 512 KB: minutes of 200 000 characters fit)
     * @param introspection   whether {@code __schema} and {@code __type} are answered (default true; false in
     *                        {@code prod})
     */
    @ConfigurationProperties("samverkan.graphql")
    record Properties(@Nullable Integer maxDepth, @Nullable Integer maxComplexity, @Nullable Long maxCost,
            @Nullable Integer listSize, @Nullable Integer maxAliases, @Nullable Integer maxDirectives,
            @Nullable Integer maxTokens, @Nullable Integer maxOperations, @Nullable Integer maxFragments,
            @Nullable DataSize maxRequestSize, @Nullable Boolean introspection) {

        Properties {
            maxDepth = positive("max-depth", maxDepth, 15);
            maxComplexity = positive("max-complexity", maxComplexity, 1000);
            maxCost = maxCost == null ? 250_000L : maxCost;
            if (maxCost < 1 || maxCost > 1_000_000_000_000L) {
                throw new IllegalArgumentException("samverkan.graphql.max-cost must be between 1 and 10^12, not " + maxCost);
            }
            listSize = positive("list-size", listSize, 10);
            maxAliases = positive("max-aliases", maxAliases, 15);
            maxDirectives = positive("max-directives", maxDirectives, 50);
            maxTokens = positive("max-tokens", maxTokens, 1000);
            maxOperations = positive("max-operations", maxOperations, 10);
            maxFragments = positive("max-fragments", maxFragments, 50);
            maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(512) : maxRequestSize;
            if (maxRequestSize.toBytes() < 1024 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("samverkan.graphql.max-request-size must be between 1KB and 2GB, not "
                        + maxRequestSize);
            }
            introspection = introspection == null || introspection;
        }

        private static int positive(String name, @Nullable Integer value, int fallback) {
            int result = value == null ? fallback : value;
            if (result < 1) {
                throw new IllegalArgumentException("samverkan.graphql." + name + " must be at least 1, not " + result);
            }
            return result;
        }

        DocumentLimits.Limits limits() {
            return new DocumentLimits.Limits(Objects.requireNonNull(maxDepth), Objects.requireNonNull(maxComplexity),
                    Objects.requireNonNull(maxCost), Objects.requireNonNull(maxAliases),
                    Objects.requireNonNull(maxDirectives), Objects.requireNonNull(maxOperations),
                    Objects.requireNonNull(maxFragments), Objects.requireNonNull(listSize));
        }

        int maxRequestBytes() {
            return (int) Objects.requireNonNull(maxRequestSize).toBytes();
        }
    }

    /** A refusal as a GraphQL error a client can act on: BAD_REQUEST, a code and the limit; nothing internal. */
    static GraphQLError error(String code, @Nullable Number limit, @Nullable SourceLocation location, String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (limit != null) {
            extensions.put("limit", limit);
        }
        return GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(message).location(location)
                .extensions(extensions).build();
    }

    /** Parses, measures and only then lets graphql-java validate; see {@link LimitedDocuments}. */
    @Bean
    GraphQlSourceBuilderCustomizer queryLimitsBeforeValidation(Properties properties,
            ObjectProvider<GraphQlSource> source, ObjectProvider<MeterRegistry> meters) {
        LimitedDocuments documents = new LimitedDocuments(properties, () -> source.getObject().schema(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /**
     * Refuses a GraphQL request body larger than {@code max-request-size} with 413: at once when its
     * {@code Content-Length} says so, before anything is read; else as soon as that many bytes have arrived.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    WebFilter graphQlRequestSize(Properties properties, @Value("${spring.graphql.http.path:/graphql}") String path) {
        int max = properties.maxRequestBytes();
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            if (request.getMethod() != HttpMethod.POST || !request.getPath().pathWithinApplication().value().equals(path)) {
                return chain.filter(exchange);
            }
            long length = request.getHeaders().getContentLength();
            if (length > max) {
                return tooLarge(exchange, max);
            }
            if (length >= 0) {
                return chain.filter(exchange); // the codec's in-memory limit (below) backs the declared length up
            }
            AtomicLong received = new AtomicLong();
            ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return super.getBody().map(buffer -> {
                        if (received.addAndGet(buffer.readableByteCount()) > max) {
                            DataBufferUtils.release(buffer);
                            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                                    "The request body is larger than " + max + " bytes.");
                        }
                        return buffer;
                    });
                }
            };
            return chain.filter(exchange.mutate().request(counted).build());
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, int max) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setConnection("close"); // the unread body is not drained
        byte[] body = ("{\"errors\":[{\"message\":\"The request body is larger than " + max + " bytes.\","
                + "\"extensions\":{\"classification\":\"BAD_REQUEST\",\"code\":\"REQUEST_TOO_LARGE\",\"limit\":" + max
                + "}}]}").getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /**
     * Bodies are decoded in memory up to {@code max-request-size}, not Spring's default 256 KB, so that the limit
     * above is the one a client meets (it overrides {@code spring.codec.max-in-memory-size}).
     */
    @Bean
    CodecCustomizer graphQlRequestSizeInMemory(Properties properties) {
        return new OrderedCodecCustomizer(properties.maxRequestBytes());
    }

    private record OrderedCodecCustomizer(int max) implements CodecCustomizer, Ordered {

        @Override
        public void customize(org.springframework.http.codec.CodecConfigurer configurer) {
            configurer.defaultCodecs().maxInMemorySize(max);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
