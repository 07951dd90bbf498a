package org.zoomcompliance.infrastructure;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations run in version order (Flyway's out-of-order is off). Up to {@link #LAST_RANGED} they were numbered by
 * capability ranges (ingest V10-19, privacy V20-29, policy V30-39, web V50-59) and applied out of order, so a home
 * migrated by an earlier release may lack one below its head; such a home gets the ones it lacks, out of order, once.
 * Every migration after it is numbered in sequence.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

    /** The last migration of the ranged numbering. */
    static final MigrationVersion LAST_RANGED = MigrationVersion.fromVersion("51");

    @Bean
    FlywayMigrationStrategy inVersionOrder() {
        return SchemaMigration::migrate;
    }

    static void migrate(Flyway flyway) {
        (lacksARangedMigration(flyway.info().all())
                ? Flyway.configure().configuration(flyway.getConfiguration()).outOfOrder(true).load()
                : flyway).migrate();
    }

    /** Whether a ranged migration is missing below what the schema already holds (never on a fresh schema). */
    static boolean lacksARangedMigration(MigrationInfo[] migrations) {
        MigrationVersion head = Arrays.stream(migrations).filter(m -> m.getState().isApplied() && m.getVersion() != null)
                .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo).orElse(null);
        return head != null && Arrays.stream(migrations).anyMatch(m -> !m.getState().isApplied()
                && m.getVersion() != null && m.getVersion().compareTo(LAST_RANGED) <= 0 && m.getVersion().compareTo(head) < 0);
    }
}
