package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * Migrations in version order, and the one exception: a home migrated by a release that had only some of the
 * ranged migrations (V1-V3 and V20 here, before V4, V11, V12, V14 and V16 existed) gets the ones it lacks, then
 * every later one, and afterwards runs in order like any other.
 */
class SchemaMigrationTest extends PipelineIntegrationTest {

    private static final String SCHEMA = "ranged_migrations";

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void aHomeOfAnEarlierRangedReleaseGetsTheMigrationsItLacksBelowItsHead() throws IOException {
        // given a schema migrated by an earlier release that shipped V1-V3 and V20 only
        Path earlier = Files.createTempDirectory("earlier-release");
        for (String migration : List.of("V1__spring_batch_job_repository.sql", "V2__pipeline_schema.sql",
                "V3__evaluation_outputs.sql", "V20__report_purged.sql")) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + migration)) {
                Files.copy(in, earlier.resolve(migration));
            }
        }
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("filesystem:" + earlier).load().migrate();
        Flyway current = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .outOfOrder(false).load();
        assertThat(SchemaMigration.lacksARangedMigration(current.info().all())).isTrue();

        // when this release starts on it
        SchemaMigration.migrate(current);

        // then every migration is applied, the lacking ones included, and nothing is left out of order
        assertThat(current.info().pending()).isEmpty();
        assertThat(jdbc.queryForList("select version from " + SCHEMA + ".flyway_schema_history where success"
                + " order by installed_rank", String.class)).containsSubsequence("1", "2", "3", "20", "4", "11", "12")
                .contains("14", "16", "33", "51");
        assertThat(SchemaMigration.lacksARangedMigration(current.info().all())).isFalse();
    }

    @Test
    void aFreshSchemaRunsInVersionOrder() {
        Flyway fresh = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .outOfOrder(false).load();
        assertThat(SchemaMigration.lacksARangedMigration(fresh.info().all())).isFalse();

        SchemaMigration.migrate(fresh);

        List<String> versions = jdbc.queryForList("select version from " + SCHEMA + ".flyway_schema_history"
                + " where version is not null order by installed_rank", String.class);
        assertThat(versions).isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    }
}
