package org.zoomcompliance.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.zoomcompliance.generate.ExportGenerator;

/**
 * CSV row mapping: one day of generated 2024+ meeting list details parsed with commons-csv and mapped to the
 * participant fields, by header name on every row versus by column positions resolved once per file. The
 * duplicate header names of these files ({@code Email}, {@code Duration (minutes)}) rule out commons-csv's own
 * header map, so positions are what an ingest can use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsvRowMappingBenchmark {

    private String details;

    /** The fields ingest keeps from a join, standing in for its item. */
    record JoinRow(String meetingId, String name, String email, String joined, String left, String minutes,
            String guest) {
    }

    @Setup
    public void generate() throws IOException {
        Path folder = Files.createTempDirectory("jmh-exports");
        new ExportGenerator().generate(YearMonth.of(2026, 11), 400, 1, folder);
        try (Stream<Path> files = Files.list(folder)) {
            Path largest = files.filter(f -> f.getFileName().toString().startsWith("meetinglistdetails_20261102"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
            details = Files.readString(largest, StandardCharsets.UTF_8).substring(1);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Benchmark
    public void parseOnly(Blackhole sink) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(details), CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                sink.consume(record.get(0));
            }
        }
    }

    @Benchmark
    public void mapByPositionsResolvedOnce(Blackhole sink) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(details), CSVFormat.DEFAULT)) {
            var records = parser.iterator();
            List<String> header = records.next().toList();
            int id = header.indexOf("ID");
            int name = header.lastIndexOf("Name (original name)");
            int email = header.lastIndexOf("Email");
            int joined = header.lastIndexOf("Join time");
            int left = header.lastIndexOf("Leave time");
            int minutes = header.lastIndexOf("Duration (minutes)");
            int guest = header.lastIndexOf("Guest");
            while (records.hasNext()) {
                CSVRecord record = records.next();
                sink.consume(new JoinRow(record.get(id), record.get(name), record.get(email), record.get(joined),
                        record.get(left), record.get(minutes), record.get(guest)));
            }
        }
    }

    @Benchmark
    public void mapByNameOnEveryRow(Blackhole sink) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(details), CSVFormat.DEFAULT)) {
            var records = parser.iterator();
            List<String> header = records.next().toList();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                sink.consume(new JoinRow(record.get(header.indexOf("ID")),
                        record.get(header.lastIndexOf("Name (original name)")),
                        record.get(header.lastIndexOf("Email")), record.get(header.lastIndexOf("Join time")),
                        record.get(header.lastIndexOf("Leave time")),
                        record.get(header.lastIndexOf("Duration (minutes)")),
                        record.get(header.lastIndexOf("Guest"))));
            }
        }
    }
}
