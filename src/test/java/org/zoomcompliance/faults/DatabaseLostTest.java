package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.support.TestHomes;

/**
 * An external PostgreSQL server ({@code spring.datasource.url}) stopped in the middle of an ingest step: the run
 * ends with the database's error (nothing half-committed: the chunk rolls back with the server), the execution it could not close is stopped by the operator once the server is
 * back ({@code jobs stop ID}: nothing recovers it automatically, another process might own it), and the re-run
 * completes with exact counts.
 */
@Tag("faults")
class DatabaseLostTest {

    private static final String CHUNK = "zoom-compliance.ingest.chunk-size=500";

    @Test
    void aServerStoppedMidStepFailsTheRunAndTheRerunAfterItsReturnCompletesExactly() throws Exception {
        // given an external server, and an ingest whose third chunk waits on a lock this test holds
        Path home = TestHomes.newHome();
        Path data = home.resolve("external-postgres");
        EmbeddedPostgres server = external(data, 0);
        int port = server.getPort();
        Path file = IngestFaultsTest.participantsFile(home);
        String url = "spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres");
        try (ConfigurableApplicationContext context = Applications.start(home, url, CHUNK,
                "spring.datasource.hikari.connection-timeout=10000")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("""
                    create function faults_wait_on_lock() returns trigger language plpgsql as $$
                    begin
                        if new.name = 'Participant 1200' then
                            perform pg_advisory_xact_lock(97300);
                        end if;
                        return new;
                    end $$""");
            jdbc.execute("create trigger faults_wait_on_lock before insert on participant_join"
                    + " for each row execute function faults_wait_on_lock()");
            Throwable lost;
            try (Connection holder = server.getPostgresDatabase().getConnection();
                    Statement lock = holder.createStatement()) {
                lock.execute("select pg_advisory_lock(97300)");
                CompletableFuture<FileOutcome> ingest = CompletableFuture.supplyAsync(
                        () -> context.getBean(Ingestion.class).ingest(List.of(file)).files().get(0));
                awaitWaitingOnTheLock(holder);

                // when the server stops
                server.close();
                lost = failure(ingest);
            }

            // then the run did not complete, and the error names the lost connection (the command prints it as its
            // one-line reason and exits 1)
            assertThat(JobRunner.rootMessage(lost)).containsIgnoringCase("connection");

            // when the server is back, the operator stops the execution left running and ingests the file again
            server = external(data, port);
            // the pool's idle connections died with the server; Hikari only re-validates a connection idle for more
            // than half a second, so one used just before the stop would fail the next statement
            context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            jdbc.execute("drop trigger faults_wait_on_lock on participant_join");
            Long stuck = jdbc.queryForObject("select job_execution_id from batch_job_execution"
                    + " where status in ('STARTED', 'STOPPING')", Long.class);
            assertThat(stuck).as("the execution the lost server could not close").isNotNull();
            context.getBean(JobControl.class).stop(stuck, "operator");
            FileOutcome rerun = context.getBean(Ingestion.class).ingest(List.of(file)).files().get(0);

            // then every row is there once, with exact counts
            assertThat(rerun.status()).as(rerun.reasonText()).isEqualTo(IngestReport.Status.COMPLETED);
            assertThat(jdbc.queryForObject("select count(*) from participant_join", Integer.class)).isEqualTo(2500);
            assertThat(jdbc.queryForObject("select count(distinct name) from participant_join", Integer.class))
                    .isEqualTo(2500);
            assertThat(jdbc.queryForObject("select rows_ingested from source_file", Long.class)).isEqualTo(2500);
            assertThat(jdbc.queryForObject("select rows_read = rows_ingested + rows_rejected + rows_duplicate"
                    + " from source_file", Boolean.class)).isTrue();
        } finally {
            server.close();
        }
    }

    private static EmbeddedPostgres external(Path data, int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Until the ingest's backend waits on the lock: a condition the server answers, with a bound. */
    private static void awaitWaitingOnTheLock(Connection holder) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (Statement probe = holder.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                // pg_sleep lets the ingest move on between two looks
                try (var rs = probe.executeQuery("select exists (select 1 from pg_locks where locktype = 'advisory'"
                        + " and not granted), pg_sleep(0.1)")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("the ingest never reached the locked row");
    }

    private static Throwable failure(CompletableFuture<FileOutcome> ingest) throws Exception {
        try {
            FileOutcome outcome = ingest.get(120, TimeUnit.SECONDS);
            throw new AssertionError("the ingest ended " + outcome.status() + " without its database");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
