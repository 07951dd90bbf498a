package org.zoomcompliance.cli;

import picocli.CommandLine.Option;

/** Options every command takes, before or after the command's name. */
public final class GlobalOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Home folder (default: $ZOOM_COMPLIANCE_HOME, else ~/.zoom-compliance).")
    String home;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file, YAML, for this run only (default: $ZOOM_COMPLIANCE_POLICY, else the home's"
                    + " policy.yml, else the built-in defaults).")
    String policy;

    /** These options, with values given to an enclosing command filling the gaps. */
    GlobalOptions orElse(GlobalOptions outer) {
        GlobalOptions merged = new GlobalOptions();
        merged.home = home != null ? home : outer.home;
        merged.policy = policy != null ? policy : outer.policy;
        return merged;
    }
}
