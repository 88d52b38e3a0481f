package se.samverkan.api.minutes;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.structure.Body;

/**
 * Atom feeds of published minutes (LSVO-15) for apps that cannot hold a socket: per county and per body, public, newest
 * first. Each entry carries the minutes' content hash, so a reader can check it against the chain (IMP-02).
 */
@RestController
class AtomFeedController {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final int ENTRIES = 50;

    private final MinutesRepository minutes;
    private final StructureRepository structure;

    AtomFeedController(MinutesRepository minutes, StructureRepository structure) {
        this.minutes = minutes;
        this.structure = structure;
    }

    @GetMapping("/feeds/{county}.atom")
    Mono<ResponseEntity<String>> county(@PathVariable String county) {
        return feed(county, null);
    }

    @GetMapping("/feeds/{county}/{shortName}.atom")
    Mono<ResponseEntity<String>> body(@PathVariable String county, @PathVariable String shortName) {
        return structure.bodyByShortName(county, shortName).flatMap(body -> feed(county, body))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    private Mono<ResponseEntity<String>> feed(String county, @Nullable Body body) {
        return structure.countiesByCode(List.of(county)).flatMap(counties -> {
            if (!counties.containsKey(county)) {
                return Mono.just(ResponseEntity.notFound().<String>build());
            }
            return minutes.published(county, body == null ? null : List.of(body.id()), null).flatMap(list -> {
                List<Minutes> entries = list.stream().limit(ENTRIES).toList();
                return structure.bodiesById(entries.stream().map(Minutes::body).collect(Collectors.toSet()))
                        .map(bodies -> ResponseEntity.ok().contentType(ATOM).body(xml(county, body, entries, bodies)));
            });
        });
    }

    private static String xml(String county, @Nullable Body body, List<Minutes> entries,
            Map<se.samverkan.domain.structure.BodyId, Body> bodies) {
        String id = "urn:samverkan:minutes:" + county + (body == null ? "" : ":" + body.shortName());
        Instant updated = entries.isEmpty() ? Instant.EPOCH : Objects.requireNonNull(entries.getFirst().publishedAt());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <id>").append(id).append("</id>\n")
                .append("  <title>").append(escape("Publicerade protokoll: " + (body == null ? county : body.name())))
                .append("</title>\n")
                .append("  <updated>").append(DateTimeFormatter.ISO_INSTANT.format(updated)).append("</updated>\n");
        for (Minutes m : entries) {
            Body from = bodies.get(m.body());
            xml.append("  <entry>\n")
                    .append("    <id>urn:samverkan:minutes:").append(m.id()).append("</id>\n")
                    .append("    <title>").append(escape("Protokoll " + (from == null ? "" : from.shortName())
                            + " version " + m.version())).append("</title>\n")
                    .append("    <updated>").append(DateTimeFormatter.ISO_INSTANT.format(Objects.requireNonNull(m.publishedAt())))
                    .append("</updated>\n")
                    .append("    <summary>").append(escape("SHA-256 " + m.contentHash())).append("</summary>\n")
                    .append("    <content type=\"text\">").append(escape(m.content())).append("</content>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
