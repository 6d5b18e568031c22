package io.berth.core.internal.container;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerStatus;
import io.berth.api.runtime.RuntimeFeatures;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;
import io.berth.api.system.SystemService;
import io.berth.core.internal.runtime.MissingRuntime;
import io.berth.core.internal.runtime.RegisteredRuntime;
import io.berth.core.internal.store.ContainerRecord;

/**
 * The engine's {@link SystemService}: version, directories, default runtime, every runtime that is present
 * or named by a container (absent ones with {@code present=false} and the reason), counts. Thread-safe.
 */
final class EngineSystemInfo implements SystemService {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSystemInfo.class);

    private final EngineContext ctx;
    private final String version;

    EngineSystemInfo(EngineContext ctx, String version) {
        this.ctx = ctx;
        this.version = version;
    }

    @Override
    public SystemInfo info() {
        List<ContainerRecord> records = ctx.table().all().stream().map(Container::record).toList();
        int running = count(records, ContainerStatus.RUNNING) + count(records, ContainerStatus.RESTARTING);
        int paused = count(records, ContainerStatus.PAUSED);
        return new SystemInfo(version, ctx.settings().root(), ctx.settings().runDir(),
                ctx.settings().defaultRuntime(ctx.runtimes()::isPresent), runtimes(records), records.size(),
                running, paused, records.size() - running - paused, imageCount());
    }

    private List<RuntimeSummary> runtimes(List<ContainerRecord> records) {
        Map<String, Long> owned = records.stream()
                .collect(Collectors.groupingBy(ContainerRecord::runtime, Collectors.counting()));
        List<RuntimeSummary> summaries = new ArrayList<>();
        for (RegisteredRuntime runtime : ctx.runtimes().registered()) {
            summaries.add(new RuntimeSummary(describe(runtime), runtime.bundle(), true,
                    owned.getOrDefault(runtime.name(), 0L).intValue()));
        }
        owned.forEach((name, count) -> {
            if (!ctx.runtimes().isPresent(name)) {
                summaries.add(new RuntimeSummary(new MissingRuntime(name).info(), "", false, count.intValue()));
            }
        });
        summaries.sort(Comparator.comparing((RuntimeSummary s) -> s.info().name()));
        return summaries;
    }

    private static RuntimeInfo describe(RegisteredRuntime runtime) {
        try {
            return runtime.runtime().info();
        } catch (RuntimeException e) {
            return new RuntimeInfo(runtime.name(), "", "", false, "info failed: " + e.getMessage(),
                    RuntimeFeatures.UNKNOWN);
        }
    }

    private int imageCount() {
        try {
            return ctx.images().list(true).size();
        } catch (RuntimeException e) {
            LOG.warn("Cannot count images: {}", e.getMessage());
            return 0;
        }
    }

    private static int count(List<ContainerRecord> records, ContainerStatus status) {
        return (int) records.stream().filter(record -> record.state().status() == status).count();
    }
}
