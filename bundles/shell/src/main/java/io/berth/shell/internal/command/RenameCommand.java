package io.berth.shell.internal.command;

import io.berth.shell.internal.completers.ContainerCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:rename}: gives a container a new name; prints nothing, like {@code docker rename}. */
@Command(scope = "berth", name = "rename", description = "Rename a container")
@Service
public class RenameCommand extends BerthCommandSupport {

    @Argument(index = 0, name = "container", description = "Name or ID of the container", required = true)
    @Completion(ContainerCompleter.class)
    String container;

    @Argument(index = 1, name = "newName", description = "The new name", required = true)
    String newName;

    @Override
    public Object execute() throws Exception {
        perform(() -> containerService().rename(container, newName));
        return null;
    }
}
