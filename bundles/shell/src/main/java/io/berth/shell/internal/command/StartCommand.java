package io.berth.shell.internal.command;

import io.berth.api.error.NotModifiedException;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:start}: starts created or stopped containers; starting a running one is no error. */
@Command(scope = "berth", name = "start", description = "Start one or more stopped containers")
@Service
public class StartCommand extends ContainersCommand {

    @Override
    protected String verb() {
        return "start";
    }

    @Override
    protected String executeOn(String ref) {
        try {
            containerService().start(ref);
        } catch (NotModifiedException alreadyRunning) {
            // Docker answers 304 and the CLI reports success
        }
        return ref;
    }
}
