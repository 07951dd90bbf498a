package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void keepsAQuotedValueThatSpansLinesWhenItCloses() throws IOException {
        // given
        CsvRecords records = records("a,b,c\r\n1,\"two\r\nlines\",3\r\n4,5,6\r\n", 3);

        // when
        List<CsvRecord> read = readAll(records);

        // then
        assertThat(read).extracting(CsvRecord::line).containsExactly(1L, 2L, 4L);
        assertThat(read.get(1).fields()).containsExactly("1", "two\nlines", "3");
    }

    @Test
    void rejectsOnlyTheLineOfAQuoteThatNeverClosesAndReadsOn() throws IOException {
        // given
        CsvRecords records = records("a,b\n\"open,1\nx,2\ny,3\n", 2);

        // when
        List<CsvRecord> read = readAll(records);

        // then
        assertThat(read).extracting(CsvRecord::line, CsvRecord::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, null),
                org.assertj.core.groups.Tuple.tuple(2L, CsvRecords.BROKEN_QUOTE),
                org.assertj.core.groups.Tuple.tuple(3L, null),
                org.assertj.core.groups.Tuple.tuple(4L, null));
    }

    @Test
    void splitsDoubledQuotesTrailingCommasAndEmptyFields() {
        // given
        List<String> fields = new ArrayList<>();

        // when
        CsvRecords.Split split = CsvRecords.split("\"say \"\"hi\"\"\",,x,", fields);

        // then
        assertThat(split).isEqualTo(CsvRecords.Split.COMPLETE);
        assertThat(fields).containsExactly("say \"hi\"", "", "x", "");
    }

    @Test
    void reportsANulByte() throws IOException {
        // given
        CsvRecords records = records("a\u0000b,c\n", 0);

        // when
        CsvRecord record = records.next();

        // then
        assertThat(record.error().english()).isEqualTo("NUL byte in the line");
    }

    @Test
    void rejectsALineLongerThanTheLimitWithoutItsTextAndReadsTheNextLine() throws IOException {
        // given a limit of 10 characters, and lines of 10, 11 and 3 characters
        CsvRecords records = new CsvRecords(new StringReader("aaaa,bbbbb\r\naaaa,bbbbbb\r\nc,d"), 10);

        // when
        List<CsvRecord> read = readAll(records);

        // then the line at the limit is read, the one past it rejected with its number and nothing of it kept
        assertThat(read).extracting(CsvRecord::line, CsvRecord::fields, CsvRecord::text, CsvRecordsTest::error)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, List.of("aaaa", "bbbbb"), "aaaa,bbbbb", null),
                        org.assertj.core.groups.Tuple.tuple(2L, List.of(), "", "record longer than 10 characters"),
                        org.assertj.core.groups.Tuple.tuple(3L, List.of("c", "d"), "c,d", null));
    }

    @Test
    void readsPastALongLineWithoutANewlineSpanningManyBuffers() throws IOException {
        // given a 300,000-character quoted field (several of the reader's blocks) with no newline, after a good line
        String text = "a,b\r\n\"" + "x".repeat(300_000) + "\",1";

        // when it is read with a limit of 1,000
        List<CsvRecord> read = readAll(new CsvRecords(new StringReader(text), 1_000));

        // then the good line is read and the long one rejected as line 2, and the text ends there
        assertThat(read).extracting(CsvRecord::line, CsvRecordsTest::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, null),
                org.assertj.core.groups.Tuple.tuple(2L, "record longer than 1000 characters"));
    }

    @Test
    void splitsLinesOnCrLfLfAndCrEvenWhenACrLfFallsAcrossTwoBlocks() throws IOException {
        // given a first line that fills the reader's 65,536-character block up to its CR, the LF opening the next
        String first = "y".repeat(65_535);
        String text = first + "\r\nb\nc\rd\r\n";

        // when
        List<CsvRecord> read = readAll(new CsvRecords(new StringReader(text), 1 << 20));

        // then four lines, the CRLF counted once
        assertThat(read).extracting(CsvRecord::line, CsvRecord::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, first), org.assertj.core.groups.Tuple.tuple(2L, "b"),
                org.assertj.core.groups.Tuple.tuple(3L, "c"), org.assertj.core.groups.Tuple.tuple(4L, "d"));
    }

    @Test
    void aQuotedValueThatWouldMakeTheRecordLongerThanTheLimitIsABrokenQuoteAndItsLinesAreReadAgain()
            throws IOException {
        // given a limit of 12 and a quoted value continuing over lines that make the record 13 characters long
        CsvRecords records = new CsvRecords(new StringReader("a,b\n1,\"two\nthree\"\n4,5\n"), 12);
        records.expectWidth(2);

        // when
        List<CsvRecord> read = readAll(records);

        // then the opening line is rejected, and the line after it is read as a line of its own
        assertThat(read).extracting(CsvRecord::line, CsvRecord::text, CsvRecord::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "a,b", null),
                org.assertj.core.groups.Tuple.tuple(2L, "1,\"two", CsvRecords.BROKEN_QUOTE),
                org.assertj.core.groups.Tuple.tuple(3L, "three\"", null),
                org.assertj.core.groups.Tuple.tuple(4L, "4,5", null));
    }

    private static CsvRecords records(String text, int width) {
        CsvRecords records = new CsvRecords(new StringReader(text), 1 << 20);
        records.expectWidth(width);
        return records;
    }

    private static List<CsvRecord> readAll(CsvRecords records) throws IOException {
        List<CsvRecord> read = new ArrayList<>();
        for (CsvRecord record = records.next(); record != null; record = records.next()) {
            read.add(record);
        }
        return read;
    }

    /** A record's reason in English, as recorded beside its key. */
    private static String error(CsvRecord record) {
        return record.error() == null ? null : record.error().english();
    }
}
