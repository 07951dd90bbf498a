package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;

/** A home created by the earlier version (zonky's defaults: trust, everything the superuser's) is migrated. */
class EarlierVersionHomeTest {

    @Test
    void aHomeOfTheEarlierVersionIsMigratedWithItsData() throws Exception {
        // given a home as the earlier version left it: zonky's cluster (trust for every local account), the schema
        // migrated as the superuser in the "postgres" database, and data in it
        HomeFolder home = TestServers.newHome();
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(home.postgres())
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(earlier.getPostgresDatabase()).locations("classpath:db/migration")
                    .outOfOrder(true).load().migrate();
            new JdbcTemplate(earlier.getPostgresDatabase()).update(
                    "insert into audit_event (actor, action, target) values ('dpo', 'download', 'report 2026-10 v1')");
        }
        assertThat(Files.readString(home.postgres().resolve("pg_hba.conf"))).contains("trust");

        // when the application starts on it
        try (ConfigurableApplicationContext context = start(home)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int port = context.getBean(EmbeddedPostgresServer.class).port();

            // then its data is there, in the service's database, as the service's role
            assertThat(jdbc.queryForObject("select target from audit_event where actor = 'dpo'", String.class))
                    .isEqualTo("report 2026-10 v1");
            assertThat(jdbc.queryForObject("select current_database() || ' ' || current_user", String.class))
                    .isEqualTo("zoom_compliance zoom_compliance");
            // everything in it now belongs to that role, which works with it as before: sequences, triggers
            assertThat(jdbc.queryForObject("select count(*) from pg_class where relnamespace = 'public'::regnamespace"
                    + " and relowner <> current_user::regrole", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from pg_proc where pronamespace = 'public'::regnamespace"
                    + " and proowner <> current_user::regrole", Integer.class)).isZero();
            jdbc.update("insert into audit_event (actor, action, target) values ('dpo', 'download', 'report 2026-10 v2')");
            assertThatThrownBy(() -> jdbc.update("delete from audit_event")).hasMessageContaining("append-only");
            assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                    .isFalse();

            // and nobody is trusted any more
            assertThat(Files.readString(home.postgres().resolve("pg_hba.conf")).lines()
                    .filter(line -> !line.startsWith("#"))).noneMatch(line -> line.contains("trust"));
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("28"));
        }

        // and the next start finds the migrated home as it left it
        try (ConfigurableApplicationContext context = start(home)) {
            assertThat(context.getBean(JdbcTemplate.class).queryForList("select target from audit_event order by id",
                    String.class)).containsExactly("report 2026-10 v1", "report 2026-10 v2");
        }
    }

    private static ConfigurableApplicationContext start(HomeFolder home) {
        return new SpringApplicationBuilder(ZoomComplianceApplication.class)
                .web(WebApplicationType.NONE)
                .properties(HomeFolder.PROPERTY + "=" + home.root())
                .run();
    }
}
