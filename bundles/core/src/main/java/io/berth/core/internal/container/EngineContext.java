package io.berth.core.internal.container;

import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.image.ImageService;
import io.berth.api.image.SnapshotService;
import io.berth.api.runtime.OciRuntime;
import io.berth.core.internal.config.EngineSettings;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.monitor.ExitFiles;
import io.berth.core.internal.runtime.RuntimeRegistry;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.ContainerStore;
import io.berth.core.internal.timing.Phases;

/**
 * What the per-verb helpers share: configuration, the host's facts, collaborators, the container table, the
 * exec sessions and a small executor for background work (restarts, auto-removal, reconciliation).
 * Immutable; every part is thread-safe.
 */
record EngineContext(EngineSettings settings, HostEnvironment host, RuntimeRegistry runtimes, ImageService images,
        SnapshotService snapshots, ContainerStore store, ExitFiles exitFiles, ContainerTable table,
        ContainerEvents events, ExecSessions execs, ScheduledExecutorService executor) {

    private static final Logger LOG = LoggerFactory.getLogger(EngineContext.class);

    /** Makes {@code record} the container's current record and persists it. Container lock held. */
    void commit(Container container, ContainerRecord record) {
        container.setRecord(record);
        store.save(record);
    }

    /**
     * Asks the container's runtime, if present, to forget it, unless the engine knows the runtime does not
     * hold it ({@link Container#mayBeInRuntime()}: one delete per run, not one per exit, start and removal);
     * failures are logged and leave the container to be deleted again later. Container lock held.
     *
     * @param record the record naming the runtime (the container's current one, or the one it replaces)
     */
    void deleteFromRuntimeQuietly(Container container, ContainerRecord record, boolean force) {
        if (!container.mayBeInRuntime() || !runtimes.isPresent(record.runtime())) {
            return;
        }
        OciRuntime runtime = runtimes.get(record.runtime());
        long begin = Phases.begin();
        try {
            runtime.delete(record.id(), force);
            container.setMayBeInRuntime(false);
        } catch (RuntimeException e) {
            LOG.debug("Runtime {} could not delete {}: {}", record.runtime(), record.id(), e.getMessage());
        }
        Phases.end(record.id(), "runtime delete", begin);
    }
}
