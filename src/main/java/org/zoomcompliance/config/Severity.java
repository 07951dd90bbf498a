package org.zoomcompliance.config;

/** Severity of a deviation, as reported to the DPO. */
public enum Severity {
    HIGH, MEDIUM, LOW
}
