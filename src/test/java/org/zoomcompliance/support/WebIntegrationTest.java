package org.zoomcompliance.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.zoomcompliance.config.HomeFolder;

/**
 * Base of tests of the console, job control and the schedule: the whole application on a random port (MockMvc
 * and a real browser both reach it) with a real embedded PostgreSQL in a fresh home, the {@link StandInJobs}, one
 * DPO and one operator; the schedule does not tick by itself. Shared by every subclass through the context cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zoom-compliance.schedule.enabled=false")
@AutoConfigureMockMvc
@Import({StandInJobs.class, TestClock.class})
public abstract class WebIntegrationTest {

    protected static final String DPO = "dpo";
    protected static final String DPO_PASSWORD = "dpo-test-password";
    protected static final String OPERATOR = "operator";
    protected static final String OPERATOR_PASSWORD = "operator-test-password";
    /** A user only the sign-in throttling tests sign in as (they lock it out). */
    protected static final String LOCKED_OUT = "lockout";
    protected static final String LOCKED_OUT_PASSWORD = "lockout-test-password";

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected HomeFolder home;

    @Autowired
    protected MockMvc mvc;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void freshHomeAndUsers(DynamicPropertyRegistry registry) {
        // Suppliers may be called more than once: each value is computed here, once.
        String home = TestHomes.newHome().toString();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String dpoHash = bcrypt.encode(DPO_PASSWORD);
        String operatorHash = bcrypt.encode(OPERATOR_PASSWORD);
        String lockedOutHash = bcrypt.encode(LOCKED_OUT_PASSWORD);
        registry.add(HomeFolder.PROPERTY, () -> home);
        registry.add("zoom-compliance.users[0].name", () -> DPO);
        registry.add("zoom-compliance.users[0].password-hash", () -> dpoHash);
        registry.add("zoom-compliance.users[0].roles", () -> "DPO");
        registry.add("zoom-compliance.users[1].name", () -> OPERATOR);
        registry.add("zoom-compliance.users[1].password-hash", () -> operatorHash);
        registry.add("zoom-compliance.users[1].roles", () -> "OPERATOR");
        registry.add("zoom-compliance.users[2].name", () -> LOCKED_OUT);
        registry.add("zoom-compliance.users[2].password-hash", () -> lockedOutHash);
        registry.add("zoom-compliance.users[2].roles", () -> "DPO");
    }
}
