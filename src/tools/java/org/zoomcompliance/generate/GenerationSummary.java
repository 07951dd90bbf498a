package org.zoomcompliance.generate;

import java.nio.file.Path;

/**
 * What {@link ExportGenerator} wrote.
 *
 * @param participantJoins rows of per-meeting participants and meeting list details files
 * @param plantedDeviations lines of the manifest, {@value ExportGenerator#MANIFEST}
 */
public record GenerationSummary(Path folder, int files, int meetings, long participantJoins, long dashboardRows,
        long signIns, long operationLogs, int users, int recordings, int plantedDeviations, long bytes) {

    /** Every data row written, all kinds together (headers and meeting lines excluded). */
    public long rows() {
        return participantJoins + dashboardRows + signIns + operationLogs + users + recordings;
    }
}
