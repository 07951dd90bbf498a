package org.zoomcompliance.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.pseudonymisation.AddressLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lookup}: Investigation: list the meetings and sign-ins an IP address appears in, without storing it. The
 * address is only ever pseudonymised in memory; neither the output nor an error repeats it.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true, description = "Investigation: list the meetings an IP address appears in, without storing it.")
final class LookupCommand extends PipelineCommand {

    @Option(names = "--ip", required = true, paramLabel = "ADDRESS",
            description = "The address to look up; - reads it from standard input (kept out of shell history).")
    String ip;

    /** Caught here so that a mistyped command line is refused without picocli repeating an address in its error. */
    @Parameters(hidden = true, arity = "0..*")
    List<String> unexpected = List.of();

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Only this month.")
    YearMonth month;

    @Override
    protected int run(ConfigurableApplicationContext context) throws IOException {
        if (!unexpected.isEmpty()) {
            return fail(ExitCodes.USAGE, unexpected.size() + " unexpected argument(s); give the address with --ip");
        }
        AddressLookup.Result result;
        try {
            result = context.getBean(AddressLookup.class).find(address(), month);
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

    private String address() throws IOException {
        if (!ip.equals("-")) {
            return ip;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }
}
