package org.zoomcompliance.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * Refuses to start or restart an {@code ingestFileJob} whose file no longer has the content its {@code sha256}
 * names: a file replaced between a failure and its restart would otherwise be read from the old run's position,
 * mixing two contents under one record. The new content is ingested as a run of its own.
 */
final class SameContentValidator implements JobParametersValidator {

    private final FileLocations locations;

    SameContentValidator(FileLocations locations) {
        this.locations = locations;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        String expected = parameters.getString(IngestFileJobConfiguration.SHA256);
        if (expected == null || parameters.getString(IngestFileJobConfiguration.PATH) == null) {
            throw new InvalidJobParametersException("an ingest run needs the parameters "
                    + IngestFileJobConfiguration.SHA256 + " and " + IngestFileJobConfiguration.PATH);
        }
        Path file = locations.resolve(parameters);
        if (file == null) {
            throw new InvalidJobParametersException("the file of this run was recorded with its name masked ("
                    + parameters.getString(IngestFileJobConfiguration.PATH) + "): ingest the file again to resume it");
        }
        String actual;
        try {
            actual = Ingestion.sha256(file);
        } catch (IOException e) {
            throw new InvalidJobParametersException("cannot read " + FileNames.display(file) + ": "
                    + e.getClass().getSimpleName());
        }
        if (!actual.equals(expected)) {
            throw new InvalidJobParametersException(FileNames.display(file) + " has changed since this run began"
                    + " (its SHA-256 is now " + actual + "); the run is refused, and ingesting the file again"
                    + " ingests the new content as a new run");
        }
    }
}
