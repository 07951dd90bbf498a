package org.zoomcompliance.ingest.normalise;

import static org.zoomcompliance.ingest.read.Field.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.zoomcompliance.ingest.normalise.Rows.DashboardParticipantRow;
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
import org.zoomcompliance.ingest.normalise.ValueReadings.Answer;
import org.zoomcompliance.ingest.normalise.ValueReadings.Feature;
import org.zoomcompliance.ingest.normalise.ValueReadings.YesNo;
import org.zoomcompliance.ingest.read.BlockType;
import org.zoomcompliance.ingest.read.DateShapes;
import org.zoomcompliance.ingest.read.RawRow;
import org.zoomcompliance.ingest.read.RejectedValueException;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.pseudonymisation.IpPseudonym;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * Turns a raw row into the pipeline's row: typed values, times resolved in the institution's zone, names split,
 * and minimised at the door: addresses and participant e-mails pseudonymised, phone-number names pseudonymised,
 * every free-text value sanitised ({@link Sanitiser}), the city of a location dropped, device identifiers (PC name,
 * MAC, disk ID, domain) never read. A row that cannot be read becomes a rejected row whose reason names the field,
 * never its content, and whose content keeps no more than ingest would ({@link QuarantinedContent}). One per file; used by
 * one thread at a time (the ingest's read-ahead).
 */
public final class RowNormaliser {

    private static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1024L * 1024L);
    /** The meeting type of a webinar report's occurrence (the 2024+ details exports write it so too). */
    private static final String WEBINAR = "Webinar";

    private final FileContext file;
    private final DateShapes shapes;
    private final Pseudonymiser pseudonymiser;
    private final Sanitiser sanitiser;
    private final QuarantinedContent quarantined;
    private final SubjectDenyList denyList;
    private RawRow cachedMeetingRaw;
    private Meeting cachedMeeting;
    private Sentence cachedMeetingError;
    /** The fields of the row being normalised whose value no value table knows. */
    private final List<String> unknownValues = new ArrayList<>();

    private record Meeting(MeetingRow row, LocalDateTime localStart) {
    }

    public RowNormaliser(FileContext file, DateShapes shapes, Pseudonymiser pseudonymiser) {
        this(file, shapes, pseudonymiser, SubjectDenyList.empty());
    }

    public RowNormaliser(FileContext file, DateShapes shapes, Pseudonymiser pseudonymiser, SubjectDenyList denyList) {
        this.denyList = denyList;
        this.file = file;
        this.shapes = shapes;
        this.pseudonymiser = pseudonymiser;
        this.sanitiser = new Sanitiser(pseudonymiser);
        this.quarantined = new QuarantinedContent(pseudonymiser, sanitiser, file.pseudonymiseEmails());
    }

    public NormalisedRow normalise(RawRow raw) {
        if (raw.isRejected()) {
            return rejected(raw, raw.error());
        }
        unknownValues.clear();
        NormalisedRow row = denyList.isEmpty() ? read(raw) : screened(raw, read(raw));
        return unknownValues.isEmpty() || row.row() instanceof RejectedRow ? row
                : new NormalisedRow(row.line(), row.row(), row.meeting(), List.copyOf(unknownValues));
    }

    private NormalisedRow read(RawRow raw) {
        try {
            return switch (raw.header().type()) {
                case PARTICIPANTS_MEETING, DASHBOARD_MEETING, USAGE_MEETINGS, WEBINAR_MEETING ->
                        new NormalisedRow(raw.line(), meeting(raw).row(), null);
                case MEETING_DETAILS, ATTENDEE_LOG -> {
                    Meeting meeting = meeting(raw);
                    yield new NormalisedRow(raw.line(), participant(raw, meeting), meeting.row());
                }
                case PARTICIPANTS -> {
                    Meeting meeting = meetingOf(raw);
                    ParticipantJoinRow participant = participant(raw, meeting);
                    yield new NormalisedRow(raw.line(), participant, hostEmailOf(raw, meeting, participant));
                }
                case DASHBOARD_PARTICIPANTS -> new NormalisedRow(raw.line(), dashboard(raw, meetingOf(raw)), null);
                case RECORDINGS -> new NormalisedRow(raw.line(), recording(raw), null);
                case SIGN_IN -> new NormalisedRow(raw.line(), signIn(raw), null);
                case OPERATION_LOG -> new NormalisedRow(raw.line(), operationLog(raw), null);
                case USERS -> new NormalisedRow(raw.line(), user(raw), null);
                case HOST_ACTIVITY -> new NormalisedRow(raw.line(), hostActivity(raw), null);
                case WEBINAR_ATTENDEES -> webinarAttendee(raw, meetingOf(raw));
                case WEBINAR_REGISTRATIONS -> new NormalisedRow(raw.line(), registration(raw, meetingOf(raw), null), null);
                case HISTORY_MEETINGS -> {
                    Meeting meeting = meeting(raw);
                    yield new NormalisedRow(raw.line(), history(raw, meeting), meeting.row());
                }
                case DISCLAIMERS -> new NormalisedRow(raw.line(), disclaimer(raw), null);
            };
        } catch (IllegalArgumentException e) {
            return rejected(raw, RejectedValueException.reasonOf(e));
        }
    }

    /** Erased people's rows dropped, the meetings they hosted kept with the marker (data-subject erasure). */
    private NormalisedRow screened(RawRow raw, NormalisedRow row) {
        boolean person = row.row() instanceof ParticipantJoinRow || row.row() instanceof DashboardParticipantRow
                || row.row() instanceof SignInRow || row.row() instanceof ZoomUserRow
                || row.row() instanceof HostActivityRow || row.row() instanceof DisclaimerRow;
        if (person && denyList.denies(raw)) {
            return new NormalisedRow(row.line(), new Rows.DeniedRow(), denyList.screen(row.meeting()));
        }
        return new NormalisedRow(row.line(), denyList.screen(row.row()), denyList.screen(row.meeting()),
                row.unknownValues());
    }

    private NormalisedRow rejected(RawRow raw, Sentence reason) {
        return new NormalisedRow(raw.line(), new RejectedRow(reason.sanitised(sanitiser::sanitise), quarantined.of(raw)), null);
    }

    private Meeting meetingOf(RawRow raw) {
        if (raw.meeting() == null) {
            return null;
        }
        if (raw.meeting() != cachedMeetingRaw) {
            cachedMeetingRaw = raw.meeting();
            cachedMeetingError = null;
            try {
                cachedMeeting = meeting(raw.meeting());
            } catch (IllegalArgumentException e) {
                cachedMeeting = null;
                cachedMeetingError = RejectedValueException.reasonOf(e);
            }
        }
        return cachedMeeting;
    }

    private Meeting meeting(RawRow raw) {
        String meetingId = Values.digits(raw.value(MEETING_ID));
        if (meetingId == null) {
            throw new RejectedValueException("ingest.reason.no-meeting-id");
        }
        DateShapes.Moment start = moment(START_TIME, raw.value(START_TIME));
        if (start == null || start.timeOnly()) {
            throw new RejectedValueException("ingest.reason.no-meeting-start");
        }
        Integer duration = raw.header().has(MEETING_DURATION_HMS)
                ? Values.minutesOfClock(MEETING_DURATION_HMS, raw.value(MEETING_DURATION_HMS))
                : Values.whole(MEETING_DURATION, raw.value(MEETING_DURATION));
        LocalDateTime localStart = LocalDateTime.of(start.date(), start.time() == null ? LocalTime.MIDNIGHT : start.time());
        Values.Host host = Values.host(raw.value(HOST_NAME), raw.value(HOST_EMAIL));
        MeetingRow row = new MeetingRow(meetingId, start.instant(file.zone()), meetingEnd(raw.value(END_TIME), localStart),
                text(raw, TOPIC), sanitiser.text(host.name()), host.email(), duration,
                Values.whole(PARTICIPANTS, raw.value(PARTICIPANTS)),
                raw.header().type() == BlockType.WEBINAR_MEETING && raw.value(MEETING_TYPE) == null ? WEBINAR
                        : text(raw, MEETING_TYPE));
        return new Meeting(row, localStart);
    }

    /**
     * A meeting's end. The old dashboard writes the end as a time only ({@code 05:59 PM}): it is the start's day,
     * or the next one when it is earlier than the start (the meeting crossed midnight).
     */
    private Instant meetingEnd(String value, LocalDateTime localStart) {
        DateShapes.Moment moment = moment(END_TIME, value);
        if (moment == null) {
            return null;
        }
        if (!moment.timeOnly()) {
            return moment.instant(file.zone());
        }
        LocalDateTime end = LocalDateTime.of(localStart.toLocalDate(), moment.time());
        if (end.isBefore(localStart)) {
            end = end.plusDays(1);
        }
        return moment.offset() != null ? end.toInstant(moment.offset()) : end.atZone(file.zone()).toInstant();
    }

    private String meetingIdOf(RawRow raw, Meeting meeting) {
        String own = Values.digits(raw.value(MEETING_ID));
        if (own != null) {
            return own;
        }
        if (meeting != null) {
            return meeting.row().meetingId();
        }
        if (file.fileMeetingId() != null) {
            return file.fileMeetingId();
        }
        if (raw.meeting() != null && cachedMeetingError != null) {
            throw new RejectedValueException("ingest.reason.no-meeting-id-meeting-unread", cachedMeetingError);
        }
        throw new RejectedValueException("ingest.reason.no-meeting-id-block");
    }

    private ParticipantJoinRow participant(RawRow raw, Meeting meeting) {
        String meetingId = meetingIdOf(raw, meeting);
        DisplayName shown = displayName(raw);
        PersonName person = shown.person();
        Integer duration = raw.header().has(DURATION_MINUTES)
                ? Values.whole(DURATION_MINUTES, raw.value(DURATION_MINUTES))
                : Values.whole(TOTAL_DURATION_MINUTES, raw.value(TOTAL_DURATION_MINUTES));
        Boolean waiting = yesNo(raw, IN_WAITING_ROOM);
        Answer answer = answer(raw, Boolean.TRUE.equals(waiting));
        String role = raw.header().section() != null ? raw.header().section() : roleOf(person, raw.value(EMAIL), meeting);
        return new ParticipantJoinRow(meetingId, meeting == null ? null : meeting.row().startTime(), shown.name(),
                shown.originalName(), role, participantEmail(raw.value(EMAIL)),
                shown.phone(),
                instant(JOIN_TIME, raw.value(JOIN_TIME)), instant(LEAVE_TIME, raw.value(LEAVE_TIME)), duration,
                yesNo(raw, GUEST), answer == null ? null : consent(answer), answer == null ? null : answer.name(),
                waiting, pseudonymiser.keyVersion());
    }

    /** A yes/no field: null when absent, empty or not applicable, and when no value table knows it (counted). */
    private Boolean yesNo(RawRow raw, String field) {
        String value = raw.value(field);
        if (value == null) {
            return null;
        }
        YesNo reading = ValueReadings.yesNo(value);
        if (reading == null) {
            unknownValues.add(field);
            return null;
        }
        return reading == YesNo.NONE ? null : reading == YesNo.YES;
    }

    /**
     * The answer to the recording notice, when the export has the column (an empty cell is no answer). Someone in
     * the waiting room cannot answer the notice: no answer, unless the cell says they acknowledged or refused.
     */
    private Answer answer(RawRow raw, boolean inWaitingRoom) {
        if (!raw.header().has(RECORDING_CONSENT)) {
            return null;
        }
        String value = raw.value(RECORDING_CONSENT);
        Answer answer = ValueReadings.answer(value == null ? "" : value);
        if (inWaitingRoom && answer != Answer.ACKNOWLEDGED && answer != Answer.REFUSED) {
            return Answer.NO_ANSWER;
        }
        if (answer == Answer.UNKNOWN) {
            unknownValues.add(RECORDING_CONSENT);
        }
        return answer;
    }

    /** The notice acknowledged: true; refused or not answered: false; an unknown value: null. */
    private static Boolean consent(Answer answer) {
        return switch (answer) {
            case ACKNOWLEDGED -> true;
            case REFUSED, NO_ANSWER -> false;
            case UNKNOWN -> null;
        };
    }

    /**
     * The participant's role: its tag, else HOST when its e-mail is the meeting's host's (older exports tag no one,
     * and only here, before the e-mail is pseudonymised, can the two be compared).
     */
    private static String roleOf(PersonName person, String email, Meeting meeting) {
        if (person.role() != null || email == null || meeting == null || meeting.row().hostEmail() == null) {
            return person.role();
        }
        return email.strip().equalsIgnoreCase(meeting.row().hostEmail().strip()) ? "HOST" : null;
    }

    /** A participant's display name as stored: a phone number (a dial-in) replaced by its pseudonym. */
    private record DisplayName(PersonName person, String name, String originalName, boolean phone) {
    }

    private DisplayName displayName(RawRow raw) {
        String rawName = raw.value(NAME) != null ? raw.value(NAME) : registeredName(raw);
        if (rawName == null) {
            throw new RejectedValueException("ingest.reason.empty-participant-name");
        }
        PersonName person = PersonName.parse(rawName);
        boolean phone = Values.isPhoneNumber(person.name());
        String original = person.originalName();
        return new DisplayName(person, phone ? pseudonymiser.phoneNumber(person.name()) : sanitiser.text(person.name()),
                original != null && Values.isPhoneNumber(original) ? pseudonymiser.phoneNumber(original)
                        : sanitiser.text(original),
                phone);
    }

    /**
     * The meeting with its host's e-mail, when its block names the host without one (2024+ layout) and this row is
     * the host's: hosts stay in clear, so the DPO can reach them and the rules know their profile. Null otherwise.
     */
    private static MeetingRow hostEmailOf(RawRow raw, Meeting meeting, ParticipantJoinRow participant) {
        String email = raw.value(EMAIL);
        if (meeting == null || meeting.row().hostEmail() != null || !"HOST".equals(participant.role())
                || email == null || email.isBlank()) {
            return null;
        }
        MeetingRow row = meeting.row();
        return new MeetingRow(row.meetingId(), row.startTime(), row.endTime(), row.topic(), row.hostName(),
                email.strip().toLowerCase(Locale.ROOT), row.durationMinutes(), row.participants(), row.meetingType());
    }

    /**
     * A row of a webinar attendee report's section: someone who attended is a participant join of the webinar's
     * occurrence (the section's role: HOST, PANELIST, or none for attendees); a registrant who did not ({@code No},
     * {@code --} for times) is a registration.
     */
    private NormalisedRow webinarAttendee(RawRow raw, Meeting meeting) {
        Boolean attended = yesNo(raw, ATTENDED);
        if (Boolean.FALSE.equals(attended)) {
            return new NormalisedRow(raw.line(), registration(raw, meeting, false), null);
        }
        return new NormalisedRow(raw.line(), participant(raw, meeting), null);
    }

    private WebinarRegistrationRow registration(RawRow raw, Meeting meeting, Boolean attended) {
        String webinarId = meetingIdOf(raw, meeting);
        String name = raw.value(NAME) != null ? PersonName.parse(raw.value(NAME)).name() : registeredName(raw);
        String status = text(raw, APPROVAL_STATUS);
        return new WebinarRegistrationRow(webinarId, meeting == null ? null : meeting.row().startTime(),
                sanitiser.text(name), participantEmail(raw.value(EMAIL)),
                instant(REGISTRATION_TIME, raw.value(REGISTRATION_TIME)), status == null ? null : code(status),
                attended, pseudonymiser.keyVersion());
    }

    /** First and last name as registered, or null when neither is given. */
    private static String registeredName(RawRow raw) {
        String first = raw.value(FIRST_NAME);
        String last = raw.value(LAST_NAME);
        if (first == null && last == null) {
            return null;
        }
        return first == null ? last : last == null ? first : first + " " + last;
    }

    /**
     * A history meetings record: its features as written (sanitised), and whether one of them is a cloud recording,
     * a local recording or the waiting room ({@code value-readings.csv}, feature table).
     */
    private HistoryMeetingRow history(RawRow raw, Meeting meeting) {
        String written = raw.value(FEATURES_USED);
        List<String> features = written == null ? List.of() : Arrays.stream(written.split(";")).map(String::strip)
                .filter(f -> !f.isEmpty()).map(sanitiser::text).toList();
        List<Feature> read = features.stream().map(ValueReadings::feature).toList();
        MeetingRow row = meeting.row();
        return new HistoryMeetingRow(row.meetingId(), row.startTime(), row.endTime(), row.hostEmail(), features,
                read.contains(Feature.CLOUD_RECORDING), read.contains(Feature.LOCAL_RECORDING),
                read.contains(Feature.WAITING_ROOM));
    }

    /**
     * A disclaimer report record: the person (e-mail pseudonymised, name sanitised, a phone number pseudonymised),
     * the notice coded, the answer read as the participants report's disclaimer column is.
     */
    private DisclaimerRow disclaimer(RawRow raw) {
        String meetingId = Values.digits(raw.value(MEETING_ID));
        if (meetingId == null) {
            throw new RejectedValueException("ingest.reason.no-meeting-id");
        }
        String name = null;
        if (raw.value(NAME) != null) {
            String shown = PersonName.parse(raw.value(NAME)).name();
            name = Values.isPhoneNumber(shown) ? pseudonymiser.phoneNumber(shown) : sanitiser.text(shown);
        }
        String notice = text(raw, DISCLAIMER_TYPE);
        Answer answer = answer(raw, false);
        return new DisclaimerRow(meetingId, instant(START_TIME, raw.value(START_TIME)), name,
                participantEmail(raw.value(EMAIL)), notice == null ? null : code(notice), answer.name(),
                consent(answer), instant(RESPONSE_TIME, raw.value(RESPONSE_TIME)), pseudonymiser.keyVersion());
    }

    private DashboardParticipantRow dashboard(RawRow raw, Meeting meeting) {
        String meetingId = meetingIdOf(raw, meeting);
        DisplayName shown = displayName(raw);
        PersonName person = shown.person();
        String name = shown.name();
        String role = raw.value(ROLE) != null ? role(text(raw, ROLE)) : person.role();
        IpPseudonym ip = pseudonymiser.address(raw.value(IP_ADDRESS));
        LocalDateTime join = dashboardTime(JOIN_TIME, raw.value(JOIN_TIME), meeting, null);
        LocalDateTime leave = dashboardTime(LEAVE_TIME, raw.value(LEAVE_TIME), meeting, join);
        return new DashboardParticipantRow(meetingId, meeting == null ? null : meeting.row().startTime(), name,
                participantEmail(raw.value(EMAIL)), role, text(raw, DEVICE),
                ip == null ? null : ip.address(), ip == null ? null : ip.network(), ip == null ? null : ip.valid(),
                pseudonymiser.keyVersion(), sanitiser.text(Values.country(raw.value(LOCATION))),
                text(raw, NETWORK_TYPE), text(raw, DATA_CENTRE), text(raw, CONNECTION_TYPE),
                join == null ? null : join.atZone(file.zone()).toInstant(),
                leave == null ? null : leave.atZone(file.zone()).toInstant(),
                yesNo(raw, RECORDING), sanitiser.version(raw.value(CLIENT_VERSION)),
                text(raw, LEAVE_REASON));
    }

    /**
     * A dashboard time, local. The old layout gives times only: they are dated by the meeting line, a time long
     * before the meeting's start is the next day, and a leave earlier than its join crosses midnight.
     */
    private LocalDateTime dashboardTime(String field, String value, Meeting meeting, LocalDateTime join) {
        DateShapes.Moment moment = moment(field, value);
        if (moment == null) {
            return null;
        }
        if (moment.offset() != null) {
            return LocalDateTime.ofInstant(moment.instant(file.zone()), file.zone());
        }
        if (!moment.timeOnly()) {
            return LocalDateTime.of(moment.date(), moment.time());
        }
        if (meeting == null) {
            throw new RejectedValueException("ingest.reason.time-without-date-or-meeting", field);
        }
        LocalDateTime time = LocalDateTime.of(meeting.localStart().toLocalDate(), moment.time());
        if (time.isBefore(meeting.localStart().minusHours(12))) {
            time = time.plusDays(1);
        }
        if (join != null && time.isBefore(join)) {
            time = time.plusDays(1);
        }
        return time;
    }

    private RecordingRow recording(RawRow raw) {
        String meetingId = Values.digits(raw.value(MEETING_ID));
        if (meetingId == null) {
            throw new RejectedValueException("ingest.reason.no-meeting-id");
        }
        BigDecimal size = Values.decimal(FILE_SIZE_MB, raw.value(FILE_SIZE_MB));
        if (size == null && raw.value(FILE_SIZE_BYTES) != null) {
            size = Values.decimal(FILE_SIZE_BYTES, raw.value(FILE_SIZE_BYTES))
                    .divide(BYTES_PER_MB, 4, RoundingMode.HALF_UP);
        }
        return new RecordingRow(file.inventoryDate(), meetingId, text(raw, TOPIC), raw.value(HOST_EMAIL),
                instant(START_TIME, raw.value(START_TIME)), size, Values.whole(FILE_COUNT, raw.value(FILE_COUNT)),
                Values.whole(TOTAL_VIEWS, raw.value(TOTAL_VIEWS)),
                Values.whole(TOTAL_DOWNLOADS, raw.value(TOTAL_DOWNLOADS)),
                instant(LAST_ACCESSED, raw.value(LAST_ACCESSED)), date(AUTO_DELETE_DATE, raw.value(AUTO_DELETE_DATE)));
    }

    private SignInRow signIn(RawRow raw) {
        Instant time = required(TIME, instant(TIME, raw.value(TIME)));
        String email = required(EMAIL, raw.value(EMAIL));
        IpPseudonym ip = pseudonymiser.address(raw.value(IP_ADDRESS));
        String type = text(raw, EVENT_TYPE);
        return new SignInRow(time, email, type == null ? null : code(type), ip == null ? null : ip.address(),
                ip == null ? null : ip.network(), ip == null ? null : ip.valid(), pseudonymiser.keyVersion(),
                text(raw, CLIENT_TYPE), sanitiser.version(raw.value(CLIENT_VERSION)));
    }

    private OperationLogRow operationLog(RawRow raw) {
        return new OperationLogRow(required(TIME, instant(TIME, raw.value(TIME))), text(raw, OPERATOR),
                text(raw, CATEGORY_TYPE), text(raw, ACTION), text(raw, DETAIL));
    }

    private ZoomUserRow user(RawRow raw) {
        String groups = text(raw, GROUPS);
        List<String> list = groups == null ? List.of()
                : Arrays.stream(groups.split("[;,]")).map(String::strip).filter(g -> !g.isEmpty()).toList();
        // the 2020 layout's Last Login(UTC) is in UTC, whatever zone the export's other times are in
        Instant lastLogin = raw.header().has(LAST_LOGIN_UTC)
                ? instantIn(LAST_LOGIN_UTC, raw.value(LAST_LOGIN_UTC), ZoneOffset.UTC)
                : instant(LAST_LOGIN_TIME, raw.value(LAST_LOGIN_TIME));
        return new ZoomUserRow(file.inventoryDate(), required(EMAIL, raw.value(EMAIL)), text(raw, USER_TYPE),
                text(raw, DEPARTMENT), list, lastLogin, Values.digits(raw.value(PMI)), text(raw, USER_STATUS),
                text(raw, ROLE), sanitiser.version(raw.value(LAST_CLIENT_VERSION)));
    }

    private HostActivityRow hostActivity(RawRow raw) {
        return new HostActivityRow(file.inventoryDate(), required(EMAIL, raw.value(EMAIL)), text(raw, USER_TYPE),
                text(raw, DEPARTMENT), Values.whole(MEETINGS, raw.value(MEETINGS)),
                Values.whole(PARTICIPANTS, raw.value(PARTICIPANTS)),
                Values.whole(MEETING_MINUTES, raw.value(MEETING_MINUTES)),
                sanitiser.version(raw.value(LAST_CLIENT_VERSION)),
                instant(LAST_LOGIN_TIME, raw.value(LAST_LOGIN_TIME)), instant(CREATE_TIME, raw.value(CREATE_TIME)));
    }

    /** A free-text field, sanitised at the door (addresses pseudonymised). */
    private String text(RawRow raw, String field) {
        return sanitiser.text(raw.value(field));
    }

    private String participantEmail(String email) {
        if (email == null) {
            return null;
        }
        return file.pseudonymiseEmails() ? pseudonymiser.email(email) : email.strip().toLowerCase(Locale.ROOT);
    }

    private DateShapes.Moment moment(String field, String value) {
        if (Values.notApplicable(value)) {
            return null;
        }
        try {
            return shapes.parse(value, file.order());
        } catch (IllegalArgumentException e) {
            throw new RejectedValueException("ingest.reason.unparseable-date", field, RejectedValueException.reasonOf(e));
        }
    }

    private Instant instant(String field, String value) {
        return instantIn(field, value, file.zone());
    }

    private Instant instantIn(String field, String value, ZoneId zone) {
        DateShapes.Moment moment = moment(field, value);
        if (moment == null) {
            return null;
        }
        if (moment.timeOnly()) {
            throw new RejectedValueException("ingest.reason.time-without-date", field);
        }
        return moment.instant(zone);
    }

    private LocalDate date(String field, String value) {
        DateShapes.Moment moment = moment(field, value);
        if (moment == null) {
            return null;
        }
        if (moment.timeOnly()) {
            throw new RejectedValueException("ingest.reason.time-without-date", field);
        }
        return moment.date();
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new RejectedValueException("ingest.reason.empty-field", field);
        }
        return value;
    }

    private static String role(String value) {
        PersonName tagged = PersonName.parse("x (" + value + ")");
        return tagged.role() != null ? tagged.role() : code(value);
    }

    /** {@code Sign in} as {@code SIGN_IN}. */
    private static String code(String value) {
        return value.strip().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }
}
