package org.zoomcompliance.ingest.read;

import java.util.Set;

/**
 * The canonical fields of Zoom exports: what {@code header-aliases.csv} maps header names to, what the blocks
 * require ({@link BlockType}) and what normalisation reads. Declared once here (docs/guide-export-kind.md); a field
 * the alias table names that is not declared here fails the build ({@code FieldTest}).
 */
public final class Field {

    public static final String MEETING_ID = "meeting_id";
    public static final String TOPIC = "topic";
    public static final String START_TIME = "start_time";
    public static final String END_TIME = "end_time";
    public static final String HOST_NAME = "host_name";
    public static final String HOST_EMAIL = "host_email";
    public static final String MEETING_DURATION = "meeting_duration";
    public static final String MEETING_DURATION_HMS = "meeting_duration_hms";
    public static final String PARTICIPANTS = "participants";
    public static final String MEETING_TYPE = "meeting_type";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String JOIN_TIME = "join_time";
    public static final String LEAVE_TIME = "leave_time";
    public static final String DURATION_MINUTES = "duration_minutes";
    public static final String TOTAL_DURATION_MINUTES = "total_duration_minutes";
    public static final String GUEST = "guest";
    public static final String RECORDING_CONSENT = "recording_consent";
    public static final String IN_WAITING_ROOM = "in_waiting_room";
    public static final String ROLE = "role";
    public static final String DEVICE = "device";
    public static final String IP_ADDRESS = "ip_address";
    public static final String LOCATION = "location";
    public static final String NETWORK_TYPE = "network_type";
    public static final String DATA_CENTRE = "data_centre";
    public static final String CONNECTION_TYPE = "connection_type";
    public static final String RECORDING = "recording";
    public static final String CLIENT_VERSION = "client_version";
    public static final String LEAVE_REASON = "leave_reason";
    public static final String FILE_SIZE_MB = "file_size_mb";
    public static final String FILE_SIZE_BYTES = "file_size_bytes";
    public static final String FILE_COUNT = "file_count";
    public static final String TOTAL_VIEWS = "total_views";
    public static final String TOTAL_DOWNLOADS = "total_downloads";
    public static final String LAST_ACCESSED = "last_accessed";
    public static final String AUTO_DELETE_DATE = "auto_delete_date";
    public static final String TIME = "time";
    public static final String EVENT_TYPE = "event_type";
    public static final String CLIENT_TYPE = "client_type";
    public static final String OPERATOR = "operator";
    public static final String CATEGORY_TYPE = "category_type";
    public static final String ACTION = "action";
    public static final String DETAIL = "detail";
    public static final String USER_TYPE = "user_type";
    public static final String DEPARTMENT = "department";
    public static final String GROUPS = "groups";
    public static final String LAST_LOGIN_TIME = "last_login_time";
    public static final String LAST_LOGIN_UTC = "last_login_utc";
    public static final String PMI = "pmi";
    public static final String USER_STATUS = "user_status";
    public static final String MEETINGS = "meetings";
    public static final String MEETING_MINUTES = "meeting_minutes";
    public static final String LAST_CLIENT_VERSION = "last_client_version";
    public static final String CREATE_TIME = "create_time";
    public static final String ATTENDED = "attended";
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String REGISTRATION_TIME = "registration_time";
    public static final String APPROVAL_STATUS = "approval_status";
    public static final String HAS_ZOOM_ROOMS = "has_zoom_rooms";
    public static final String TOTAL_PARTICIPANT_MINUTES = "total_participant_minutes";
    public static final String CREATION_TIME = "creation_time";
    public static final String SOURCE = "source";
    public static final String MICROPHONE = "microphone";
    public static final String SPEAKER = "speaker";
    public static final String CAMERA = "camera";
    /** Pulled only: the features the history meetings report's {@code feature_used} marks true, {@code ;} between. */
    public static final String FEATURES_USED = "features_used";
    /** Pulled only: the disclaimer report's notice type and the time of the answer. */
    public static final String DISCLAIMER_TYPE = "disclaimer_type";
    public static final String RESPONSE_TIME = "response_time";

    /** The fields normalisation reads into rows; a quarantined row keeps these, minimised, and nothing else. */
    public static final Set<String> READ = Set.of(MEETING_ID, TOPIC, START_TIME, END_TIME, HOST_NAME, HOST_EMAIL, MEETING_DURATION, MEETING_DURATION_HMS,
            PARTICIPANTS, MEETING_TYPE, NAME, EMAIL, JOIN_TIME, LEAVE_TIME, DURATION_MINUTES,
            TOTAL_DURATION_MINUTES, GUEST, RECORDING_CONSENT, IN_WAITING_ROOM, ROLE, DEVICE, IP_ADDRESS,
            LOCATION, NETWORK_TYPE, DATA_CENTRE, CONNECTION_TYPE, RECORDING, CLIENT_VERSION, LEAVE_REASON,
            FILE_SIZE_MB, FILE_SIZE_BYTES, FILE_COUNT, TOTAL_VIEWS, TOTAL_DOWNLOADS, LAST_ACCESSED,
            AUTO_DELETE_DATE, TIME, EVENT_TYPE, CLIENT_TYPE, OPERATOR, CATEGORY_TYPE, ACTION, DETAIL,
            USER_TYPE, DEPARTMENT, GROUPS, LAST_LOGIN_TIME, LAST_LOGIN_UTC, PMI, USER_STATUS, MEETINGS,
            MEETING_MINUTES, LAST_CLIENT_VERSION, CREATE_TIME, ATTENDED, FIRST_NAME, LAST_NAME,
            REGISTRATION_TIME, APPROVAL_STATUS, FEATURES_USED, DISCLAIMER_TYPE, RESPONSE_TIME);

    /**
     * Fields that only tell a block or layout apart, or that minimisation drops (the old dashboard's audio and
     * camera device names): matched, never stored, not kept in quarantine.
     */
    public static final Set<String> NOT_READ = Set.of(HAS_ZOOM_ROOMS, TOTAL_PARTICIPANT_MINUTES, CREATION_TIME, SOURCE, MICROPHONE, SPEAKER, CAMERA);

    private Field() {
    }
}
