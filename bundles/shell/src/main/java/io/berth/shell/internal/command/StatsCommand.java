package io.berth.shell.internal.command;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerStats;
import io.berth.shell.internal.completers.ContainerCompleter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code berth:stats}: one reading of the resource usage of running containers, like
 * {@code docker stats --no-stream}. CPU % compares two readings taken {@link #SAMPLE_MILLIS} apart.
 */
@Command(scope = "berth", name = "stats", description = "Display a live reading of containers' resource usage")
@Service
public class StatsCommand extends BerthCommandSupport {

    static final long SAMPLE_MILLIS = 1000;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Argument(index = 0, name = "containers", description = "The containers", required = true, multiValued = true)
    @Completion(ContainerCompleter.class)
    List<String> containers;

    long sampleMillis = SAMPLE_MILLIS;

    @Override
    public Object execute() throws Exception {
        List<ContainerStats> first = new ArrayList<>();
        for (String ref : containers) {
            first.add(call(() -> containerService().stats(ref)));
        }
        Thread.sleep(sampleMillis);
        ShellTable table = new ShellTable();
        for (String title : List.of("CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "PIDS")) {
            table.column(title);
        }
        for (int i = 0; i < containers.size(); i++) {
            String ref = containers.get(i);
            ContainerInfo info = call(() -> containerService().inspect(ref));
            ContainerStats now = call(() -> containerService().stats(ref));
            table.addRow().addContent(info.id().substring(0, 12), info.name(), percent(cpu(first.get(i), now)),
                    HumanFormat.binarySize(now.memoryUsageBytes()) + " / "
                            + HumanFormat.binarySize(now.memoryLimitBytes()),
                    percent(memory(now)), now.pidsCurrent());
        }
        table.print(System.out, !noFormat);
        return null;
    }

    /** Docker's CPU percentage: container CPU delta over system CPU delta, times the number of CPUs. */
    static double cpu(ContainerStats before, ContainerStats after) {
        long container = after.cpuUsageNanos() - before.cpuUsageNanos();
        long system = after.systemCpuUsageNanos() - before.systemCpuUsageNanos();
        if (container <= 0 || system <= 0) {
            return 0;
        }
        return 100.0 * container / system * after.onlineCpus();
    }

    static double memory(ContainerStats stats) {
        return stats.memoryLimitBytes() <= 0 ? 0 : 100.0 * stats.memoryUsageBytes() / stats.memoryLimitBytes();
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}
