package se.samverkan.api.db;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migrations wait for the embedded PostgreSQL, which starts while the rest of the application is built. */
@Configuration(proxyBeanMethods = false)
class FlywayAfterEmbeddedStart {

    @Bean
    FlywayMigrationStrategy migrateWhenTheDatabaseIsUp() {
        return flyway -> {
            EmbeddedPostgresEnvironment.awaitDatabase(flyway.getConfiguration().getUrl());
            flyway.migrate();
        };
    }
}
