package io.berth.core.internal.container;

import java.time.Clock;
import java.util.List;

import io.berth.api.container.ContainerStats;
import io.berth.api.container.TopResult;
import io.berth.api.runtime.RuntimeStats;
import io.berth.core.internal.host.ProcFiles;
import io.berth.core.internal.host.ProcessTable;
import io.berth.core.internal.store.ContainerRecord;

/**
 * {@code top} and {@code stats} of running (or paused) containers: the runtime names the pids and reads the
 * cgroups; the host's {@code /proc} gives the process details and the system CPU time. The runtime is asked
 * with the container's lock held; {@code /proc} is read without it. Thread-safe.
 */
final class ContainerProbes {

    private final EngineContext ctx;
    private final ProcessTable processTable;
    private final Clock clock;

    ContainerProbes(EngineContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
        this.processTable = new ProcessTable(ctx.host().procRoot(), clock);
    }

    /** @throws io.berth.api.error.ConflictException "Container ID is not running" */
    TopResult top(Container container) {
        List<Integer> pids;
        container.lock();
        try {
            ContainerRecord record = ContainerSignaller.requireRunning(container);
            pids = ctx.runtimes().require(record.runtime()).processes(record.id());
        } finally {
            container.unlock();
        }
        return processTable.top(pids);
    }

    /** @throws io.berth.api.error.ConflictException "Container ID is not running" */
    ContainerStats stats(Container container) {
        RuntimeStats usage;
        container.lock();
        try {
            ContainerRecord record = ContainerSignaller.requireRunning(container);
            usage = ctx.runtimes().require(record.runtime()).stats(record.id());
        } finally {
            container.unlock();
        }
        long systemCpu = ProcFiles.systemCpuNanos(ProcFiles.read(ctx.host().procRoot().resolve("stat")))
                .orElse(0);
        return new ContainerStats(clock.instant(), usage.cpuUsageNanos(), systemCpu,
                Runtime.getRuntime().availableProcessors(), usage.memoryUsageBytes(), usage.memoryLimitBytes(),
                usage.pidsCurrent(), usage.pidsLimit());
    }
}
