package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits decoded export text into CSV records (RFC 4180 quoting, CRLF or LF), one at a time, never holding more
 * than a limit of characters of one record.
 *
 * <p>A quoted value may run onto following lines, but only for a few lines and only if the record it makes is no
 * wider than the expected width and no longer than the limit: otherwise the opening line is reported as an
 * unterminated quote and reading resumes on the next physical line, so one stray quote never swallows the rest of
 * the file. A line longer than the limit (so any record or field longer than it) is reported as too long, without
 * its text, and reading resumes on the next line. A line holding a NUL character is reported as such (PostgreSQL
 * text cannot hold it and Zoom never writes it).
 */
public final class CsvRecords {

    /** The reason given for a record whose quotes do not pair up. */
    public static final Sentence BROKEN_QUOTE = Sentence.of("ingest.reason.broken-quote");

    /** How a text splits into fields. */
    enum Split { COMPLETE, OPEN_QUOTE, MALFORMED }

    /** Physical lines a quoted value may continue onto. */
    static final int MAX_CONTINUATION_LINES = 5;

    private final BoundedLines lines;
    private final int maxLength;
    private final Deque<BoundedLines.Line> pushedBack = new ArrayDeque<>();
    private long nextLine = 1;
    private int expectedWidth;

    /** Records of a text, each at most {@code maxLength} characters long (line ends of a quoted value included). */
    public CsvRecords(Reader reader, int maxLength) {
        this.lines = new BoundedLines(reader, maxLength);
        this.maxLength = maxLength;
    }

    /** The reason given for a record longer than the limit. */
    public static Sentence tooLong(int maxLength) {
        return Sentence.of("ingest.reason.too-long", maxLength);
    }

    /** The width of the current block's header, which bounds a record continued over several lines. */
    public void expectWidth(int width) {
        this.expectedWidth = width;
    }

    /** The next record, or {@code null} at the end of the text. */
    public CsvRecord next() throws IOException {
        BoundedLines.Line physical = readLine();
        if (physical == null) {
            return null;
        }
        long line = nextLine++;
        if (physical.tooLong()) {
            return new CsvRecord(line, List.of(), "", tooLong(maxLength));
        }
        String first = physical.text();
        if (first.indexOf('\0') >= 0) {
            return new CsvRecord(line, List.of(), first, Sentence.of("ingest.reason.nul-byte"));
        }
        List<String> fields = new ArrayList<>();
        Split split = split(first, fields);
        if (split == Split.COMPLETE) {
            return new CsvRecord(line, fields, first, null);
        }
        if (split == Split.MALFORMED) {
            return new CsvRecord(line, List.of(), first, BROKEN_QUOTE);
        }
        List<BoundedLines.Line> continuation = new ArrayList<>();
        StringBuilder text = new StringBuilder(first);
        for (int i = 0; i < MAX_CONTINUATION_LINES; i++) {
            BoundedLines.Line next = readLine();
            if (next == null) {
                break;
            }
            continuation.add(next);
            if (next.tooLong() || text.length() + 1 + next.text().length() > maxLength) {
                break;
            }
            text.append('\n').append(next.text());
            fields.clear();
            Split more = split(text, fields);
            if (more == Split.MALFORMED) {
                break;
            }
            if (more == Split.COMPLETE) {
                if (next.text().indexOf('\0') < 0 && (expectedWidth == 0 || fields.size() <= expectedWidth + 1)) {
                    nextLine += continuation.size();
                    return new CsvRecord(line, fields, text.toString(), null);
                }
                break;
            }
        }
        for (int i = continuation.size() - 1; i >= 0; i--) {
            pushedBack.push(continuation.get(i));
        }
        return new CsvRecord(line, List.of(), first, BROKEN_QUOTE);
    }

    private BoundedLines.Line readLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pop();
    }

    /**
     * Splits text into fields; says whether it ends inside a quoted value or has text after a closing quote. An
     * unquoted value is cut out of the text as it is (a quote inside it is kept as a character).
     */
    static Split split(CharSequence text, List<String> fields) {
        int length = text.length();
        int i = 0;
        while (true) {
            if (i < length && text.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < length) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                if (!closed) {
                    return Split.OPEN_QUOTE;
                }
                if (i < length && text.charAt(i) != ',') {
                    return Split.MALFORMED;
                }
                fields.add(field.toString());
            } else {
                int start = i;
                while (i < length && text.charAt(i) != ',') {
                    i++;
                }
                fields.add(text.subSequence(start, i).toString());
            }
            if (i >= length) {
                return Split.COMPLETE;
            }
            i++;
        }
    }
}
