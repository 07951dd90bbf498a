package org.zoomcompliance.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * An input a rule needs for a month, as named in the {@code -- inputs:} line of its SQL file: how to tell it is
 * there (a query over the month's session tables returning true or false) and how to say it is missing.
 */
enum RuleInput {
    MEETINGS("select exists (select 1 from ev_occurrence)",
            "no export names a meeting of the month"),
    PARTICIPANTS("select exists (select 1 from ev_join)",
            "no participants or meeting details export covers a meeting of the month"),
    DASHBOARD("select exists (select 1 from ev_dash)",
            "no dashboard participants export covers a meeting of the month"),
    RECORDINGS("select cast(:inventory_date as date) is not null",
            "no recordings export dated within the month was ingested"),
    USERS("select :users_loaded",
            "no users export was ingested"),
    ACCOUNTS("select :users_loaded or :hosts_loaded",
            "neither a users export nor an active/inactive hosts report was ingested"),
    CONSENT("select exists (select 1 from ev_join where recording_consent is not null)",
            "no participants export of the month has the recording consent (disclaimer) column"),
    WAITING_ROOM("select exists (select 1 from ev_join where in_waiting_room is not null)",
            "no participants export of the month has the waiting room column"),
    HOSTS("select (exists (select 1 from ev_occurrence where host_email is not null)"
            + " or exists (select 1 from ev_recording where host_email is not null))"
            + " and (:domains <> '' or :users_loaded)",
            "no export of the month names a host by e-mail, or there is nothing to judge hosts against"
                    + " (neither institution.email-domains nor a users export)"),
    TOPICS("select exists (select 1 from ev_occurrence where topic is not null)",
            "no export of the month gives a meeting topic"),
    SIGNINS("select exists (select 1 from sign_in where event_time >= :month_start and event_time < :month_end)",
            "no sign-in / sign-out export covers the month"),
    HISTORY("select exists (select 1 from ev_history)",
            "no history meetings report of the month was pulled"),
    DISCLAIMERS("select exists (select 1 from ev_disclaimer)",
            "no disclaimer report of the month was pulled"),
    DATA_CENTRES("select exists (select 1 from ev_dash where nullif(btrim(data_centre), '') is not null)",
            "no dashboard participants export of the month gives data centres");

    private final String query;
    private final String missing;

    RuleInput(String query, String missing) {
        this.query = query;
        this.missing = missing;
    }

    String query() {
        return query;
    }

    String missing() {
        return missing;
    }

    static RuleInput named(String name, String file) {
        return Arrays.stream(values())
                .filter(input -> input.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " names an unknown input '" + name.strip() + "'"));
    }
}
