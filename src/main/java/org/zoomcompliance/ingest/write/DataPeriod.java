package org.zoomcompliance.ingest.write;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.zoomcompliance.ingest.normalise.Rows.DashboardParticipantRow;
import org.zoomcompliance.ingest.normalise.Rows.DisclaimerRow;
import org.zoomcompliance.ingest.normalise.Rows.HistoryMeetingRow;
import org.zoomcompliance.ingest.normalise.Rows.HostActivityRow;
import org.zoomcompliance.ingest.normalise.Rows.MeetingRow;
import org.zoomcompliance.ingest.normalise.Rows.OperationLogRow;
import org.zoomcompliance.ingest.normalise.Rows.ParticipantJoinRow;
import org.zoomcompliance.ingest.normalise.Rows.RecordingRow;
import org.zoomcompliance.ingest.normalise.Rows.SignInRow;
import org.zoomcompliance.ingest.normalise.Rows.WebinarRegistrationRow;
import org.zoomcompliance.ingest.normalise.Rows.TableRow;
import org.zoomcompliance.ingest.normalise.Rows.ZoomUserRow;

/**
 * The period a file's data covers ({@code source_file.data_from}, {@code data_to}): from the earliest to the latest
 * moment its rows describe. A file belongs to every month its period touches (docs/months.md), whatever night it
 * arrived.
 */
public record DataPeriod(Instant from, Instant to) {

    /** The period of one moment. */
    public static DataPeriod at(Instant moment) {
        return new DataPeriod(moment, moment);
    }

    /** The period of one day, from its start in the institution's zone. */
    public static DataPeriod on(LocalDate day, ZoneId zone) {
        return at(day.atStartOfDay(zone).toInstant());
    }

    /**
     * The moment a row describes: a meeting's start, a join (or, without join times, its occurrence's start), an
     * event's time, the day of a snapshot or of an inventory; {@code null} for a row that describes none.
     */
    public static DataPeriod of(TableRow row, ZoneId zone) {
        Instant moment = null;
        LocalDate day = null;
        if (row instanceof MeetingRow meeting) {
            moment = meeting.startTime();
        } else if (row instanceof ParticipantJoinRow join) {
            moment = join.joinTime() != null ? join.joinTime() : join.meetingStart();
        } else if (row instanceof DashboardParticipantRow join) {
            moment = join.joinTime() != null ? join.joinTime() : join.meetingStart();
        } else if (row instanceof WebinarRegistrationRow registration) {
            moment = registration.webinarStart() != null ? registration.webinarStart() : registration.registrationTime();
        } else if (row instanceof HistoryMeetingRow history) {
            moment = history.startTime();
        } else if (row instanceof DisclaimerRow disclaimer) {
            moment = disclaimer.meetingStart() != null ? disclaimer.meetingStart() : disclaimer.responseTime();
        } else if (row instanceof SignInRow signIn) {
            moment = signIn.eventTime();
        } else if (row instanceof OperationLogRow operation) {
            moment = operation.eventTime();
        } else if (row instanceof RecordingRow recording) {
            day = recording.inventoryDate();
        } else if (row instanceof ZoomUserRow user) {
            day = user.snapshotDate();
        } else if (row instanceof HostActivityRow host) {
            day = host.snapshotDate();
        }
        if (moment != null) {
            return at(moment);
        }
        return day != null ? on(day, zone) : null;
    }

    /** This period widened to hold {@code other} too; {@code other} may be {@code null}. */
    public DataPeriod widen(DataPeriod other) {
        if (other == null) {
            return this;
        }
        return new DataPeriod(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
    }

    /** {@code a} widened by {@code b}, either of which may be {@code null}. */
    public static DataPeriod union(DataPeriod a, DataPeriod b) {
        return a == null ? b : a.widen(b);
    }
}
