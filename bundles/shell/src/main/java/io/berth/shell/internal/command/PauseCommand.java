package io.berth.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:pause}: freezes every process of running containers. */
@Command(scope = "berth", name = "pause", description = "Pause all processes within one or more containers")
@Service
public class PauseCommand extends ContainersCommand {

    @Override
    protected String verb() {
        return "pause";
    }

    @Override
    protected String executeOn(String ref) {
        containerService().pause(ref);
        return ref;
    }
}
