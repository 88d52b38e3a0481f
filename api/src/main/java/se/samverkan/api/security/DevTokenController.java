package se.samverkan.api.security;

import java.time.Clock;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.structure.StructureRepository;

/**
 * The dev issuer's endpoints: a token for any demo user ({@code POST /dev/tokens}, form field {@code user}), the
 * discovery document and the public keys. Exists only while the dev issuer is enabled — never in production.
 */
@RestController
@ConditionalOnProperty(name = "samverkan.security.dev-issuer.enabled", havingValue = "true")
class DevTokenController {

    private final DevIssuer issuer;
    private final StructureRepository repository;
    private final SecurityProperties properties;
    private final Clock clock;

    DevTokenController(DevIssuer issuer, StructureRepository repository, SecurityProperties properties, Clock clock) {
        this.issuer = issuer;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String user = form.getFirst("user");
            if (user == null || user.isBlank()) {
                return Mono.just(ResponseEntity.badRequest().body(Map.<String, Object>of(
                        "error", "invalid_request", "error_description", "form field 'user' is required")));
            }
            return repository.demoLogin(user.strip(), ClockConfig.today(clock))
                    .filter(login -> login.person().partyCode() != null)
                    .map(login -> {
                        String token = issuer.mint(new DevIssuer.DemoClaims(login.person().subject(),
                                login.person().username(), login.person().name(), login.person().partyCode(),
                                login.roles(), login.functions()), properties.devIssuer().tokenLifetime());
                        return ResponseEntity.ok(Map.<String, Object>of("access_token", token, "token_type", "Bearer",
                                "expires_in", properties.devIssuer().tokenLifetime().toSeconds()));
                    })
                    .defaultIfEmpty(ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "invalid_grant",
                            "error_description", "no demo user '" + user.strip() + "'")));
        });
    }

    @GetMapping(path = "/dev/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        String base = issuer.issuer();
        return Map.of("issuer", base, "jwks_uri", base + "/jwks", "token_endpoint", base + "/tokens",
                "id_token_signing_alg_values_supported", java.util.List.of("RS256"),
                "subject_types_supported", java.util.List.of("public"),
                "response_types_supported", java.util.List.of("token"));
    }

    @GetMapping(path = "/dev/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return issuer.publicKeys().toJSONObject();
    }
}
