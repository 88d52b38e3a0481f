package se.samverkan.api.structure;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the structure files are.
 *
 * @param locations resource patterns, read in this order (files within one pattern by name); default
 *                  {@code classpath:structure/*.yaml}, plus {@code classpath:demo/*.yaml} in the dev profile
 */
@ConfigurationProperties("samverkan.structure")
public record StructureProperties(List<String> locations) {

    public StructureProperties {
        locations = locations == null || locations.isEmpty() ? List.of("classpath:structure/*.yaml") : List.copyOf(locations);
    }
}
