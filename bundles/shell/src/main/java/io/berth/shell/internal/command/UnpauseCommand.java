package io.berth.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:unpause}: thaws paused containers. */
@Command(scope = "berth", name = "unpause", description = "Unpause all processes within one or more containers")
@Service
public class UnpauseCommand extends ContainersCommand {

    @Override
    protected String verb() {
        return "unpause";
    }

    @Override
    protected String executeOn(String ref) {
        containerService().unpause(ref);
        return ref;
    }
}
