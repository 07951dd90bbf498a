package org.zoomcompliance.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.config.Profile;
import org.zoomcompliance.report.SheetWriter.Column;

/**
 * The recordings of the month: the cloud ones of the inventory its evaluation was judged on (age and overdue
 * days on the inventory's date), then the local ones (dashboard Recording = yes).
 */
final class RecordingsSheet implements Sheet {

    static final List<Column> COLUMNS = List.of(Column.fixed("report.header.meeting-id", 13),
            Column.wrapped("report.header.topic", 28), Column.wrapped("report.header.host", 24),
            Column.fixed("report.header.profile", 13), Column.fixed("report.header.storage", 8),
            Column.fixed("report.header.recorded", 17), Column.wrapped("report.header.age", 7),
            Column.wrapped("report.header.retention", 10), Column.wrapped("report.header.overdue", 9),
            Column.fixed("report.header.as-of", 11));

    private final SheetSql sql;
    private final Policy policy;
    private final Clock clock;

    RecordingsSheet(SheetSql sql, Policy policy, Clock clock) {
        this.sql = sql;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String nameKey() {
        return "report.sheet.recordings";
    }

    @Override
    public long write(Workbook workbook, SheetContext context) {
        SheetWriter sheet = context.table(workbook, this, COLUMNS);
        Period period = context.period();
        LocalDate inventory = period.inventoryDate();
        if (inventory != null) {
            String cloud = context.messages().get("report.recordings.cloud");
            sql.stream("cloud", period.parameters().addValue("inventory", inventory),
                    rs -> recording(sheet, rs, cloud, inventory, true, period.zone()));
        }
        // Local recordings are not inventoried: their age is judged at the month's end and "overdue" is left
        // empty, since nothing tells whether the file is still kept.
        LocalDate today = LocalDate.now(clock.withZone(period.zone()));
        LocalDate asOf = period.last().isBefore(today) ? period.last() : today;
        String local = context.messages().get("report.recordings.local");
        sql.stream("local", period.parameters(), rs -> recording(sheet, rs, local, asOf, false, period.zone()));
        sheet.finish();
        return sheet.rowsWritten();
    }

    private void recording(SheetWriter sheet, ResultSet rs, String storage, LocalDate asOf, boolean inventoried,
            ZoneId zone) throws SQLException {
        String profile = rs.getString(4);
        OffsetDateTime recorded = rs.getObject(5, OffsetDateTime.class);
        Long age = recorded == null ? null
                : ChronoUnit.DAYS.between(recorded.atZoneSameInstant(zone).toLocalDate(), asOf);
        Integer retention = retentionDays(profile);
        Long overdue = inventoried && age != null && retention != null ? Math.max(0, age - retention) : null;
        sheet.row(rs.getString(1), rs.getString(2), rs.getString(3), profile, storage, recorded, age, retention,
                overdue, asOf);
    }

    private Integer retentionDays(String profile) {
        if (profile == null) {
            return null;
        }
        try {
            Policy.ProfilePolicy settings = policy.profiles().get(Profile.valueOf(profile));
            return settings == null ? null : settings.recordingRetentionDays();
        } catch (IllegalArgumentException unknownProfile) {
            return null;
        }
    }
}
