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

    /** Asks the container's runtime, if present, to forget it; failures are logged. Container lock held. */
    void deleteFromRuntimeQuietly(ContainerRecord record, boolean force) {
        if (!runtimes.isPresent(record.runtime())) {
            return;
        }
        OciRuntime runtime = runtimes.get(record.runtime());
        try {
            runtime.delete(record.id(), force);
        } catch (RuntimeException e) {
            LOG.debug("Runtime {} could not delete {}: {}", record.runtime(), record.id(), e.getMessage());
        }
    }
}
