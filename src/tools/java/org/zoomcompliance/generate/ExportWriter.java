package org.zoomcompliance.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one export file the way Zoom does: optional byte-order mark, CRLF or LF, fields quoted only when they
 * must be (or when Zoom always quotes them, such as the 2024+ meeting dates), optional trailing comma.
 */
final class ExportWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Writer writer;
    private final String newline;

    private ExportWriter(Writer writer, String newline) {
        this.writer = writer;
        this.newline = newline;
    }

    /** Opens a file with a BOM and CRLF line ends, the commonest shape of web-portal exports. */
    static ExportWriter portal(Path file) {
        return open(file, true, "\r\n");
    }

    /** Opens a file without BOM and with LF line ends, as some report exports arrive. */
    static ExportWriter plain(Path file) {
        return open(file, false, "\n");
    }

    private static ExportWriter open(Path file, boolean bom, String newline) {
        try {
            Writer writer = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER);
            if (bom) {
                writer.write('\ufeff');
            }
            return new ExportWriter(writer, newline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of fields, quoted where needed. */
    ExportWriter row(String... fields) {
        return line(false, fields);
    }

    /** A line of fields followed by a trailing comma (one empty field more than written). */
    ExportWriter rowWithTrailingComma(String... fields) {
        return line(true, fields);
    }

    /** The end-of-block blank line. */
    ExportWriter blankLine() {
        return raw("");
    }

    private ExportWriter line(boolean trailingComma, String[] fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writeField(fields[i]);
            }
            if (trailingComma) {
                writer.write(',');
            }
            writer.write(newline);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExportWriter raw(String text) {
        try {
            writer.write(text);
            writer.write(newline);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeField(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value.charAt(0) == Quoted.MARK) {
            writeQuoted(value.substring(1));
        } else if (needsQuotes(value)) {
            writeQuoted(value);
        } else {
            writer.write(value);
        }
    }

    private void writeQuoted(String value) throws IOException {
        writer.write('"');
        writer.write(value.replace("\"", "\"\""));
        writer.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks a value Zoom always writes between quotes, even when nothing in it requires them. */
    static final class Quoted {

        static final char MARK = '\u0001';

        private Quoted() {
        }

        static String of(String value) {
            return MARK + value;
        }
    }
}
