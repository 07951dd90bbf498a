package org.zoomcompliance.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;

/**
 * The progress line of a long ingest: every {@code zoom-compliance.ingest.progress-interval} (10 s by default) while
 * files are being ingested, the files done of the total, the rows read so far and per second, and the file being
 * read (named as {@link FileNames#display} shows names). Logged, and told to whoever listens (the command line
 * prints it); a run shorter than the interval prints none.
 */
@Component
public class IngestProgress {

    private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    IngestProgress(JdbcTemplate jdbc, PipelineSettings settings) {
        this.jdbc = jdbc;
        this.interval = settings.ingest().progressInterval();
    }

    /** Tells {@code listener} each progress line from now on. */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Starts the progress of a run of {@code files} files; close it when the run ends. */
    Run start(int files) {
        return new Run(files);
    }

    /** The progress of one ingest run. */
    final class Run implements AutoCloseable {

        private final int files;
        private final long started = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicLong rowsOfFilesDone = new AtomicLong();
        /** The files being read, by content, with their shown names. */
        private final Map<String, String> reading = new ConcurrentHashMap<>();
        private final ScheduledExecutorService ticker;

        private Run(int files) {
            this.files = files;
            this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "ingest-progress");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(1, interval.toMillis());
            ticker.scheduleAtFixedRate(this::tell, every, every, TimeUnit.MILLISECONDS);
        }

        /** A file's job starts reading it. */
        void reading(String sha256, String shownName) {
            reading.put(sha256, shownName);
        }

        /** A file ended, whichever way. */
        void ended(FileOutcome outcome) {
            if (outcome.sha256() != null) {
                reading.remove(outcome.sha256());
            }
            rowsOfFilesDone.addAndGet(outcome.rowsRead());
            done.incrementAndGet();
        }

        private void tell() {
            try {
                String line = line();
                log.info(line);
                listeners.forEach(listener -> listener.accept(line));
            } catch (RuntimeException e) {
                // a progress line that could not be made must not stop the ingest
                log.debug("no progress line: {}", e.getMessage());
            }
        }

        /** {@code progress: 3/173 files done, 120345 rows, 4210 rows/s, reading participants_1.csv (+1 more)}. */
        String line() {
            List<String> shas = List.copyOf(reading.keySet());
            long rows = rowsOfFilesDone.get() + (shas.isEmpty() ? 0 : jdbc.queryForObject(
                    "select coalesce(sum(rows_read), 0) from source_file where sha256 = any(?)", Long.class,
                    (Object) shas.toArray(String[]::new)));
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            String line = "progress: " + done.get() + "/" + files + " files done, " + rows + " rows, "
                    + Math.round(rows / seconds) + " rows/s";
            List<String> names = shas.stream().map(reading::get).filter(name -> name != null).sorted().toList();
            if (!names.isEmpty()) {
                line += ", reading " + names.get(0) + (names.size() > 1 ? " (+" + (names.size() - 1) + " more)" : "");
            }
            return line;
        }

        @Override
        public void close() {
            ticker.shutdownNow();
        }
    }
}
