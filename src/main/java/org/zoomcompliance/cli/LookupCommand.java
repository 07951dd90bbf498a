package org.zoomcompliance.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.pseudonymisation.AddressLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lookup}: Investigation: list the meetings and sign-ins an IP address appears in, without storing it. The
 * address is only ever pseudonymised in memory; neither the output nor an error repeats it.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true, description = "Investigation: list the meetings an IP address appears in, without storing it.")
final class LookupCommand extends PipelineCommand {

    @Option(names = "--ip", required = true, paramLabel = "ADDRESS", description = "The address to look up.")
    String ip;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Only this month.")
    YearMonth month;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        AddressLookup.Result result;
        try {
            result = context.getBean(AddressLookup.class).find(ip, month);
        } catch (IllegalArgumentException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        }
        PrintWriter out = out();
        out.println("the address given, searched under key version(s) " + result.versionsSearched()
                + (month == null ? "" : " in " + month) + ":");
        if (!result.versionsMissing().isEmpty()) {
            out.println("  rows under key version(s) " + result.versionsMissing()
                    + " cannot be searched: those keys are no longer held");
        }
        out.println(result.meetings().size() + " meeting occurrence(s)");
        for (AddressLookup.MeetingAppearance meeting : result.meetings()) {
            out.printf("  %-12s %-25s %3d join(s)  host %s  topic %s%n", meeting.meetingId(),
                    meeting.start() == null ? "-" : meeting.start(), meeting.joins(),
                    meeting.host() == null ? "-" : meeting.host(), meeting.topic() == null ? "-" : meeting.topic());
        }
        out.println(result.signIns().size() + " sign-in event(s)");
        for (AddressLookup.SignInAppearance signIn : result.signIns()) {
            out.printf("  %-25s %-9s %s %s %s%n", signIn.time(), signIn.eventType() == null ? "-" : signIn.eventType(),
                    signIn.email(), signIn.clientType() == null ? "" : signIn.clientType(),
                    signIn.clientVersion() == null ? "" : signIn.clientVersion());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
