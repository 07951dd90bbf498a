package org.zoomcompliance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGeneratorTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final int MEETINGS = 480;

    /**
     * The headers real exports have (docs/exports.md, "Header names"), written out here rather than taken from
     * {@link Layouts}.
     */
    private static final List<String> DOCUMENTED_FIRST_LINES = List.of(
            "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,",
            "Topic,ID,Host,Duration (minutes),Start time,End time,Participants",
            "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
                    + "In Waiting Room",
            "Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,Creation Time,Start Time,End "
                    + "Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,Leave Time,"
                    + "Duration (Minutes),Guest,Recording Consent,In Waiting Room",
            "Topic,Type,ID,Host name,Host email,Start time,End time,Participants,Duration (minutes),Total "
                    + "participant minutes,Department,Group,Source,Unique viewers,Max concurrent views,Creation time,"
                    + "Campus,Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,Recording "
                    + "disclaimer response,In waiting room",
            "Meeting ID,Host,Email,User Type,Start Time,End Time,Duration (hh:mm:ss),Participants,PSTN,VoIP,3rd "
                    + "Party Audio,Video,Screen Sharing,Recording,SIP",
            "Host Email,Topic,ID,Start Time,File Size (MB),File Count,Total Views,Total Downloads,Last Accessed,",
            "Time,User,Type,IP Address,Client Type,Version",
            "email,time,type,ip_address,client_type,version",
            "Time,Operator,Category Type,Action,Operation Detail",
            "Email,First Name,Last Name,User Type,Department,User Group,Last Login Time,Personal Meeting ID,"
                    + "Create Time");
    private static final List<String> DOCUMENTED_PARTICIPANT_BLOCKS = List.of(
            "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
                    + "In Waiting Room",
            "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,Recording disclaimer "
                    + "response,In waiting room",
            "Name (original name),Email,Total duration (minutes),Guest",
            "Participant,Email,Device,IP Address,Location,Network Type,Data Center,Connection Type,Join Time,Leave "
                    + "Time,Recording,Version,Role,PC Name,Domain,Mac Address,Harddisk ID,Leave Reason",
            "user_name,email,device,ip_address,location,network_type,data_center,connection_type,join_time,"
                    + "leave_time,recording,version,role,pc_name,domain,mac_addr,harddisk_id,leave_reason");
    private static final List<String> RULES = List.of(
            "RECORDING_CLOUD", "RECORDING_BY_NON_HOST", "RECORDING_NOT_ALLOWED_FOR_PROFILE",
            "RECORDING_RETENTION_EXCEEDED", "RECORDING_CONSENT_MISSING", "HOST_OUTSIDE_CONTRACT", "MEETING_ON_PMI",
            "MEETING_ROOM_REUSED", "SENSITIVE_TOPIC", "PARTICIPANT_UNIDENTIFIED", "CLIENT_OUTDATED",
            "TRANSFER_OUTSIDE_EU", "INTRUSION_SUSPECTED", "ACCOUNT_MULTIPLE_PROFILES", "ACCOUNT_INACTIVE");

    @TempDir
    static Path folder;

    private static Map<String, byte[]> first;

    @BeforeAll
    static void generateOnce() throws IOException {
        first = generate("first", 7);
    }

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        // given the month generated once with seed 7

        // when
        Map<String, byte[]> second = generate("second", 7);

        // then
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void anotherSeedWritesOtherBytes() throws IOException {
        // given the month generated once with seed 7

        // when
        Map<String, byte[]> other = generate("other", 8);

        // then
        assertThat(other.get("zoomus_users.csv")).isNotEqualTo(first.get("zoomus_users.csv"));
        assertThat(other.get(ExportGenerator.MANIFEST)).isNotEqualTo(first.get(ExportGenerator.MANIFEST));
    }

    @Test
    void everyFileStartsWithADocumentedHeader() {
        // given the generated files
        Map<String, byte[]> exports = new TreeMap<>(first);
        exports.remove(ExportGenerator.MANIFEST);

        // when / then
        assertThat(exports.keySet()).anyMatch(n -> n.startsWith("participants_"))
                .anyMatch(n -> n.startsWith("meetinglistdetails_")).anyMatch(n -> n.startsWith("dashboard_"))
                .anyMatch(n -> n.startsWith("signinout_")).anyMatch(n -> n.startsWith("operationlog_"))
                .contains("zoomus_users.csv", "zoomus_recordings__20261130.csv");
        exports.forEach((name, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String firstLine = text.lines().findFirst().orElseThrow().replace("\ufeff", "");
            assertThat(DOCUMENTED_FIRST_LINES).as(name).contains(firstLine);
            if (!name.startsWith("signinout_") || text.startsWith("\ufeff")) {
                assertThat(text).as(name).startsWith("\ufeff").contains("\r\n");
            }
            String[] blocks = text.split("\r?\n\r?\n");
            if (blocks.length > 1) {
                assertThat(blocks).as(name).hasSize(2);
                assertThat(DOCUMENTED_PARTICIPANT_BLOCKS).as(name).contains(blocks[1].lines().findFirst().orElseThrow());
            }
        });
    }

    @Test
    void everyRuleIsPlantedAndListed() {
        // given
        List<String[]> manifest = new String(first.get(ExportGenerator.MANIFEST), StandardCharsets.UTF_8).lines()
                .skip(1).map(line -> line.split(",", 2)).toList();

        // when
        Map<String, Long> perRule = manifest.stream()
                .collect(Collectors.groupingBy(line -> line[0], TreeMap::new, Collectors.counting()));

        // then
        assertThat(perRule.keySet()).containsExactlyInAnyOrderElementsOf(RULES);
        assertThat(perRule.values()).allMatch(count -> count >= ExportGenerator.plantsPerRule(MEETINGS));
        String everything = first.values().stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .collect(Collectors.joining()).replace(" ", "");
        assertThat(manifest).allSatisfy(line -> assertThat(everything).contains(subjectKey(line[1])));
        assertThat(manifest.stream().map(Arrays::toString).distinct()).hasSameSizeAs(manifest);
    }

    /** The meeting ID or account e-mail a subject names, without the spaces 2024+ exports put in IDs. */
    private static String subjectKey(String subject) {
        return subject.matches("\\d+@.*") ? subject.substring(0, subject.indexOf('@')) : subject;
    }

    private static Map<String, byte[]> generate(String name, long seed) throws IOException {
        Path out = folder.resolve(name);
        new ExportGenerator().generate(MONTH, MEETINGS, seed, out);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(out)) {
            listing.forEach(file -> files.put(file.getFileName().toString(), read(file)));
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
