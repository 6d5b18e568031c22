package io.berth.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:rm}: removes containers, like {@code docker rm}. */
@Command(scope = "berth", name = "rm", description = "Remove one or more containers")
@Service
public class RmCommand extends ContainersCommand {

    @Option(name = "-f", aliases = "--force", description = "Force the removal of a running container (uses SIGKILL)")
    boolean force;

    @Option(name = "-v", aliases = "--volumes", description = "Remove anonymous volumes associated with the container")
    boolean volumes;

    @Override
    protected String verb() {
        return "remove";
    }

    @Override
    protected String executeOn(String ref) {
        containerService().remove(ref, force, volumes);
        return ref;
    }
}
