package se.samverkan.api.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dates are Swedish dates (IMP-01): "today" is today in Europe/Stockholm. */
@Configuration
public class ClockConfig {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Bean
    Clock clock() {
        return Clock.system(STOCKHOLM);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(STOCKHOLM));
    }
}
