package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.support.TestHomes;

class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesACleanRestart() throws Exception {
        // given a cluster with a row in it, stopped cleanly
        Path data = TestHomes.newHome().resolve("postgres");
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log"))) {
            new JdbcTemplate(postgres.getPostgresDatabase()).execute("create table kept as select 42 as answer");
        }

        // when it starts again
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log"))) {
            // then the row is still there
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("select answer from kept", Integer.class))
                    .isEqualTo(42);
        }
    }

    @Test
    void startsAgainAfterTheOwningProcessWasKilled() throws Exception {
        // given a child JVM that started the cluster, wrote a row, and was killed with SIGKILL
        Path data = TestHomes.newHome().resolve("postgres");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                // skip the child's start-up output
            }
            assertThat(line).as("the child started the cluster").isEqualTo("READY");
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve("postmaster.pid")).as("the orphaned server still holds the cluster").exists();

        // when this process starts the same cluster
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log"))) {
            // then it runs, with the data written before the kill
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("select note from survivor", String.class))
                    .isEqualTo("written before the kill");
        }
    }

    @Test
    void aStalePidFileLeftByARebootIsRemoved() throws Exception {
        // given a stopped cluster with the pid file of a process that no longer exists
        Path data = TestHomes.newHome().resolve("postgres");
        EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log")).close();
        Files.writeString(data.resolve("postmaster.pid"), "999999999\n" + data + "\n");

        // when / then it starts
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log"))) {
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aClusterInUseByALiveProcessIsNeverTouched() throws Exception {
        // given a running cluster held by this process
        Path data = TestHomes.newHome().resolve("postgres");
        try (EmbeddedPostgres running = EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log"))) {
            // when another start is attempted / then it is refused with a clear message and the server keeps running
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log")))
                    .hasMessageContaining("in use by another zoom-compliance process");
            assertThat(new JdbcTemplate(running.getPostgresDatabase()).queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }
}
