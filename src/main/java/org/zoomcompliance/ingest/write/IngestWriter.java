package org.zoomcompliance.ingest.write;

import static org.zoomcompliance.ingest.write.Column.instant;
import static org.zoomcompliance.ingest.write.Column.text;
import static org.zoomcompliance.ingest.write.Column.textArray;
import static org.zoomcompliance.ingest.write.Column.typed;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.ingest.normalise.Rows.DashboardParticipantRow;
import org.zoomcompliance.ingest.normalise.Rows.DeniedRow;
import org.zoomcompliance.ingest.normalise.Rows.DisclaimerRow;
import org.zoomcompliance.ingest.normalise.Rows.HistoryMeetingRow;
import org.zoomcompliance.ingest.normalise.Rows.HostActivityRow;
import org.zoomcompliance.ingest.normalise.Rows.MeetingRow;
import org.zoomcompliance.ingest.normalise.Rows.NormalisedRow;
import org.zoomcompliance.ingest.normalise.Rows.OperationLogRow;
import org.zoomcompliance.ingest.normalise.Rows.ParticipantJoinRow;
import org.zoomcompliance.ingest.normalise.Rows.RecordingRow;
import org.zoomcompliance.ingest.normalise.Rows.RejectedRow;
import org.zoomcompliance.ingest.normalise.Rows.SignInRow;
import org.zoomcompliance.ingest.normalise.Rows.WebinarRegistrationRow;
import org.zoomcompliance.ingest.normalise.Rows.ZoomUserRow;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.schema.StoredTable;

/**
 * Writes a chunk of normalised rows, one set-based statement per table, and adds the chunk's counts to the
 * file's {@code source_file} record in the same transaction, so counts stay exact across a restart.
 *
 * <p>The record also keeps the last line a committed chunk holds ({@code committed_through_line}). Spring Batch
 * saves the step's restart position only after the chunk's transaction has committed, so a stop or a kill in
 * between restarts the step one chunk early: the rows of that chunk at or before the committed line are skipped,
 * neither written nor counted again (they would otherwise count as read twice and as duplicates of themselves).
 *
 * <p>Meetings are upserted: an occurrence already known gets its missing values filled, nothing else, and the row
 * counts as already present. Every other row is inserted unless its natural key is already there; such a row counts
 * as already present (a duplicate). Values no value table knows are counted per file and field
 * ({@code unknown_value}).
 */
public class IngestWriter implements ItemWriter<NormalisedRow> {

    /** A row and the line it came from. */
    record Lined<R>(long line, R row) {
    }

    // "xmax = 0": the row version was inserted by this statement, not updated by its conflict clause (PostgreSQL's
    // idiom before 18's "old.*" in returning, which an external server of 15 to 17 rejects; README, Configuration).
    private static final SetInsert<Lined<MeetingRow>> MEETING = SetInsert.of(StoredTable.MEETING, List.of(
            text("meeting_id", l -> l.row().meetingId()),
            instant("start_time", l -> l.row().startTime()),
            instant("end_time", l -> l.row().endTime()),
            text("topic", l -> l.row().topic()),
            text("host_name", l -> l.row().hostName()),
            text("host_email", l -> l.row().hostEmail()),
            typed("duration_minutes", "integer", l -> l.row().durationMinutes()),
            typed("participants", "integer", l -> l.row().participants()),
            text("meeting_type", l -> l.row().meetingType())),
            List.of("meeting_id", "start_time"),
            """
            on conflict (meeting_id, start_time) do update set
                end_time = coalesce(meeting.end_time, excluded.end_time),
                topic = coalesce(meeting.topic, excluded.topic),
                host_name = coalesce(meeting.host_name, excluded.host_name),
                host_email = coalesce(meeting.host_email, excluded.host_email),
                duration_minutes = coalesce(meeting.duration_minutes, excluded.duration_minutes),
                participants = coalesce(meeting.participants, excluded.participants),
                meeting_type = coalesce(meeting.meeting_type, excluded.meeting_type)
            where (meeting.end_time is null and excluded.end_time is not null)
               or (meeting.topic is null and excluded.topic is not null)
               or (meeting.host_name is null and excluded.host_name is not null)
               or (meeting.host_email is null and excluded.host_email is not null)
               or (meeting.duration_minutes is null and excluded.duration_minutes is not null)
               or (meeting.participants is null and excluded.participants is not null)
               or (meeting.meeting_type is null and excluded.meeting_type is not null)
            returning meeting_id, start_time, xmax = 0""");

    private static final SetInsert<Lined<ParticipantJoinRow>> PARTICIPANT_JOIN = SetInsert.of(StoredTable.PARTICIPANT_JOIN, List.of(
            text("meeting_id", l -> l.row().meetingId()),
            instant("meeting_start", l -> l.row().meetingStart()),
            text("name", l -> l.row().name()),
            text("original_name", l -> l.row().originalName()),
            text("role", l -> l.row().role()),
            text("email_pseudonym", l -> l.row().emailPseudonym()),
            typed("name_is_phone", "boolean", l -> l.row().nameIsPhone()),
            instant("join_time", l -> l.row().joinTime()),
            instant("leave_time", l -> l.row().leaveTime()),
            typed("duration_minutes", "integer", l -> l.row().durationMinutes()),
            typed("guest", "boolean", l -> l.row().guest()),
            typed("recording_consent", "boolean", l -> l.row().recordingConsent()),
            text("recording_response", l -> l.row().recordingResponse()),
            typed("in_waiting_room", "boolean", l -> l.row().inWaitingRoom()),
            typed("key_version", "integer", l -> l.row().keyVersion()),
            typed("line_number", "bigint", Lined::line)),
            // participant_join_natural_key (V14): with the occurrence start for rows without a join time
            List.of("meeting_id", "name", "email_pseudonym", "join_time", "leave_time", "meeting_start"),
            "on conflict do nothing");

    private static final SetInsert<Lined<DashboardParticipantRow>> DASHBOARD = SetInsert.of(StoredTable.DASHBOARD_PARTICIPANT, List.of(
            text("meeting_id", l -> l.row().meetingId()),
            instant("meeting_start", l -> l.row().meetingStart()),
            text("name", l -> l.row().name()),
            text("email_pseudonym", l -> l.row().emailPseudonym()),
            text("role", l -> l.row().role()),
            text("device", l -> l.row().device()),
            text("ip_pseudonym", l -> l.row().ipPseudonym()),
            text("ip_network_pseudonym", l -> l.row().ipNetworkPseudonym()),
            typed("ip_valid", "boolean", l -> l.row().ipValid()),
            typed("key_version", "integer", l -> l.row().keyVersion()),
            text("location_country", l -> l.row().locationCountry()),
            text("network_type", l -> l.row().networkType()),
            text("data_centre", l -> l.row().dataCentre()),
            text("connection_type", l -> l.row().connectionType()),
            instant("join_time", l -> l.row().joinTime()),
            instant("leave_time", l -> l.row().leaveTime()),
            typed("recording", "boolean", l -> l.row().recording()),
            text("client_version", l -> l.row().clientVersion()),
            text("leave_reason", l -> l.row().leaveReason()),
            typed("line_number", "bigint", Lined::line)),
            // dashboard_participant_natural_key (V14): a session is told by its leave time too
            List.of("meeting_id", "name", "join_time", "leave_time", "ip_pseudonym", "meeting_start"),
            "on conflict do nothing");

    private static final SetInsert<Lined<RecordingRow>> RECORDING = SetInsert.of(StoredTable.RECORDING, List.of(
            typed("inventory_date", "date", l -> l.row().inventoryDate()),
            text("meeting_id", l -> l.row().meetingId()),
            text("topic", l -> l.row().topic()),
            text("host_email", l -> l.row().hostEmail()),
            instant("start_time", l -> l.row().startTime()),
            typed("file_size_mb", "numeric", l -> l.row().fileSizeMb()),
            typed("file_count", "integer", l -> l.row().fileCount()),
            typed("total_views", "integer", l -> l.row().totalViews()),
            typed("total_downloads", "integer", l -> l.row().totalDownloads()),
            instant("last_accessed", l -> l.row().lastAccessed()),
            typed("auto_delete_date", "date", l -> l.row().autoDeleteDate())),
            List.of("inventory_date", "meeting_id", "start_time"),
            "on conflict do nothing");

    private static final SetInsert<Lined<SignInRow>> SIGN_IN = SetInsert.of(StoredTable.SIGN_IN, List.of(
            instant("event_time", l -> l.row().eventTime()),
            text("email", l -> l.row().email()),
            text("event_type", l -> l.row().eventType()),
            text("ip_pseudonym", l -> l.row().ipPseudonym()),
            text("ip_network_pseudonym", l -> l.row().ipNetworkPseudonym()),
            typed("ip_valid", "boolean", l -> l.row().ipValid()),
            typed("key_version", "integer", l -> l.row().keyVersion()),
            text("client_type", l -> l.row().clientType()),
            text("client_version", l -> l.row().clientVersion()),
            typed("line_number", "bigint", Lined::line)),
            List.of("event_time", "email", "event_type", "ip_pseudonym"),
            "on conflict do nothing");

    private static final SetInsert<Lined<OperationLogRow>> OPERATION_LOG = SetInsert.of(StoredTable.OPERATION_LOG, List.of(
            instant("event_time", l -> l.row().eventTime()),
            text("operator", l -> l.row().operator()),
            text("category_type", l -> l.row().categoryType()),
            text("action", l -> l.row().action()),
            text("detail", l -> l.row().detail()),
            typed("line_number", "bigint", Lined::line)),
            List.of("event_time", "operator", "category_type", "action", "detail"),
            "on conflict do nothing");

    private static final SetInsert<Lined<ZoomUserRow>> ZOOM_USER = SetInsert.of(StoredTable.ZOOM_USER, List.of(
            typed("snapshot_date", "date", l -> l.row().snapshotDate()),
            text("email", l -> l.row().email()),
            text("user_type", l -> l.row().userType()),
            text("department", l -> l.row().department()),
            textArray("groups", l -> l.row().groups()),
            instant("last_login_time", l -> l.row().lastLoginTime()),
            text("pmi", l -> l.row().pmi()),
            text("user_status", l -> l.row().userStatus()),
            text("role", l -> l.row().role()),
            text("last_client_version", l -> l.row().lastClientVersion())),
            List.of("email"),
            "on conflict do nothing");

    private static final SetInsert<Lined<HostActivityRow>> HOST_ACTIVITY = SetInsert.of(StoredTable.HOST_ACTIVITY, List.of(
            typed("snapshot_date", "date", l -> l.row().snapshotDate()),
            text("email", l -> l.row().email()),
            text("user_type", l -> l.row().userType()),
            text("department", l -> l.row().department()),
            typed("meetings", "integer", l -> l.row().meetings()),
            typed("participants", "integer", l -> l.row().participants()),
            typed("meeting_minutes", "integer", l -> l.row().meetingMinutes()),
            text("last_client_version", l -> l.row().lastClientVersion()),
            instant("last_login_time", l -> l.row().lastLoginTime()),
            instant("create_time", l -> l.row().createTime())),
            List.of("email"),
            "on conflict do nothing");

    private static final SetInsert<Lined<WebinarRegistrationRow>> WEBINAR_REGISTRATION = SetInsert.of(
            StoredTable.WEBINAR_REGISTRATION, List.of(
            text("webinar_id", l -> l.row().webinarId()),
            instant("webinar_start", l -> l.row().webinarStart()),
            text("name", l -> l.row().name()),
            text("email_pseudonym", l -> l.row().emailPseudonym()),
            instant("registration_time", l -> l.row().registrationTime()),
            text("approval_status", l -> l.row().approvalStatus()),
            typed("attended", "boolean", l -> l.row().attended()),
            typed("key_version", "integer", l -> l.row().keyVersion()),
            typed("line_number", "bigint", Lined::line)),
            // webinar_registration_natural_key (V55)
            List.of("webinar_id", "email_pseudonym", "name", "registration_time", "webinar_start"),
            "on conflict do nothing");

    private static final SetInsert<Lined<HistoryMeetingRow>> HISTORY_MEETING = SetInsert.of(StoredTable.HISTORY_MEETING,
            List.of(
            text("meeting_id", l -> l.row().meetingId()),
            instant("start_time", l -> l.row().startTime()),
            instant("end_time", l -> l.row().endTime()),
            text("host_email", l -> l.row().hostEmail()),
            textArray("features", l -> l.row().features()),
            typed("cloud_recording", "boolean", l -> l.row().cloudRecording()),
            typed("local_recording", "boolean", l -> l.row().localRecording()),
            typed("waiting_room", "boolean", l -> l.row().waitingRoom()),
            typed("line_number", "bigint", Lined::line)),
            // history_meeting_natural_key (V57)
            List.of("meeting_id", "start_time"),
            "on conflict do nothing");

    private static final SetInsert<Lined<DisclaimerRow>> DISCLAIMER_RESPONSE = SetInsert.of(
            StoredTable.DISCLAIMER_RESPONSE, List.of(
            text("meeting_id", l -> l.row().meetingId()),
            instant("meeting_start", l -> l.row().meetingStart()),
            text("name", l -> l.row().name()),
            text("email_pseudonym", l -> l.row().emailPseudonym()),
            text("notice", l -> l.row().notice()),
            text("response", l -> l.row().response()),
            typed("consent", "boolean", l -> l.row().consent()),
            instant("response_time", l -> l.row().responseTime()),
            typed("key_version", "integer", l -> l.row().keyVersion()),
            typed("line_number", "bigint", Lined::line)),
            // disclaimer_response_natural_key (V57)
            List.of("meeting_id", "meeting_start", "notice", "email_pseudonym", "name", "response_time"),
            "on conflict do nothing");

    private static final SetInsert<Lined<RejectedRow>> QUARANTINED_ROW = SetInsert.of(StoredTable.QUARANTINED_ROW, List.of(
            typed("line_number", "bigint", Lined::line),
            text("reason", l -> l.row().reason().english()),
            text("reason_key", l -> l.row().reason().key()),
            typed("reason_args", "jsonb", l -> l.row().reason().arguments()),
            text("content", l -> l.row().content())),
            List.of("line_number"),
            "on conflict (source_file_id, line_number) do nothing");

    /** The words after the limit in the failure of a file past it, which {@link #rejectedRowsLimitIn} reads. */
    private static final String PAST_LIMIT = " rows rejected (zoom-compliance.ingest.max-rejected-rows)";
    private static final Pattern PAST_LIMIT_REASON = Pattern.compile("more than (\\d+)" + Pattern.quote(PAST_LIMIT));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;
    private final long sourceFileId;
    private final long maxRejectedRows;
    private final ZoneId zone;

    /**
     * @param maxRejectedRows past this many quarantined rows the file is failed rather than ingested: a file that
     *                        bad is more likely the wrong export or a broken one than a few bad rows
     */
    public IngestWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, long sourceFileId,
            long maxRejectedRows, ZoneId zone) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.sourceFileId = sourceFileId;
        this.maxRejectedRows = maxRejectedRows;
        this.zone = zone;
    }

    @Override
    public void write(Chunk<? extends NormalisedRow> chunk) {
        // Locks the record for the chunk's transaction: the committed line read here is the one this chunk moves.
        long committedThrough = jdbc.queryForObject(
                "select committed_through_line from source_file where id = ? for update", Long.class, sourceFileId);
        List<NormalisedRow> fresh = new ArrayList<>(chunk.size());
        for (NormalisedRow item : chunk) {
            if (item.line() > committedThrough) {
                fresh.add(item);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, Lined<MeetingRow>> meetings = new LinkedHashMap<>();
        List<String> primaryMeetingKeys = new ArrayList<>();
        Map<Class<?>, List<Lined<?>>> byTable = new LinkedHashMap<>();
        DataPeriod period = null;
        Map<String, Long> unknownValues = new TreeMap<>();
        for (NormalisedRow item : fresh) {
            // rows already present count too: the file's data covers their period all the same
            period = DataPeriod.union(period, DataPeriod.of(item.row(), zone));
            for (String field : item.unknownValues()) {
                unknownValues.merge(field, 1L, Long::sum);
            }
            if (item.meeting() != null) {
                merge(meetings, new Lined<>(item.line(), item.meeting()));
            }
            if (item.row() instanceof MeetingRow meeting) {
                primaryMeetingKeys.add(merge(meetings, new Lined<>(item.line(), meeting)));
            } else {
                byTable.computeIfAbsent(item.row().getClass(), c -> new ArrayList<>()).add(new Lined<>(item.line(), item.row()));
            }
        }
        // a meeting row that only fills in what a known occurrence lacked is already present, not ingested
        Set<String> inserted = MEETING.insertReturningKeys(jdbc, List.copyOf(meetings.values()), sourceFileId);
        long ingested = primaryMeetingKeys.stream().distinct().filter(inserted::contains).count();
        long duplicate = primaryMeetingKeys.size() - ingested;
        if (!unknownValues.isEmpty()) {
            jdbc.update("""
                    insert into unknown_value (source_file_id, field, rows)
                    select ?, u.field, u.rows from unnest(?::text[], ?::bigint[]) as u(field, rows)
                    on conflict (source_file_id, field) do update set rows = unknown_value.rows + excluded.rows""",
                    sourceFileId, unknownValues.keySet().toArray(String[]::new),
                    unknownValues.values().toArray(Long[]::new));
        }
        long rejected = 0;
        long denied = 0;
        for (Map.Entry<Class<?>, List<Lined<?>>> table : byTable.entrySet()) {
            List<Lined<?>> rows = table.getValue();
            if (table.getKey() == DeniedRow.class) {
                // an erased person's rows: counted, nothing of them stored (SubjectDenyList)
                denied += rows.size();
                continue;
            }
            if (table.getKey() == RejectedRow.class) {
                QUARANTINED_ROW.insert(jdbc, cast(rows), sourceFileId);
                rejected += rows.size();
                continue;
            }
            Written written = insertSortingOutRefusals(table.getKey(), rows);
            if (!written.refused().isEmpty()) {
                QUARANTINED_ROW.insert(jdbc, written.refused(), sourceFileId);
            }
            ingested += written.added();
            rejected += written.refused().size();
            duplicate += rows.size() - written.added() - written.refused().size();
        }
        Long rejectedSoFar = jdbc.queryForObject("""
                update source_file set rows_read = rows_read + ?, rows_ingested = rows_ingested + ?,
                    rows_rejected = rows_rejected + ?, rows_duplicate = rows_duplicate + ?, rows_denied = rows_denied + ?,
                    data_from = least(data_from, ?), data_to = greatest(data_to, ?), committed_through_line = ?
                where id = ? returning rows_rejected""", Long.class, fresh.size(), ingested, rejected, duplicate, denied,
                period == null ? null : Timestamp.from(period.from()), period == null ? null : Timestamp.from(period.to()),
                fresh.get(fresh.size() - 1).line(), sourceFileId);
        if (rejectedSoFar != null && rejectedSoFar > maxRejectedRows) {
            // Thrown inside the chunk's transaction: the chunk is rolled back, the file fails with this reason,
            // and the next file goes on.
            throw new IllegalStateException("more than " + maxRejectedRows + PAST_LIMIT
                    + ": the file looks broken or of another kind; replace it, or raise the limit and ingest it again"
                    + " to resume it");
        }
    }

    /** The limit a file's failure reason says it went past, if that is why it failed. */
    public static OptionalLong rejectedRowsLimitIn(String reason) {
        Matcher limit = PAST_LIMIT_REASON.matcher(reason == null ? "" : reason);
        return limit.find() ? OptionalLong.of(Long.parseLong(limit.group(1))) : OptionalLong.empty();
    }

    /** Rows a statement added, and those the database refused, as rows for the quarantine. */
    private record Written(int added, List<Lined<RejectedRow>> refused) {
    }

    /**
     * Inserts a table's rows as one set. When the database refuses the set because of one row's data (a value or
     * a constraint: SQLSTATE classes 22 and 23), the rows go in one by one, each in a savepoint, and the rows it
     * refuses are quarantined with their line and reason: the good rows of the chunk are written once, the bad
     * ones kept. Any other failure (the server lost, a disk full) fails the file, to be resumed.
     */
    private Written insertSortingOutRefusals(Class<?> type, List<Lined<?>> rows) {
        try {
            return new Written(inSavepoint(() -> insert(type, rows)), List.of());
        } catch (DataAccessException e) {
            refusalOfOneRow(e);
        }
        int added = 0;
        List<Lined<RejectedRow>> refused = new ArrayList<>();
        for (Lined<?> row : rows) {
            try {
                added += inSavepoint(() -> insert(type, List.of(row)));
            } catch (DataAccessException e) {
                String reason = refusalOfOneRow(e);
                refused.add(new Lined<>(row.line(), new RejectedRow(Sentence.of("ingest.reason.database-refused", reason),
                        Sanitiser.redact(String.valueOf(row.row())))));
            }
        }
        return new Written(added, refused);
    }

    private int inSavepoint(java.util.function.IntSupplier statement) {
        Integer added = savepoint.execute(status -> statement.getAsInt());
        return added == null ? 0 : added;
    }

    /** The database's one-line reason when it refused a row's data; rethrows any other failure. */
    private static String refusalOfOneRow(DataAccessException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                String message = sql.getMessage() == null ? sql.getSQLState() : sql.getMessage();
                return Sanitiser.redact(message.lines().findFirst().orElse(sql.getSQLState()).replaceFirst("^ERROR: ", ""));
            }
        }
        throw failure;
    }

    private int insert(Class<?> type, List<Lined<?>> rows) {
        if (type == ParticipantJoinRow.class) {
            return PARTICIPANT_JOIN.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == DashboardParticipantRow.class) {
            return DASHBOARD.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == RecordingRow.class) {
            return RECORDING.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == SignInRow.class) {
            return SIGN_IN.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == OperationLogRow.class) {
            return OPERATION_LOG.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == ZoomUserRow.class) {
            return ZOOM_USER.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == HostActivityRow.class) {
            return HOST_ACTIVITY.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == WebinarRegistrationRow.class) {
            return WEBINAR_REGISTRATION.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == HistoryMeetingRow.class) {
            return HISTORY_MEETING.insert(jdbc, cast(rows), sourceFileId);
        }
        if (type == DisclaimerRow.class) {
            return DISCLAIMER_RESPONSE.insert(jdbc, cast(rows), sourceFileId);
        }
        throw new IllegalStateException("no table for " + type.getSimpleName());
    }

    /** Adds or merges a meeting occurrence (one statement cannot update the same row twice); returns its key. */
    private static String merge(Map<String, Lined<MeetingRow>> meetings, Lined<MeetingRow> meeting) {
        MeetingRow row = meeting.row();
        String key = row.meetingId() + "@" + row.startTime();
        meetings.merge(key, meeting, (known, more) -> new Lined<>(known.line(), new MeetingRow(row.meetingId(),
                row.startTime(), first(known.row().endTime(), row.endTime()), first(known.row().topic(), row.topic()),
                first(known.row().hostName(), row.hostName()), first(known.row().hostEmail(), row.hostEmail()),
                first(known.row().durationMinutes(), row.durationMinutes()),
                first(known.row().participants(), row.participants()),
                first(known.row().meetingType(), row.meetingType()))));
        return key;
    }

    private static <V> V first(V known, V more) {
        return known != null ? known : more;
    }

    @SuppressWarnings("unchecked")
    private static <R> List<Lined<R>> cast(List<Lined<?>> rows) {
        return (List<Lined<R>>) (List<?>) rows;
    }
}
