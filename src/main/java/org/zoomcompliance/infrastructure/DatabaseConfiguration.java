package org.zoomcompliance.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL default: started only when no {@code spring.datasource.url} (for instance
 * {@code SPRING_DATASOURCE_URL}) is set; otherwise Spring Boot connects to that server and nothing starts here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HomeFolder home) throws IOException {
        return EmbeddedPostgresServer.start(home.postgres(), home.logs().resolve("postgres.log"));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setPoolName("zoom-compliance");
        dataSource.setMaximumPoolSize(12);
        return dataSource;
    }
}
