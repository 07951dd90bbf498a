package org.zoomcompliance.cli;

import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.zoomcompliance.web.WebUsers;
import picocli.CommandLine.Command;

/**
 * {@code serve}: the web console for the DPO and operators, with the built-in scheduler, until the process is
 * stopped. On a fresh home the generated admin password is printed here, once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Web console for the DPO and operators, with the built-in scheduler.",
            "Port: the environment variable SERVER_PORT (default 8080).",
            "Users: zoom-compliance.users[N].name/password-hash/roles, else users.yml in the home folder."})
final class ServeCommand extends PipelineCommand {

    @Override
    protected boolean web() {
        return true;
    }

    @Override
    protected int run(ConfigurableApplicationContext context) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        context.getBean(WebUsers.class).takeInitialPassword().ifPresent(password -> out().println(
                "First start: sign in as 'admin' with the password " + password + " (shown only now; its BCrypt hash"
                        + " is in " + WebUsers.FILE + " in the home folder, where you can add users)."));
        out().println("zoom-compliance console on http://"
                + context.getEnvironment().getProperty("server.address", "localhost") + ":"
                + context.getEnvironment().getProperty("local.server.port", "8080") + "/ (stop with Ctrl-C)");
        out().flush();
        if (context.isActive()) {
            closed.await();
        }
        return ExitCodes.OK;
    }
}
