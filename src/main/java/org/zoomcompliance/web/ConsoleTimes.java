package org.zoomcompliance.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.zoomcompliance.config.Policy;

/**
 * Every time the console shows, in one zone, the institution's ({@code institution.timezone}), which every page
 * names once: the exports, the workbook and the schedule use it too (docs/months.md). Spring Batch keeps its
 * times as local times of the server's own zone; they are converted here, never shown as stored.
 */
@Component
@ConditionalOnWebApplication
public class ConsoleTimes {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final ZoneId server;

    @Autowired
    ConsoleTimes(Policy policy) {
        this(policy.zone(), ZoneId.systemDefault());
    }

    ConsoleTimes(ZoneId zone, ZoneId server) {
        this.zone = zone;
        this.server = server;
    }

    /** The zone every time is shown in, as labelled on the pages. */
    public String zone() {
        return zone.getId();
    }

    /** A time Spring Batch recorded (the server's local time), to the second; empty for none. */
    public String format(LocalDateTime serverTime) {
        return serverTime == null ? "" : SECONDS.format(serverTime.atZone(server).withZoneSameInstant(zone));
    }

    /** A time stored with its offset, to the second; empty for none. */
    public String format(OffsetDateTime time) {
        return time == null ? "" : SECONDS.format(time.atZoneSameInstant(zone));
    }

    public String format(Instant time) {
        return time == null ? "" : SECONDS.format(time.atZone(zone));
    }

    /** A time stored with its offset, to the minute (deviations, workbooks); empty for none. */
    public String minutes(OffsetDateTime time) {
        return time == null ? "" : MINUTES.format(time.atZoneSameInstant(zone));
    }

    /** A Spring Batch time as an instant, for comparisons. */
    Instant instant(LocalDateTime serverTime) {
        return serverTime == null ? null : serverTime.atZone(server).toInstant();
    }
}
