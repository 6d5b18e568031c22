package io.berth.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:kill}: sends a signal (SIGKILL by default) to running containers, like {@code docker kill}. */
@Command(scope = "berth", name = "kill", description = "Kill one or more running containers")
@Service
public class KillCommand extends ContainersCommand {

    @Option(name = "-s", aliases = "--signal", description = "Signal to send to the container")
    String signal = "SIGKILL";

    @Override
    protected String verb() {
        return "kill";
    }

    @Override
    protected String executeOn(String ref) {
        containerService().kill(ref, signal);
        return ref;
    }
}
