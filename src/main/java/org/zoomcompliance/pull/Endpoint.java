package org.zoomcompliance.pull;

import org.zoomcompliance.pull.zoom.Category;

/**
 * The endpoints a pull calls, with Zoom's rate-limit category and the field holding each page's records
 * (Zoom's API reference; docs/exports.md says where the records' fields were checked). {@code {uuid}} is a meeting occurrence's UUID, encoded by {@code MeetingUuids}.
 */
enum Endpoint {
    /** Dashboard, past meetings of a day: the occurrences whose participants are pulled. */
    MEETINGS("/metrics/meetings", Category.RESOURCE_INTENSIVE, "meetings"),
    REPORT_PARTICIPANTS("/report/meetings/{uuid}/participants", Category.HEAVY, "participants"),
    DASHBOARD_PARTICIPANTS("/metrics/meetings/{uuid}/participants", Category.HEAVY, "participants"),
    ACTIVITIES("/report/activities", Category.HEAVY, "activity_logs"),
    OPERATION_LOGS("/report/operationlogs", Category.HEAVY, "operation_logs"),
    USERS("/users", Category.MEDIUM, "users"),
    GROUPS("/groups", Category.MEDIUM, "groups"),
    RECORDINGS("/accounts/me/recordings", Category.MEDIUM, "meetings"),
    /** The day's meetings with the features used in each ({@code feature_used}). */
    HISTORY_MEETINGS("/report/history_meetings", Category.HEAVY, "history_meetings"),
    /** The day's answers to meetings' notices (recording and others). */
    DISCLAIMERS("/report/disclaimer", Category.HEAVY, "disclaimer_records");

    private final String path;
    private final Category category;
    private final String records;

    Endpoint(String path, Category category, String records) {
        this.path = path;
        this.category = category;
        this.records = records;
    }

    String path() {
        return path;
    }

    String path(String encodedUuid) {
        return path.replace("{uuid}", encodedUuid);
    }

    Category category() {
        return category;
    }

    String records() {
        return records;
    }
}
