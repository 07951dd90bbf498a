package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestHomes;

class ExternalDatabaseTest {

    @Test
    void aDatasourceUrlIsHonouredAndNothingIsStarted() throws Exception {
        // given an "external" PostgreSQL server, started apart from the application
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            Path home = TestHomes.newHome();

            // when the application starts with spring.datasource.url pointing at it
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ZoomComplianceApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                            HomeFolder.PROPERTY + "=" + home)
                    .run()) {

                // then no embedded server was started, and the schema was migrated on the external one
                assertThat(context.getBeanProvider(EmbeddedPostgresServer.class).getIfAvailable()).isNull();
                assertThat(home.resolve("postgres")).isEmptyDirectory();
                JdbcTemplate externalJdbc = new JdbcTemplate(external.getPostgresDatabase());
                assertThat(externalJdbc.queryForObject("select count(*) from batch_job_instance", Integer.class)).isZero();
                assertThat(externalJdbc.queryForObject("select count(*) from source_file", Integer.class)).isZero();
            }
        }
    }
}
