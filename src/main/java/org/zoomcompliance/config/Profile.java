package org.zoomcompliance.config;

/** The one profile every account has, chosen by purpose and mapped from Zoom user groups. */
public enum Profile {
    STUDENT, MEETING, TEACHING, RECRUITMENT
}
