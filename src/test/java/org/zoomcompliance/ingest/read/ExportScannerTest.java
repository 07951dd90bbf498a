package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows checked against their header's width, and against the cut rows {@code row-cuts.csv} allows. */
class ExportScannerTest {

    private static final HeaderAliases ALIASES = HeaderAliases.load();

    @TempDir
    Path folder;

    @Test
    void rejectsARowShorterThanItsHeaderAndAcceptsATrailingCommaEitherWay() throws Exception {
        // given a participants header with a trailing comma, and rows of 8, 9 (trailing comma), 7 and 3 fields
        Path file = write("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
                + "Recording Consent,In Waiting Room,\r\n"
                + "Ana,ana@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n"
                + "Ben,ben@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No,\r\n"
                + "Cut,cut@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,\r\n"
                + "Few,few@exemple.fr,11/05/2026 10:00:00 AM\r\n");

        // when
        List<RawRow> rows = scan(file);

        // then the short rows are rejected, with their line numbers
        assertThat(rows).extracting(RawRow::line, ExportScannerTest::error).containsExactly(
                tuple(2L, null),
                tuple(3L, null),
                tuple(4L, "wrong field count: 7 fields for a header of 8"),
                tuple(5L, "wrong field count: 3 fields for a header of 8"));
    }

    @Test
    void acceptsOldDashboardRowsCutAfterVersionButNotBefore() throws Exception {
        // given an old dashboard export: rows cut after Version (with its trailing comma), and one cut before it
        Path file = write("\ufeffMeeting ID,Host,Email,User Type,Start Time,End Time,Duration (hh:mm:ss),"
                + "Participants,PSTN,VoIP,3rd Party Audio,Video,Screen Sharing,Recording,SIP\r\n"
                + "910 0000 0009,Nina Host,nina.host@fixture.example,Licensed,\"Feb 10, 2024 11:30 PM\","
                + "\"Feb 11, 2024 12:40 AM\",01:10:00,3,No,Yes,No,Yes,Yes,No,No\r\n"
                + "\r\n"
                + "Participant,Device,IP Address,Location,Network Type,Microphone,Speaker,Camera,Data Center,"
                + "Connection Type,Join Time,Leave Time,Version,Audio Latency,Audio Jitter\r\n"
                + "Nina Host,Windows,192.0.2.201,Bellevue (US ),Wired,Mic,Spk,Cam,SC (Top),UDP,11:30 PM,12:40 AM,"
                + "4.6.12345,79 kbps,12 ms\r\n"
                + "Oscar Late,Mac,198.51.100.202,Paris (FR),Wifi,,,,AM (Sub),UDP,12:05 AM,12:30 AM,5.17.11,\r\n"
                + "Pia Cut,iOS,2001:db8:91::9,Lyon (FR),Cellular,,,,TR (Sub),TCP,11:35 PM,11:50 PM,5.16.2\r\n"
                + "Quinn Short,iOS,2001:db8:91::10,Lyon (FR),Cellular,,,,TR (Sub),TCP,11:35 PM,11:50 PM\r\n");

        // when
        List<RawRow> rows = scan(file);

        // then the meeting row and the rows that keep Version are read; the one without Version is rejected
        assertThat(rows).extracting(RawRow::line, ExportScannerTest::error).containsExactly(
                tuple(2L, null),
                tuple(5L, null),
                tuple(6L, null),
                tuple(7L, null),
                tuple(8L, "wrong field count: 12 fields for a header of 15"));
    }

    private Path write(String content) throws Exception {
        return Files.writeString(folder.resolve("export.csv"), content, StandardCharsets.UTF_8);
    }

    private static List<RawRow> scan(Path file) throws Exception {
        List<RawRow> rows = new ArrayList<>();
        try (ExportScanner scanner = ExportScanner.open(file, ALIASES, 1 << 20)) {
            for (RawRow row = scanner.next(); row != null; row = scanner.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A row's rejection, in the English the logs and the reason file give. */
    private static String error(RawRow row) {
        return row.error() == null ? null : row.error().english();
    }
}
