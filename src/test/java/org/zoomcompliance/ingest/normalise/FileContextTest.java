package org.zoomcompliance.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileContextTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest
    @CsvSource({
            "zoomus_recordings__20261031.csv, 2026-10-31",
            "inactive_hosts_20261001_20261031.csv, 2026-10-31",
            "zoomus_recordings.csv, 2026-11-24",
            "zoomus_recordings__20261399.csv, 2026-11-24"})
    void takesTheInventoryDateFromTheFileNameElseTheIngestionDay(String name, LocalDate expected) {
        // when / then
        assertThat(FileContext.inventoryDate(name, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "participants_85218486288.csv, 85218486288",
            "participants_94758381.csv, -",
            "meetinglistdetails_20261001_20261015.csv, -"})
    void findsAMeetingIdInTheFileName(String name, String expected) {
        // when / then
        assertThat(FileContext.meetingIdIn(name)).isEqualTo(expected);
    }
}
