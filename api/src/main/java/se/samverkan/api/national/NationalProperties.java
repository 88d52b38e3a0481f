package se.samverkan.api.national;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether and what national data set is generated at start-up.
 *
 * @param enabled generate (or reuse) the data set; {@code true} in the {@code national} profile, default {@code false}
 * @param seed    everything generated follows from it: the same seed and scale give the same database, row for row
 * @param scale   the share of the national bodies generated, each with its full ten years: 1.0 is about 5 000 bodies
 *                and a million matters, 0.01 about 50 bodies and 10 000 matters; parties and committees are always
 *                all there
 */
@ConfigurationProperties("samverkan.national")
public record NationalProperties(boolean enabled, @DefaultValue("1") long seed, @DefaultValue("1.0") double scale) {

    public NationalProperties {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("samverkan.national.scale must be above 0 and at most 1, not " + scale);
        }
    }
}
