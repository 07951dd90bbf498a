package org.zoomcompliance.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * An input a rule needs for a month, as named in the {@code -- inputs:} line of its SQL file: how to tell it is
 * there (a query over the month's session tables returning true or false); the bundles say it is missing.
 */
enum RuleInput {
    MEETINGS("select exists (select 1 from ev_occurrence)"),
    PARTICIPANTS("select exists (select 1 from ev_join)"),
    DASHBOARD("select exists (select 1 from ev_dash)"),
    RECORDINGS("select cast(:inventory_date as date) is not null"),
    USERS("select :users_loaded"),
    ACCOUNTS("select :users_loaded or :hosts_loaded"),
    CONSENT("select exists (select 1 from ev_join where recording_consent is not null)"),
    WAITING_ROOM("select exists (select 1 from ev_join where in_waiting_room is not null)"),
    HOSTS("select (exists (select 1 from ev_occurrence where host_email is not null)"
            + " or exists (select 1 from ev_recording where host_email is not null))"
            + " and (:domains <> '' or :users_loaded)"),
    TOPICS("select exists (select 1 from ev_occurrence where topic is not null)"),
    SIGNINS("select exists (select 1 from sign_in where event_time >= :month_start and event_time < :month_end)"),
    HISTORY("select exists (select 1 from ev_history)"),
    DISCLAIMERS("select exists (select 1 from ev_disclaimer)"),
    DATA_CENTRES("select exists (select 1 from ev_dash where nullif(btrim(data_centre), '') is not null)");

    private final String query;

    RuleInput(String query) {
        this.query = query;
    }

    String query() {
        return query;
    }

    /** The key of the sentence saying it is missing ({@code rule-input.*}, NotEvaluatedReasons). */
    String key() {
        return "rule-input." + name().toLowerCase(Locale.ROOT);
    }

    static RuleInput named(String name, String file) {
        return Arrays.stream(values())
                .filter(input -> input.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " names an unknown input '" + name.strip() + "'"));
    }
}
