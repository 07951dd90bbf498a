package org.zoomcompliance;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.zoomcompliance.cli.EarlyLogging;
import org.zoomcompliance.cli.ZoomComplianceCommand;

/**
 * zoom-compliance: ingests Zoom's exports, pseudonymises addresses at the door, checks the institution's policy,
 * purges what it no longer needs and produces the DPO's monthly workbook.
 */
@SpringBootApplication
public class ZoomComplianceApplication {

    public static void main(String[] args) {
        EarlyLogging.configure();
        System.exit(ZoomComplianceCommand.execute(args));
    }
}
