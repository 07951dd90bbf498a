package org.zoomcompliance.cli;

/** The command line's exit codes, documented in the README. */
public final class ExitCodes {

    /** The job COMPLETED (or the command did what it was asked). */
    public static final int OK = 0;
    /** The job failed, stopped or was refused; the reason is on stderr. */
    public static final int FAILED = 1;
    /** The command line was wrong (picocli's own code). */
    public static final int USAGE = 2;
    /** The command exists but the capability behind it is not in this build yet. */
    public static final int NOT_AVAILABLE = 3;
    /** The configuration cannot be used: home folder, policy file or pseudonymisation key. */
    public static final int CONFIGURATION = 4;

    private ExitCodes() {
    }
}
