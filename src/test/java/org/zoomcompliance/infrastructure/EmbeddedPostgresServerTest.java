package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.ChildJvm;

class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesACleanRestart() throws Exception {
        // given a cluster with a row in it, stopped cleanly
        HomeFolder home = TestServers.newHome();
        try (EmbeddedPostgresServer postgres = TestServers.open(home)) {
            new JdbcTemplate(postgres.dataSource()).execute("create table kept as select 42 as answer");
        }
        assertThat(home.postgres().resolve("postmaster.pid")).as("the last user stopped the server").doesNotExist();

        // when it starts again
        try (EmbeddedPostgresServer postgres = TestServers.open(home)) {
            // then the row is still there
            assertThat(new JdbcTemplate(postgres.dataSource()).queryForObject("select answer from kept", Integer.class))
                    .isEqualTo(42);
        }
    }

    @Test
    void startsAgainAfterTheOwningProcessWasKilled() throws Exception {
        // given a child JVM that started the cluster, wrote a row, and was killed with SIGKILL
        HomeFolder home = TestServers.newHome();
        try (ChildJvm child = EmbeddedPostgresChild.start("server", home)) {
            child.awaitLine("READY");
            child.kill();
        }
        assertThat(home.postgres().resolve("postmaster.pid")).as("the orphaned server still holds the cluster").exists();

        // when this process opens the same cluster
        try (EmbeddedPostgresServer postgres = TestServers.open(home)) {
            // then it runs (it started it anew: nobody used the orphan), with the data written before the kill
            assertThat(postgres.startedHere()).isTrue();
            assertThat(new JdbcTemplate(postgres.dataSource()).queryForObject("select note from survivor", String.class))
                    .isEqualTo("written before the kill");
        }
    }

    @Test
    void aStalePidFileLeftByARebootIsRemoved() throws Exception {
        // given a stopped cluster with the pid file of a process that no longer exists
        HomeFolder home = TestServers.newHome();
        TestServers.open(home).close();
        Files.writeString(home.postgres().resolve("postmaster.pid"), "999999999\n" + home.postgres() + "\n");

        // when / then it starts
        try (EmbeddedPostgresServer postgres = TestServers.open(home)) {
            assertThat(new JdbcTemplate(postgres.dataSource()).queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void openingsInOneJvmShareTheServerAndTheLastOneStopsIt() throws Exception {
        // given a running cluster opened by this process
        HomeFolder home = TestServers.newHome();
        EmbeddedPostgresServer first = TestServers.open(home);
        try {
            // when it is opened again, then the second opening uses the same server, and did not start it
            try (EmbeddedPostgresServer second = TestServers.open(home)) {
                assertThat(second.port()).isEqualTo(first.port());
                assertThat(second.startedHere()).isFalse();
                first.close();
                // the first one closed: the server stays up for the second
                assertThat(new JdbcTemplate(second.dataSource()).queryForObject("select 1", Integer.class)).isEqualTo(1);
            }
            assertThat(home.postgres().resolve("postmaster.pid")).as("the last one stopped it").doesNotExist();
        } finally {
            first.close();
        }
    }

    @Test
    void aServerStartedHereStaysUpForAnotherProcessUntilItLeavesToo() throws Exception {
        // given a cluster started by this process, which another process joined
        HomeFolder home = TestServers.newHome();
        EmbeddedPostgresServer owner = TestServers.open(home);
        int port = owner.port();
        try (ChildJvm client = EmbeddedPostgresChild.start("server", home)) {
            owner.admitOthers();
            client.awaitLine("READY");

            // when the process that started it leaves first
            owner.close();

            // then the other one still uses the same server
            assertThat(home.postgres().resolve("postmaster.pid")).exists();
            client.send("query");
            assertThat(client.awaitLine("QUERIED")).isEqualTo("QUERIED 1");
            assertThat(Files.readAllLines(home.postgres().resolve("postmaster.pid")).get(3)).isEqualTo(String.valueOf(port));

            // and, the last to leave, stops it
            assertThat(client.finish()).as(client.output()).isZero();
        } finally {
            owner.close();
        }
        assertThat(home.postgres().resolve("postmaster.pid")).doesNotExist();
    }
}
