package org.zoomcompliance.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * Where the files of this process's ingest runs are. Spring Batch persists job parameters, and job lists show
 * them, so the {@code path} parameter holds the path as {@link Sanitiser#fileName} records it (a name such as
 * {@code participants_10.44.44.44.csv} never reaches the job repository in clear); the run opens the file
 * registered here for its SHA-256. A run restarted from another process ({@code jobs restart}) has no registration
 * and opens the recorded path, which is the file's own path unless it held something to mask; ingesting the file
 * again resumes such a run.
 */
@Component
public class FileLocations {

    private final Map<String, Path> bySha256 = new ConcurrentHashMap<>();

    /** A registration, removed when closed. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The value of the {@code path} parameter for a file: its lossless form ({@link FileNames#parameter}) when its
     * path holds nothing to mask, else the path for people with every address masked.
     */
    public static String recorded(Path file) {
        String forPeople = FileNames.displayPath(file);
        return forPeople.equals(FileNames.unmaskedDisplayPath(file)) ? FileNames.parameter(file) : forPeople;
    }

    /** Makes a file the one runs of its content open in this process, until closed. */
    public Registration register(String sha256, Path file) {
        Path absolute = file.toAbsolutePath();
        bySha256.put(sha256, absolute);
        return () -> bySha256.remove(sha256, absolute);
    }

    /**
     * The file a run reads: the one registered for its SHA-256, or else the recorded path; null when neither is
     * known (the recorded path was masked and the file is not registered here).
     */
    Path resolve(JobParameters parameters) {
        return resolve(parameters.getString(IngestFileJobConfiguration.SHA256),
                parameters.getString(IngestFileJobConfiguration.PATH));
    }

    Path resolve(String sha256, String path) {
        Path registered = sha256 == null ? null : bySha256.get(sha256);
        if (registered != null) {
            return registered;
        }
        if (path == null) {
            return null;
        }
        Path recorded;
        try {
            recorded = FileNames.fromParameter(path);
        } catch (IllegalArgumentException masked) {
            return null;
        }
        // a path recorded in clear names the file even when it is gone (the run then says it cannot read it)
        return Files.exists(recorded) || !path.contains(Sanitiser.ADDRESS_MARKER) ? recorded : null;
    }
}
