package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;
import static org.zoomcompliance.ingest.read.Field.*;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The first pass over a file, before anything is written: can it be read, is it text, which kind and layout is it,
 * and which day/month order do its dates use. Streams the file, one record of at most the limit at a time; keeps
 * nothing of its content.
 */
public final class FileSurvey {

    /** Canonical fields that hold dates or times. */
    public static final Set<String> DATE_FIELDS = Set.of(START_TIME, END_TIME, JOIN_TIME, LEAVE_TIME, TIME,
            LAST_LOGIN_TIME, LAST_LOGIN_UTC, CREATE_TIME, LAST_ACCESSED, AUTO_DELETE_DATE, REGISTRATION_TIME);

    private final HeaderAliases aliases;
    private final DateShapes shapes;
    private final int maxRecordLength;

    public FileSurvey(HeaderAliases aliases, DateShapes shapes, int maxRecordLength) {
        this.aliases = aliases;
        this.shapes = shapes;
        this.maxRecordLength = maxRecordLength;
    }

    public Survey survey(Path file) {
        long rows = 0;
        long monthFirst = 0;
        long dayFirst = 0;
        List<BlockHeader> headers;
        try (ExportScanner scanner = ExportScanner.open(file, aliases, maxRecordLength)) {
            RawRow row;
            BlockHeader header = null;
            int[] dateColumns = new int[0];
            // a column often repeats its value from row to row (a meeting's times on each participant's row)
            String[] lastValues = new String[0];
            DateShapes.Order[] lastEvidence = new DateShapes.Order[0];
            while ((row = scanner.next()) != null) {
                rows++;
                if (row.isRejected()) {
                    continue;
                }
                if (row.header() != header) {
                    header = row.header();
                    dateColumns = DATE_FIELDS.stream().filter(header::has).mapToInt(header::column).toArray();
                    lastValues = new String[dateColumns.length];
                    lastEvidence = new DateShapes.Order[dateColumns.length];
                }
                for (int i = 0; i < dateColumns.length; i++) {
                    String value = dateColumns[i] < row.fields().size() ? row.fields().get(dateColumns[i]) : "";
                    if (!value.equals(lastValues[i])) {
                        lastValues[i] = value;
                        lastEvidence[i] = value.isBlank() ? null : shapes.evidence(value).orElse(null);
                    }
                    if (lastEvidence[i] == DateShapes.Order.MONTH_FIRST) {
                        monthFirst++;
                    } else if (lastEvidence[i] == DateShapes.Order.DAY_FIRST) {
                        dayFirst++;
                    }
                }
            }
            headers = scanner.headers();
        } catch (CharacterCodingException e) {
            return Survey.rejected(Sentence.of("ingest.reason.not-valid-text"));
        } catch (UnknownExportException e) {
            return Survey.rejected(Sentence.of("ingest.reason.unknown-kind", e.reason()));
        } catch (IOException e) {
            return Survey.rejected(Sentence.of("ingest.reason.cannot-be-read", e.getClass().getSimpleName()));
        }
        if (headers.isEmpty()) {
            return Survey.rejected(Sentence.of("ingest.reason.empty-file"));
        }
        if (monthFirst > 0 && dayFirst > 0) {
            return Survey.rejected(Sentence.of("ingest.reason.order-unresolved", dayFirst, monthFirst));
        }
        BlockHeader main = headers.stream().filter(h -> !h.type().meetingBlock()).findFirst().orElse(headers.get(0));
        DateShapes.Order order = dayFirst > 0 ? DateShapes.Order.DAY_FIRST : DateShapes.Order.MONTH_FIRST;
        return new Survey(main.type().kind(), layout(headers, main), main.language(), order, rows, null);
    }

    private static String layout(List<BlockHeader> headers, BlockHeader main) {
        StringJoiner layout = new StringJoiner("+");
        if (main.layout() != null) {
            layout.add(main.layout());
        }
        boolean meetingBlock = headers.stream().anyMatch(h -> h.type().meetingBlock());
        switch (main.type()) {
            case PARTICIPANTS -> {
                layout.add(meetingBlock ? "meeting-data" : "participants-only");
                layout.add(main.has(TOTAL_DURATION_MINUTES) && !main.has(JOIN_TIME) ? "unique-users" : "per-join");
            }
            case DASHBOARD_PARTICIPANTS -> {
                if (main.layout() == null) {
                    layout.add(meetingBlock ? "old" : "current");
                }
            }
            case RECORDINGS -> {
                if (main.layout() == null) {
                    layout.add("user-page");
                }
            }
            default -> {
                // one layout only, or told by its header names
            }
        }
        return layout.length() == 0 ? null : layout.toString();
    }
}
