package org.zoomcompliance.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.config.PipelineSettings;

/**
 * The embedded PostgreSQL default: started (or joined, when another process of the same home runs it) only when no
 * {@code spring.datasource.url} (for instance {@code SPRING_DATASOURCE_URL}) is set; otherwise Spring Boot connects
 * to that server and nothing starts here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(HomeFolder home, PipelineSettings settings) throws IOException {
        String binaries = settings.database().binaries();
        Path binariesFolder = binaries.isBlank() ? home.postgresBinaries() : Path.of(binaries).toAbsolutePath();
        return EmbeddedPostgresServer.open(home, new EmbeddedPostgresServer.Options(binariesFolder,
                settings.database().testOnlyRelaxedDurability()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setPoolName("zoom-compliance");
        dataSource.setMaximumPoolSize(12);
        // Connections are opened as the work asks for them: a quick command needs one or two, and each opening
        // costs a server process and a SCRAM exchange at start-up that most commands would never use.
        dataSource.setMinimumIdle(2);
        return dataSource;
    }

    /**
     * Once the application is ready (after the stale-execution recovery, which listens first), other processes of
     * the home may join the server this one started; unordered, this listener runs after the ordered ones.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> admitOtherProcesses(EmbeddedPostgresServer postgres) {
        return ready -> postgres.admitOthers();
    }
}
