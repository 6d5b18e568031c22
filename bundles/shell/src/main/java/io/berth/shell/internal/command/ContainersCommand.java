package io.berth.shell.internal.command;

import io.berth.shell.internal.completers.ContainerCompleter;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;

/**
 * Base of the commands that do one thing to each of several containers ({@code stop}, {@code rm}, {@code wait},
 * ...). Every container is processed even when an earlier one fails; failures are reported as Docker does and
 * fail the command at the end.
 */
public abstract class ContainersCommand extends BerthCommandSupport {

    @Argument(index = 0, name = "containers", description = "Names or IDs of the containers",
            required = true, multiValued = true)
    @Completion(ContainerCompleter.class)
    List<String> containers;

    @Override
    public Object execute() throws Exception {
        forEach(containers, "failed to " + verb() + " containers", ref -> System.out.println(executeOn(ref)));
        return null;
    }

    /** The verb of the failure summary: "failed to <verb> containers: a, b". */
    protected abstract String verb();

    /**
     * Does the command's work on one container.
     *
     * @return the line to print on success (Docker prints the reference as given, or an exit code)
     */
    protected abstract String executeOn(String ref) throws InterruptedException;
}
