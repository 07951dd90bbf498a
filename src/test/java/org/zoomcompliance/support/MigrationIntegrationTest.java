package org.zoomcompliance.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test of what a migration does to rows an earlier release wrote: a schema of its own is migrated up to a chosen
 * version of the project's migrations, planted, migrated further, read, and dropped afterwards.
 */
public abstract class MigrationIntegrationTest extends PipelineIntegrationTest {

    /** The schema's name, unique to the test class. */
    protected final String schema;

    @Autowired
    private DataSource dataSource;

    protected MigrationIntegrationTest(String schema) {
        this.schema = schema;
    }

    /** Applies the project's migrations up to {@code version} included. */
    protected void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
                .target(version).load().migrate();
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema if exists " + schema + " cascade");
    }
}
