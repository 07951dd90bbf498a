package org.zoomcompliance.ingest.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into physical lines (ended by CRLF, LF or CR, as {@link java.io.BufferedReader#readLine} does), but
 * never holds more of a line than a limit: the rest of a longer line is read past and dropped, so a 200 MB line
 * without a newline costs no more memory than a line at the limit, and the next line is read as usual.
 */
final class BoundedLines {

    /** One physical line: its text, or {@code null} when it was longer than the limit. */
    record Line(String text) {

        boolean tooLong() {
            return text == null;
        }
    }

    private static final int BUFFER = 1 << 16;

    private final Reader reader;
    private final int limit;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int end;
    private boolean afterCarriageReturn;

    BoundedLines(Reader reader, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a line limit must be positive, not " + limit);
        }
        this.reader = reader;
        this.limit = limit;
    }

    /** The next line, or {@code null} at the end of the text. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean started = false;
        while (true) {
            if (position == end && !fill()) {
                return started ? line(text, length) : null;
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            started = true;
            int start = position;
            while (position < end && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int count = position - start;
            if (length + count <= limit) {
                text.append(buffer, start, count);
            } else if (length <= limit) {
                // from here on the line is only counted: free what it held
                text = new StringBuilder();
            }
            length += count;
            if (position < end) {
                afterCarriageReturn = buffer[position] == '\r';
                position++;
                return line(text, length);
            }
        }
    }

    private Line line(StringBuilder text, long length) {
        return new Line(length > limit ? null : text.toString());
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = reader.read(buffer, 0, BUFFER);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        end = read;
        return true;
    }
}
