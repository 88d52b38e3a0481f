package se.samverkan.api.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.GlobalId;
import se.samverkan.api.graphql.UserError;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.tenancy.Principal;
import se.samverkan.tenancy.Role;

/**
 * Registration of webhooks by {@code integration} clients, and their deletion by the client that registered them.
 * A webhook belongs to the token subject that registered it; nobody else sees or deletes it.
 */
@Service
class WebhookService {

    static final int MAX_URL = 2000;
    static final int MAX_FILTERS = 100;

    record RegisterWebhookInput(String url, @Nullable List<WebhookEventType> events, @Nullable List<String> counties,
            @Nullable List<String> bodies) {
    }

    record RegisterWebhookPayload(@Nullable Webhook webhook, @Nullable String secret, List<UserError> errors) {

        static RegisterWebhookPayload refused(List<UserError> errors) {
            return new RegisterWebhookPayload(null, null, errors);
        }
    }

    record DeleteWebhookPayload(@Nullable String deletedWebhookId, List<UserError> errors) {
    }

    private static final SecureRandom SECRETS = new SecureRandom();

    private final WebhookRepository webhooks;
    private final StructureRepository structure;
    private final WebhookProperties properties;

    WebhookService(WebhookRepository webhooks, StructureRepository structure, WebhookProperties properties) {
        this.webhooks = webhooks;
        this.structure = structure;
        this.properties = properties;
    }

    @Transactional
    public Mono<RegisterWebhookPayload> register(Principal caller, RegisterWebhookInput input) {
        if (!caller.authenticated() || caller.partyCode() == null || !caller.has(Role.INTEGRATION)) {
            return Mono.just(RegisterWebhookPayload.refused(List.of(UserError.notAllowed(
                    "only integration clients (realm role 'integration') register webhooks", null))));
        }
        List<UserError> errors = new ArrayList<>();
        urlProblem(input.url(), properties.requireHttps()).ifPresent(problem -> errors.add(UserError.badInput("url", problem)));
        List<WebhookEventType> events = input.events() == null ? List.of(WebhookEventType.values())
                : List.copyOf(new LinkedHashSet<>(input.events()));
        if (events.isEmpty()) {
            errors.add(UserError.badInput("events", "name at least one event type, or leave 'events' out for every type"));
        }
        List<String> counties = input.counties() == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.counties()));
        if (counties.size() > MAX_FILTERS) {
            errors.add(UserError.badInput("counties", "at most " + MAX_FILTERS + " counties"));
        }
        List<String> bodyIds = input.bodies() == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.bodies()));
        if (bodyIds.size() > MAX_FILTERS) {
            errors.add(UserError.badInput("bodies", "at most " + MAX_FILTERS + " bodies"));
        }
        if (!errors.isEmpty()) {
            return Mono.just(RegisterWebhookPayload.refused(errors));
        }
        Map<String, Optional<UUID>> decoded = new LinkedHashMap<>();
        bodyIds.forEach(id -> decoded.put(id, GlobalId.uuidOf(id, "Body")));
        List<BodyId> wanted = decoded.values().stream().flatMap(Optional::stream).map(BodyId::new).toList();
        return Mono.zip(structure.countiesByCode(counties), structure.bodiesById(wanted)).flatMap(found -> {
            counties.stream().filter(c -> !found.getT1().containsKey(c))
                    .forEach(c -> errors.add(UserError.badInput("counties", "no such county: '" + c + "'")));
            List<UUID> bodies = new ArrayList<>();
            decoded.forEach((id, uuid) -> {
                Body body = uuid.map(u -> found.getT2().get(new BodyId(u))).orElse(null);
                if (body == null) {
                    errors.add(UserError.badInput("bodies", "no such body: '" + id + "'"));
                } else if (!counties.isEmpty() && !counties.contains(body.countyCode())) {
                    errors.add(UserError.badInput("bodies", "body " + body.shortName() + " is in county '"
                            + body.countyCode() + "', which 'counties' leaves out: it would receive nothing"));
                } else {
                    bodies.add(body.id().value());
                }
            });
            if (!errors.isEmpty()) {
                return Mono.just(RegisterWebhookPayload.refused(errors));
            }
            String secret = newSecret();
            Webhook webhook = new Webhook(UUID.randomUUID(), Objects.requireNonNull(caller.subject()), input.url(), events,
                    counties, bodies, Instant.EPOCH);
            return webhooks.insert(webhook, Objects.requireNonNull(caller.partyCode()), secret)
                    .map(saved -> new RegisterWebhookPayload(saved, secret, List.of()));
        });
    }

    public Mono<DeleteWebhookPayload> delete(Principal caller, String webhookId) {
        if (!caller.authenticated()) {
            return Mono.just(new DeleteWebhookPayload(null, List.of(UserError.notAllowed("sign in first", null))));
        }
        Optional<UUID> id = GlobalId.uuidOf(webhookId, "Webhook");
        if (id.isEmpty()) {
            return Mono.just(new DeleteWebhookPayload(null, List.of(UserError.notFound("webhook"))));
        }
        return webhooks.delete(id.get(), Objects.requireNonNull(caller.subject()))
                .map(deleted -> deleted ? new DeleteWebhookPayload(webhookId, List.of())
                        : new DeleteWebhookPayload(null, List.of(UserError.notFound("webhook"))));
    }

    /** The caller's own webhooks, newest first; none for an anonymous caller. */
    Mono<List<Webhook>> own(Principal caller) {
        return caller.subject() == null ? Mono.just(List.of()) : webhooks.ofOwner(caller.subject());
    }

    /** One of the caller's own webhooks. */
    Mono<Webhook> own(Principal caller, UUID id) {
        return caller.subject() == null ? Mono.empty() : webhooks.byId(id, caller.subject());
    }

    /** 32 random bytes as 64 hex characters. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        SECRETS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Why a URL cannot receive webhooks, or empty when it can. */
    static Optional<String> urlProblem(String url, boolean requireHttps) {
        if (url.length() > MAX_URL) {
            return Optional.of("at most " + MAX_URL + " characters, not " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL (" + e.getReason() + "): give an absolute URL such as https://example.org/samverkan");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("an absolute http or https URL, such as https://example.org/samverkan");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("https only: this service sends webhooks only to https URLs");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("a URL with a host name, such as https://example.org/samverkan");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("no user name or password in the URL: the signature authenticates the service");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("no fragment (#…): a fragment is never sent");
        }
        return Optional.empty();
    }
}
