package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.MigrationIntegrationTest;

/**
 * V14 on a database that holds rows of the old natural keys: every row stays, rows without an occurrence start
 * still meet their copies, and later occurrences and sessions that the old keys merged now go in.
 */
class OccurrenceKeysMigrationTest extends MigrationIntegrationTest {

    private static final String SCHEMA = "occurrence_keys_migration";

    OccurrenceKeysMigrationTest() {
        super(SCHEMA);
    }

    @Test
    void keepsTheRowsOfTheOldKeysAndTellsOccurrencesAndSessionsApartAfterwards() {
        // given a schema as it was before V14 (V11 the last migration before it), holding a unique-users row of
        // unknown occurrence (the old key let one such row stand for every occurrence), a join and a dashboard session
        migrateTo("11");
        jdbc.update("insert into " + SCHEMA + ".source_file (sha256, file_name, kind, status)"
                + " values (repeat('a', 64), 'f.csv', 'PARTICIPANTS', 'COMPLETED')");
        jdbc.update(join("null", "null"));
        jdbc.update(join("'2020-09-01T07:00:00Z'", "'2020-09-01T07:02:00Z'"));
        jdbc.update(dashboard("'2017-08-01T15:20:00Z'"));

        // when
        migrateTo("14");

        // then the rows stay; the same rows again add nothing, the join not even without its occurrence start;
        // the rows of the 09-01 and 09-03 occurrences and another session that started in the same minute go in
        assertThat(jdbc.queryForObject("select count(*) from " + SCHEMA + ".participant_join", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.update(join("null", "null") + " on conflict do nothing")).isZero();
        assertThat(jdbc.update(join("null", "'2020-09-01T07:02:00Z'") + " on conflict do nothing")).isZero();
        assertThat(jdbc.update(join("'2020-09-01T07:00:00Z'", "null") + " on conflict do nothing")).isOne();
        assertThat(jdbc.update(join("'2020-09-03T07:00:00Z'", "null") + " on conflict do nothing")).isOne();
        assertThat(jdbc.update(join("'2020-09-03T07:00:00Z'", "null") + " on conflict do nothing")).isZero();
        assertThat(jdbc.update(dashboard("'2017-08-01T15:20:00Z'") + " on conflict do nothing")).isZero();
        assertThat(jdbc.update(dashboard("'2017-08-01T14:58:00Z'") + " on conflict do nothing")).isOne();
    }


    private static String join(String meetingStart, String joinTime) {
        return "insert into " + SCHEMA + ".participant_join (meeting_id, meeting_start, name, email_pseudonym,"
                + " join_time, duration_minutes, source_file_id, line_number) select '92000000001', " + meetingStart
                + "::timestamptz, 'Student 01', 'p1', " + joinTime + "::timestamptz, 58, id, 5 from " + SCHEMA + ".source_file";
    }

    private static String dashboard(String leaveTime) {
        return "insert into " + SCHEMA + ".dashboard_participant (meeting_id, name, ip_pseudonym, join_time, leave_time,"
                + " source_file_id, line_number) select '000000000', 'Tal', 'p2', '2017-08-01T14:55:00Z', "
                + leaveTime + "::timestamptz, id, 6 from " + SCHEMA + ".source_file";
    }
}
