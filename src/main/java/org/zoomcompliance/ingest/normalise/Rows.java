package org.zoomcompliance.ingest.normalise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.zoomcompliance.infrastructure.Sentence;

/** The normalised rows ingestion writes, one record per target table. Nothing here holds a clear IP address. */
public final class Rows {

    private Rows() {
    }

    /** A row bound for one table. */
    public sealed interface TableRow permits MeetingRow, ParticipantJoinRow, DashboardParticipantRow, RecordingRow,
            SignInRow, OperationLogRow, ZoomUserRow, HostActivityRow, WebinarRegistrationRow, HistoryMeetingRow,
            DisclaimerRow, RejectedRow, DeniedRow {
    }

    /** A meeting occurrence (table {@code meeting}). */
    public record MeetingRow(String meetingId, Instant startTime, Instant endTime, String topic, String hostName,
            String hostEmail, Integer durationMinutes, Integer participants, String meetingType) implements TableRow {
    }

    public record ParticipantJoinRow(String meetingId, Instant meetingStart, String name, String originalName,
            String role, String emailPseudonym, boolean nameIsPhone, Instant joinTime, Instant leaveTime,
            Integer durationMinutes, Boolean guest, Boolean recordingConsent, String recordingResponse,
            Boolean inWaitingRoom, int keyVersion) implements TableRow {
    }

    public record DashboardParticipantRow(String meetingId, Instant meetingStart, String name, String emailPseudonym,
            String role, String device, String ipPseudonym, String ipNetworkPseudonym, Boolean ipValid,
            int keyVersion, String locationCountry, String networkType, String dataCentre, String connectionType,
            Instant joinTime, Instant leaveTime, Boolean recording, String clientVersion, String leaveReason)
            implements TableRow {
    }

    public record RecordingRow(LocalDate inventoryDate, String meetingId, String topic, String hostEmail,
            Instant startTime, BigDecimal fileSizeMb, Integer fileCount, Integer totalViews, Integer totalDownloads,
            Instant lastAccessed, LocalDate autoDeleteDate) implements TableRow {
    }

    public record SignInRow(Instant eventTime, String email, String eventType, String ipPseudonym,
            String ipNetworkPseudonym, Boolean ipValid, int keyVersion, String clientType, String clientVersion)
            implements TableRow {
    }

    public record OperationLogRow(Instant eventTime, String operator, String categoryType, String action,
            String detail) implements TableRow {
    }

    public record ZoomUserRow(LocalDate snapshotDate, String email, String userType, String department,
            List<String> groups, Instant lastLoginTime, String pmi, String userStatus, String role,
            String lastClientVersion) implements TableRow {
    }

    public record HostActivityRow(LocalDate snapshotDate, String email, String userType, String department,
            Integer meetings, Integer participants, Integer meetingMinutes, String lastClientVersion,
            Instant lastLoginTime, Instant createTime) implements TableRow {
    }

    /**
     * A webinar registrant (table {@code webinar_registration}): from a registration report, or an attendee report's
     * absentee ({@code attended} false).
     */
    public record WebinarRegistrationRow(String webinarId, Instant webinarStart, String name, String emailPseudonym,
            Instant registrationTime, String approvalStatus, Boolean attended, int keyVersion) implements TableRow {
    }

    /**
     * A history meetings record (table {@code history_meeting}): the features used in an occurrence, as written, and
     * the three the rules read. Its occurrence is the normalised row's meeting.
     */
    public record HistoryMeetingRow(String meetingId, Instant startTime, Instant endTime, String hostEmail,
            List<String> features, boolean cloudRecording, boolean localRecording, boolean waitingRoom)
            implements TableRow {
    }

    /** A disclaimer report record (table {@code disclaimer_response}): a person's answer to a meeting's notice. */
    public record DisclaimerRow(String meetingId, Instant meetingStart, String name, String emailPseudonym,
            String notice, String response, Boolean consent, Instant responseTime, int keyVersion)
            implements TableRow {
    }

    /** A row that could not be read: the reason, and what ingest would have kept of it (see QuarantinedContent). */
    public record RejectedRow(Sentence reason, String content) implements TableRow {
    }

    /** A row of a person erased and denied at the door ({@link SubjectDenyList}): nothing of it is stored. */
    public record DeniedRow() implements TableRow {
    }

    /**
     * One data row of an export, normalised: the row for its table, plus the meeting occurrence it implies when
     * that is a different table (a details row is a meeting and a participant join), and the fields whose value no
     * value table knows (kept as unknown, counted in Data quality).
     */
    public record NormalisedRow(long line, TableRow row, MeetingRow meeting, List<String> unknownValues) {

        public NormalisedRow(long line, TableRow row, MeetingRow meeting) {
            this(line, row, meeting, List.of());
        }
    }
}
