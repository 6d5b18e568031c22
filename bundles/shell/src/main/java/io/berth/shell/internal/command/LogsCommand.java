package io.berth.shell.internal.command;

import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.shell.internal.completers.ContainerCompleter;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:logs}: prints a container's log, like {@code docker logs}. With {@code --follow} it keeps
 * printing until the container stops or the user presses Ctrl-C, which ends the command cleanly.
 */
@Command(scope = "berth", name = "logs", description = "Fetch the logs of a container")
@Service
public class LogsCommand extends BerthCommandSupport {

    @Option(name = "-f", aliases = "--follow", description = "Follow log output")
    boolean follow;

    @Option(name = "-t", aliases = "--timestamps", description = "Show timestamps")
    boolean timestamps;

    @Option(name = "--tail", description = "Number of lines to show from the end of the logs, or \"all\"")
    String tail = "all";

    @Option(name = "--since", description = "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") "
            + "or relative (e.g. \"42m\" for 42 minutes)")
    String since;

    @Option(name = "--until", description = "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") "
            + "or relative (e.g. \"42m\" for 42 minutes)")
    String until;

    @Argument(index = 0, name = "container", description = "Name or ID of the container", required = true)
    @Completion(ContainerCompleter.class)
    String container;

    @Override
    public Object execute() throws Exception {
        LogOptions options = options();
        try (LogStream stream = call(() -> containerService().logs(container, options))) {
            new LogPrinter(timestamps).copy(stream);
        } catch (InterruptedException e) {
            // Ctrl-C ends following; like Karaf's log:tail the command simply returns
        }
        return null;
    }

    private LogOptions options() {
        Instant now = clock().instant();
        Instant from = TimeArguments.parse(since, "since", now, clock().getZone());
        Instant to = TimeArguments.parse(until, "until", now, clock().getZone());
        return new LogOptions(follow, from, to, TimeArguments.tail(tail), timestamps, true, true);
    }
}
