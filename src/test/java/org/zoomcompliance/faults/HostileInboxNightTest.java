package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.support.TestHomes;

/**
 * The inbox an operator dreads, run by cron: under {@code LANG=C} (the JVM then maps every non-ASCII byte of a
 * file name to {@code ?}) and in a 256 MB heap, two nights of {@code nightly} over a file named in UTF-8, one
 * named with a byte that is not UTF-8, a 60 MB line without a newline, a 40 MB quoted field, and a file whose rows
 * are all shorter than their header. Both nights finish, exit 0, and leave the inbox empty.
 */
@Tag("faults")
class HostileInboxNightTest {

    private static final String HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),"
            + "Guest,Recording Consent,In Waiting Room\r\n";

    /** Names as the bytes the file system holds, percent-encoded as in a {@code file:} URI. */
    private static final String UTF8_NAME = "participants_97500000001_r%C3%A9union.csv";
    private static final String LATIN1_NAME = "participants_97500000002_caf%E9.csv";
    private static final String LONG_LINE = "participants_97500000003.csv";
    private static final String LARGE_FIELD = "participants_97500000004.csv";
    private static final String SHORT_ROWS = "participants_97500000005.csv";

    @Test
    void twoNightsOverAHostileInboxUnderLangCInASmallHeapFinishAndSetAsideOnlyWhatCannotBeRead() throws Exception {
        Path home = TestHomes.newHome();
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        try {
            // given the five files in the inbox
            fill(inbox);

            // when two nights run, as cron runs them
            Night first = nightly(home, "2026-11-06");
            fill(inbox);
            Night second = nightly(home, "2026-11-07");

            // then both finished, exit 0, and the inbox is empty
            assertThat(first.exit()).as(first.output()).isZero();
            assertThat(second.exit()).as(second.output()).isZero();
            try (Stream<Path> left = Files.list(inbox)) {
                assertThat(left).isEmpty();
            }
            // the short-row file is named in both summaries, as quarantined, with its reason
            for (Night night : List.of(first, second)) {
                assertThat(night.output()).contains("quarantined: 1 file(s)")
                        .contains(SHORT_ROWS + ": nothing could be ingested, every row was rejected: wrong field count");
            }
            // the readable files are in processed/ under their own bytes (the second night's copies numbered)
            for (String name : List.of(UTF8_NAME, LATIN1_NAME, LONG_LINE, LARGE_FIELD)) {
                assertThat(named(home.resolve("processed"), name)).isRegularFile();
                assertThat(named(home.resolve("processed"), "1-" + name)).isRegularFile();
            }
            assertThat(named(home.resolve("quarantine"), SHORT_ROWS)).isRegularFile();
            assertThat(named(home.resolve("quarantine"), SHORT_ROWS + ".reason.txt")).content(StandardCharsets.UTF_8)
                    .contains("reason: nothing could be ingested, every row was rejected: wrong field count: 3 fields"
                            + " for a header of 8 (3)");

            try (ConfigurableApplicationContext context = Applications.start(home)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                // every good row is in, the one after the 40 MB field too
                assertThat(jdbc.queryForList("select meeting_id || ' ' || name from participant_join"
                        + " order by meeting_id, line_number", String.class)).containsExactly(
                        "97500000001 Ana Utf", "97500000001 Ben Utf",
                        "97500000002 Cleo Latin", "97500000002 Dan Latin",
                        "97500000003 Eva Before", "97500000003 Finn Before",
                        "97500000004 Gil Before", "97500000004 Hana After");
                // the long line, the large field and the short rows are rejected with their line numbers
                assertThat(jdbc.query("""
                        select f.file_name, q.line_number, q.reason
                        from quarantined_row q join source_file f on f.id = q.source_file_id
                        order by f.file_name, q.line_number""",
                        (rs, i) -> tuple(rs.getString(1), rs.getLong(2), rs.getString(3))))
                        .containsExactly(
                                tuple(LONG_LINE, 4L, "record longer than 1048576 characters"),
                                tuple(LARGE_FIELD, 3L, "record longer than 1048576 characters"),
                                tuple(SHORT_ROWS, 2L, "wrong field count: 3 fields for a header of 8"),
                                tuple(SHORT_ROWS, 3L, "wrong field count: 3 fields for a header of 8"),
                                tuple(SHORT_ROWS, 4L, "wrong field count: 3 fields for a header of 8"));
                // nothing of a record too long is kept
                assertThat(jdbc.queryForObject("select coalesce(max(length(content)), 0) from quarantined_row"
                        + " where reason like 'record longer than%'", Integer.class)).isZero();
                // names that are not UTF-8 are shown escaped, never as question marks
                assertThat(jdbc.query("select file_name, status from source_file order by file_name",
                        (rs, i) -> tuple(rs.getString(1), rs.getString(2)))).containsExactly(
                        tuple("participants_97500000001_réunion.csv", "COMPLETED"),
                        tuple("participants_97500000002_caf\\x{E9}.csv", "COMPLETED"),
                        tuple(LONG_LINE, "COMPLETED"),
                        tuple(LARGE_FIELD, "COMPLETED"),
                        tuple(SHORT_ROWS, "QUARANTINED"));
            }
        } finally {
            // the big inputs are not kept under target/
            for (String folder : List.of("inbox", "processed", "quarantine")) {
                for (String name : List.of(LONG_LINE, LARGE_FIELD, "1-" + LONG_LINE, "1-" + LARGE_FIELD)) {
                    Files.deleteIfExists(named(home.resolve(folder), name));
                }
            }
        }
    }

    private static void fill(Path inbox) throws IOException {
        write(inbox, UTF8_NAME, HEADER
                + "Ana Utf,ana@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n"
                + "Ben Utf,ben@exemple.fr,11/05/2026 10:05:00 AM,11/05/2026 11:00:00 AM,55,No,,No\r\n");
        write(inbox, LATIN1_NAME, HEADER
                + "Cleo Latin,cleo@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n"
                + "Dan Latin,dan@exemple.fr,11/05/2026 10:05:00 AM,11/05/2026 11:00:00 AM,55,No,,No\r\n");
        // two good rows, then a 60 MB line that never ends
        try (Writer out = writer(inbox, LONG_LINE)) {
            out.write(HEADER);
            out.write("Eva Before,eva@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n");
            out.write("Finn Before,finn@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n");
            repeat(out, "Eva Long 10.20.30.40 ", 60 << 20);
        }
        // a good row, a row whose quoted name is 40 MB, and the good row after it
        try (Writer out = writer(inbox, LARGE_FIELD)) {
            out.write(HEADER);
            out.write("Gil Before,gil@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n");
            out.write("\"");
            repeat(out, "Gil Large, \"\"quoted\"\" ", 40 << 20);
            out.write("\",big@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n");
            out.write("Hana After,hana@exemple.fr,11/05/2026 10:10:00 AM,11/05/2026 11:00:00 AM,50,No,,No\r\n");
        }
        write(inbox, SHORT_ROWS, HEADER + "Ivo Short,ivo@ex,1\r\nJo Short,jo@exem,2\r\nKim Short,kim@exe,3\r\n");
    }

    private static void repeat(Writer out, String text, long length) throws IOException {
        for (long written = 0; written < length; written += text.length()) {
            out.write(text);
        }
    }

    private static void write(Path folder, String name, String content) throws IOException {
        try (Writer out = writer(folder, name)) {
            out.write(content);
        }
    }

    private static BufferedWriter writer(Path folder, String name) throws IOException {
        return Files.newBufferedWriter(named(folder, name), StandardCharsets.UTF_8);
    }

    /** The file of that (percent-encoded) name in a folder, whatever the bytes and the test JVM's locale. */
    private static Path named(Path folder, String name) {
        return Path.of(URI.create(folder.toAbsolutePath().toUri() + name));
    }

    private record Night(int exit, String output) {
    }

    /** {@code nightly --date DATE} in a JVM of its own, as cron starts it: {@code LANG=C}, a 256 MB heap. */
    private static Night nightly(Path home, String date) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ZoomComplianceApplication.class.getName(),
                "--home", home.toString(), "nightly", "--date", date));
        Path output = Files.createTempFile(home, "nightly-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the night ended").isTrue();
        return new Night(process.exitValue(), Files.readString(output, StandardCharsets.ISO_8859_1));
    }
}
