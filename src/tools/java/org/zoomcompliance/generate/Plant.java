package org.zoomcompliance.generate;

import java.util.List;

/**
 * A deviation the generator plants on purpose, with the rule codes it must raise: the manifest the evaluation
 * is checked against. Room-level plants (PMI, reused room) span several sessions on different days.
 */
enum Plant {
    CLOUD_RECORDING(1, false, "RECORDING_CLOUD"),
    STUDENT_CLOUD_RECORDING(1, false, "RECORDING_CLOUD", "RECORDING_NOT_ALLOWED_FOR_PROFILE"),
    STUDENT_LOCAL_RECORDING(1, true, "RECORDING_NOT_ALLOWED_FOR_PROFILE"),
    NON_HOST_RECORDING(1, true, "RECORDING_BY_NON_HOST"),
    CONSENT_MISSING(1, true, "RECORDING_CONSENT_MISSING"),
    OUTDATED_CLIENT(1, true, "CLIENT_OUTDATED"),
    DATA_CENTRE_OUTSIDE_EU(1, true, "TRANSFER_OUTSIDE_EU"),
    SENSITIVE_TOPIC(1, false, "SENSITIVE_TOPIC"),
    UNIDENTIFIED_NAME(1, false, "PARTICIPANT_UNIDENTIFIED"),
    GUEST_BURST(1, false, "INTRUSION_SUSPECTED", "PARTICIPANT_UNIDENTIFIED"),
    HOST_OUTSIDE_DOMAIN(1, false, "HOST_OUTSIDE_CONTRACT"),
    PMI_USE(3, false, "MEETING_ON_PMI"),
    ROOM_REUSED(5, false, "MEETING_ROOM_REUSED"),
    /** The control: a room reused as often, but with a waiting room, raises nothing. */
    ROOM_REUSED_WITH_WAITING_ROOM(5, false);

    private final int sessions;
    private final boolean dashboard;
    private final List<String> rules;

    Plant(int sessions, boolean dashboard, String... rules) {
        this.sessions = sessions;
        this.dashboard = dashboard;
        this.rules = List.of(rules);
    }

    int sessions() {
        return sessions;
    }

    /** Whether the deviation is only visible in a dashboard participants export. */
    boolean dashboard() {
        return dashboard;
    }

    List<String> rules() {
        return rules;
    }

    /** Whether the subject is the meeting ID (a room) rather than one occurrence. */
    boolean room() {
        return sessions > 1;
    }
}
