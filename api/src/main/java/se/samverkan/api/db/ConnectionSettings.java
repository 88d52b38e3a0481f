package se.samverkan.api.db;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Results in PostgreSQL's binary format ({@code forceBinary}): decoding a timestamp or uuid from its bytes costs a
 * fraction of parsing its text, and a portal page holds some two hundred of them (service CPU per portal request
 * 5.7 → 5.2 ms, bench/README.md). Running the connections' I/O on the HTTP server's event loops instead of their own
 * was measured too and gained nothing.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionSettings {

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer postgresqlConnectionSettings() {
        return options -> options
                .option(PostgresqlConnectionFactoryProvider.FORCE_BINARY, true);
    }
}
