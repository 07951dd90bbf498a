package org.zoomcompliance.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The fastest honest reading of the exports: every file parsed with commons-csv and every value touched, with
 * nothing mapped, checked or stored. Ingest does all that on top, so its speed is stated as a share of this.
 */
public final class ParseFloor {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    private static final int BUFFER = 1 << 16;

    /**
     * What one parse read.
     *
     * @param records every CSV record, headers and meeting lines included (blank lines excluded)
     * @param characters the length of all values, so that the parse cannot be optimised away
     */
    public record Result(int files, long records, long characters, long bytes) {
    }

    /** Parses every {@code .csv} file under the given files or folders, in name order. */
    public Result parse(List<Path> paths) {
        int files = 0;
        long records = 0;
        long characters = 0;
        long bytes = 0;
        for (Path file : csvFiles(paths)) {
            files++;
            try (Reader reader = withoutBom(file); CSVParser parser = CSVParser.builder().setReader(reader)
                    .setFormat(FORMAT).get()) {
                for (CSVRecord record : parser) {
                    records++;
                    for (String value : record) {
                        characters += value.length();
                    }
                }
                bytes += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + file.getFileName(), e);
            }
        }
        return new Result(files, records, characters, bytes);
    }

    private static List<Path> csvFiles(List<Path> paths) {
        return paths.stream().flatMap(ParseFloor::walk)
                .filter(path -> Files.isRegularFile(path) && path.getFileName().toString().endsWith(".csv"))
                .sorted()
                .toList();
    }

    private static Stream<Path> walk(Path path) {
        try (Stream<Path> tree = Files.walk(path)) {
            return tree.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader withoutBom(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), BUFFER);
        reader.mark(1);
        if (reader.read() != '\ufeff') {
            reader.reset();
        }
        return reader;
    }
}
