package org.zoomcompliance.policy;

/** Severity of a deviation, as reported to the DPO. */
public enum Severity {
    HIGH, MEDIUM, LOW
}
