package se.samverkan.api.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.Connection;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.NodeFetcher;
import se.samverkan.api.security.CurrentPrincipal;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.api.webhooks.WebhookRepository.DeliveryPage;
import se.samverkan.api.webhooks.WebhookService.DeleteWebhookPayload;
import se.samverkan.api.webhooks.WebhookService.RegisterWebhookInput;
import se.samverkan.api.webhooks.WebhookService.RegisterWebhookPayload;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.County;

/** Webhooks in the API: registration, deletion, the caller's own list and each one's delivery log. */
@Controller
class WebhookController {

    record DeleteWebhookInput(String webhook) {
    }

    private final WebhookService service;
    private final StructureRepository structure;

    WebhookController(WebhookService service, StructureRepository structure, BatchLoaderRegistry loaders,
            WebhookRepository repository) {
        this.service = service;
        this.structure = structure;
        loaders.<DeliveryPage, Connection<WebhookDelivery>>forName("webhookDeliveries")
                .registerMappedBatchLoader((pages, env) -> repository.deliveries(pages));
    }

    @QueryMapping
    Mono<Connection<Webhook>> webhooks(@Argument @Nullable Integer first, @Argument @Nullable String after) {
        Connection.Window window = Connection.window(first, after);
        return CurrentPrincipal.get().flatMap(service::own).map(all -> Connection.slice(all, window));
    }

    @MutationMapping
    Mono<RegisterWebhookPayload> registerWebhook(@Argument RegisterWebhookInput input) {
        return CurrentPrincipal.get().flatMap(caller -> service.register(caller, input));
    }

    @MutationMapping
    Mono<DeleteWebhookPayload> deleteWebhook(@Argument DeleteWebhookInput input) {
        return CurrentPrincipal.get().flatMap(caller -> service.delete(caller, input.webhook()));
    }

    @SchemaMapping(typeName = "Webhook", field = "id")
    String id(Webhook webhook) {
        return new GlobalId("Webhook", webhook.id().toString()).encode();
    }

    @BatchMapping(typeName = "Webhook")
    Mono<Map<Webhook, List<County>>> counties(List<Webhook> webhooks) {
        return structure.countiesByCode(webhooks.stream().flatMap(w -> w.countyCodes().stream()).collect(Collectors.toSet()))
                .map(found -> webhooks.stream().distinct().collect(Collectors.toMap(w -> w, w -> w.countyCodes().stream()
                        .map(found::get).filter(Objects::nonNull).toList())));
    }

    @BatchMapping(typeName = "Webhook")
    Mono<Map<Webhook, List<Body>>> bodies(List<Webhook> webhooks) {
        return structure.bodiesById(webhooks.stream().flatMap(w -> w.bodyIds().stream()).map(BodyId::new)
                        .collect(Collectors.toSet()))
                .map(found -> webhooks.stream().distinct().collect(Collectors.toMap(w -> w, w -> w.bodyIds().stream()
                        .map(id -> found.get(new BodyId(id))).filter(Objects::nonNull).toList())));
    }

    @SchemaMapping(typeName = "Webhook")
    CompletableFuture<Connection<WebhookDelivery>> deliveries(Webhook webhook, @Argument @Nullable Integer first,
            @Argument @Nullable String after, DataLoader<DeliveryPage, Connection<WebhookDelivery>> webhookDeliveries) {
        Connection.Window window = Connection.window(first, after);
        return webhookDeliveries.load(new DeliveryPage(webhook.id(), window.offset(), window.limit()));
    }

    /** {@code node(id)} finds a webhook for its owner only. */
    @Bean
    static NodeFetcher webhookNodes(ObjectProvider<WebhookService> service) {
        return new NodeFetcher() {
            @Override
            public String type() {
                return "Webhook";
            }

            @Override
            public Mono<?> fetch(UUID id) {
                return CurrentPrincipal.get().flatMap(caller -> service.getObject().own(caller, id));
            }
        };
    }
}
