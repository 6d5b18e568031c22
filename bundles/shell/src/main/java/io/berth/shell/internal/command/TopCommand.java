package io.berth.shell.internal.command;

import io.berth.api.container.TopResult;
import io.berth.shell.internal.completers.ContainerCompleter;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code berth:top}: the processes of a running container, like {@code docker top}. */
@Command(scope = "berth", name = "top", description = "Display the running processes of a container")
@Service
public class TopCommand extends BerthCommandSupport {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Argument(index = 0, name = "container", description = "The container", required = true)
    @Completion(ContainerCompleter.class)
    String container;

    @Override
    public Object execute() throws Exception {
        TopResult top = call(() -> containerService().top(container));
        ShellTable table = new ShellTable();
        top.titles().forEach(table::column);
        for (List<String> process : top.processes()) {
            table.addRow().addContent(process.toArray());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
