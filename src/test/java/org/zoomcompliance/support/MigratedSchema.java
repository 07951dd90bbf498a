package org.zoomcompliance.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A schema of its own, migrated up to a chosen version of the project's migrations, for a test that plants rows as
 * an earlier release wrote them and watches what a later migration makes of them.
 */
public final class MigratedSchema {

    private final DataSource dataSource;
    private final String name;

    public MigratedSchema(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /** Applies the project's migrations up to {@code version} included. */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).schemas(name).locations("classpath:db/migration")
                .target(version).load().migrate();
    }

    public void drop() {
        new JdbcTemplate(dataSource).execute("drop schema if exists " + name + " cascade");
    }
}
