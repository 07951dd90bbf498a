package org.zoomcompliance.report;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** One registered DPO workbook: a month's version, where its file is and the SHA-256 of its bytes. */
public record ReportEntry(
        long id,
        YearMonth month,
        int version,
        Path path,
        String sha256,
        long sizeBytes,
        OffsetDateTime generatedAt,
        Long jobExecutionId) {
}
