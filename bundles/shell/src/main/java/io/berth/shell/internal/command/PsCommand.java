package io.berth.shell.internal.command;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code berth:ps}: lists containers in {@code docker ps} columns, newest first. */
@Command(scope = "berth", name = "ps", description = "List containers")
@Service
public class PsCommand extends BerthCommandSupport {

    @Option(name = "-a", aliases = "--all", description = "Show all containers (default shows just running)")
    boolean all;

    @Option(name = "-q", aliases = "--quiet", description = "Only display container IDs")
    boolean quiet;

    @Option(name = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(name = "-f", aliases = "--filter", multiValued = true,
            description = "Filter output based on conditions provided (status, name, id, label, ancestor)")
    List<String> filters;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Override
    public Object execute() throws Exception {
        ContainerFilter filter = PsFilters.parse(filters, all);
        List<ContainerInfo> containers = call(() -> containerService().list(filter));
        if (quiet) {
            containers.forEach(c -> System.out.println(ContainerColumns.id(c.id(), !noTrunc)));
        } else {
            table(containers).print(System.out, !noFormat);
        }
        return null;
    }

    private ShellTable table(List<ContainerInfo> containers) {
        ShellTable table = new ShellTable();
        for (String header : List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "NAMES")) {
            table.column(header);
        }
        Instant now = clock().instant();
        boolean trunc = !noTrunc;
        for (ContainerInfo c : containers) {
            table.addRow().addContent(ContainerColumns.id(c.id(), trunc), ContainerColumns.image(c, trunc),
                    ContainerColumns.command(c, trunc), ContainerColumns.ago(c.created(), now),
                    ContainerColumns.status(c.state(), now), c.name());
        }
        return table;
    }
}
