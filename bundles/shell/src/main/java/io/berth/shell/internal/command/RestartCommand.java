package io.berth.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:restart}: stops (if running) and starts containers again, like {@code docker restart}. */
@Command(scope = "berth", name = "restart", description = "Restart one or more containers")
@Service
public class RestartCommand extends ContainersCommand {

    @Option(name = "-t", aliases = "--time",
            description = "Seconds to wait before killing the container (default: the container's stop timeout)")
    Integer time;

    @Override
    protected String verb() {
        return "restart";
    }

    @Override
    protected String executeOn(String ref) {
        containerService().restart(ref, time);
        return ref;
    }
}
