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
        assertThat(record.error()).isEqualTo("NUL byte in the line");
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
}
