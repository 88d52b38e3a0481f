package se.samverkan.api.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether and from where the demo year is loaded.
 *
 * @param enabled   load the demo meetings and matters after the structure; default {@code false}, {@code true} in the
 *                  dev profile
 * @param locations resource patterns of the demo-year files, read in this order (files within one pattern by name);
 *                  default {@code classpath:demo/meetings/*.yaml}
 */
@ConfigurationProperties("samverkan.demo.meetings")
public record DemoYearProperties(boolean enabled, List<String> locations) {

    public DemoYearProperties {
        locations = locations == null || locations.isEmpty() ? List.of("classpath:demo/meetings/*.yaml") : List.copyOf(locations);
    }
}
