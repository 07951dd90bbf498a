package org.zoomcompliance.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operational knobs, {@code zoom-compliance.*} (application properties, the environment or {@code -D}): how the
 * pipeline runs, never what it judges (that is the {@link Policy}). Bound and validated by Boot at start-up, so a
 * mistyped value stops the command with the key's name rather than midway through a night.
 */
@ConfigurationProperties("zoom-compliance")
@Validated
public record PipelineSettings(
        @Valid @DefaultValue Ingest ingest,
        @Valid @DefaultValue Retention retention,
        @Valid @DefaultValue Report report,
        @Valid @DefaultValue Console console,
        @Valid @DefaultValue Database database,
        @DefaultValue("60s") Duration shutdownTimeout) {

    /**
     * Ingest: files read side by side, rows per transaction, the rejected rows past which a file is left in the
     * inbox, the longest record read (a longer one is rejected, never buffered), and how often progress is printed.
     */
    public record Ingest(
            @DefaultValue("2") @Min(1) @Max(64) int filesInParallel,
            @DefaultValue("1000") @Min(1) int chunkSize,
            @DefaultValue("10000") @Min(0) long maxRejectedRows,
            @DefaultValue("1048576") @Min(1024) int maxRecordLength,
            @DefaultValue("10s") Duration progressInterval) {
    }

    /** Retention: rows deleted per statement, so that a purge never holds a long lock. */
    public record Retention(@DefaultValue("10000") @Min(1) int batchSize) {
    }

    /** Report: rows per data sheet before it continues on the next (Excel's own limit by default). */
    public record Report(@DefaultValue("1048576") @Min(2) @Max(1_048_576) int maxRowsPerSheet) {
    }

    /**
     * Console: how often a running job's page refreshes, how long a running job may record no progress before the
     * start page calls it stuck, and the sign-in throttle.
     */
    public record Console(@DefaultValue("2s") Duration refreshInterval, @DefaultValue("1h") Duration stuckAfter,
            @Valid @DefaultValue SignIn signIn) {
    }

    /** Sign-in throttle: failures before each attempt waits {@code delay}, and the lockout after twice as many. */
    public record SignIn(@DefaultValue("5") @Min(2) int maxFailures, @DefaultValue("1s") Duration delay,
            @DefaultValue("15m") Duration lockout) {

        @AssertTrue(message = "delay must be positive and lockout at least as long")
        boolean isDelayShorterThanLockout() {
            return !delay.isNegative() && lockout.compareTo(delay) >= 0;
        }
    }

    /**
     * The embedded database: where its PostgreSQL binaries are (empty: the home's, unpacked from the jar), and, for
     * tests only, whether it may skip fsync.
     */
    public record Database(@DefaultValue("") String binaries, boolean testOnlyRelaxedDurability) {
    }
}
