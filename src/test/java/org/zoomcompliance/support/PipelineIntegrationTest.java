package org.zoomcompliance.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zoomcompliance.config.HomeFolder;

/**
 * Base of tests that need the application: a real embedded PostgreSQL in a fresh home folder, shared by every
 * test class extending this one through Spring's context cache. Tests clean up the rows they create or use
 * subjects (meeting IDs, months, file contents) of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestClock.class)
public abstract class PipelineIntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected HomeFolder home;

    @DynamicPropertySource
    static void freshHome(DynamicPropertyRegistry registry) {
        registry.add(HomeFolder.PROPERTY, () -> TestHomes.newHome().toString());
    }
}
