package se.samverkan.api.structure;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.config.ClockConfig;

/** The date a query is asked "as of": the given one, or today in Europe/Stockholm. */
final class Validity {

    private Validity() {
    }

    static LocalDate asOf(@Nullable LocalDate asOf, Clock clock) {
        return asOf != null ? asOf : ClockConfig.today(clock);
    }
}
