package io.berth.shell.internal.command;

import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code berth:runtimes}: every runtime that is present or named by a container, with the bundle that provides
 * it and whether it can run containers now. The default runtime is marked with {@code *}.
 */
@Command(scope = "berth", name = "runtimes", description = "List container runtimes and their state")
@Service
public class RuntimesCommand extends BerthCommandSupport {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Override
    public Object execute() throws Exception {
        SystemInfo info = call(() -> systemService().info());
        ShellTable table = new ShellTable();
        table.column("NAME");
        table.column("VERSION");
        table.column("BUNDLE");
        table.column("BINARY");
        table.column("STATE");
        table.column("CONTAINERS").alignRight();
        for (RuntimeSummary runtime : info.runtimes()) {
            RuntimeInfo ri = runtime.info();
            String name = ri.name().equals(info.defaultRuntime()) ? ri.name() + " *" : ri.name();
            table.addRow().addContent(name, ri.version(), runtime.bundle(), ri.binary(), state(runtime),
                    runtime.containers());
        }
        table.print(System.out, !noFormat);
        return null;
    }

    /** "ready", "not ready: <reason>" or "absent" (named by containers, but no bundle provides it). */
    static String state(RuntimeSummary runtime) {
        if (!runtime.present()) {
            return "absent";
        }
        RuntimeInfo info = runtime.info();
        if (info.ready()) {
            return "ready";
        }
        return info.reason().isEmpty() ? "not ready" : "not ready: " + info.reason();
    }
}
