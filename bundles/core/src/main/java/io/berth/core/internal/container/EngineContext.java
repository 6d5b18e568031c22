package io.berth.core.internal.container;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerStatus;
import io.berth.api.image.ImageService;
import io.berth.api.image.SnapshotService;
import io.berth.api.runtime.OciRuntime;
import io.berth.core.internal.config.EngineSettings;
import io.berth.core.internal.faults.CrashPoints;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.monitor.ExitFiles;
import io.berth.core.internal.runtime.RuntimeRegistry;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.ContainerStore;
import io.berth.core.internal.timing.Phases;

/**
 * What the per-verb helpers share: configuration, the host's facts, collaborators, the container table, the
 * exec sessions, a small executor for background work (restarts, auto-removal, reconciliation), threads for
 * work beside a task that holds a container's lock ({@code sideTasks}: they take no lock, so they never queue
 * behind the executor's tasks) and the crash points (disarmed unless a crash test arms them). Immutable; every
 * part is thread-safe.
 */
record EngineContext(EngineSettings settings, HostEnvironment host, RuntimeRegistry runtimes, ImageService images,
        SnapshotService snapshots, ContainerStore store, ExitFiles exitFiles, ContainerTable table,
        ContainerEvents events, ExecSessions execs, ScheduledExecutorService executor, ExecutorService sideTasks,
        CrashPoints crashes) {

    private static final Logger LOG = LoggerFactory.getLogger(EngineContext.class);

    /**
     * Makes {@code record} the container's current record and persists it. When the disk refuses (full,
     * read-only), the engine goes back to the record it has on disk. (The record is visible before it is
     * durable: readers polling for a state, such as an attach waiting for the run, see it one fsync earlier.)
     * Container lock held.
     *
     * @throws io.berth.api.error.BerthException when the record cannot be written
     */
    void commit(Container container, ContainerRecord record) {
        ContainerRecord previous = container.record();
        container.setRecord(record);
        try {
            store.save(record, mustBeDurable(previous, record));
        } catch (RuntimeException e) {
            container.setRecord(previous);
            throw e;
        }
    }

    /**
     * Puts {@code before} back as the container's record after {@code failure} (unless it still is the record); a
     * write that fails too is added to {@code failure}. Container lock held.
     */
    void commitBack(Container container, ContainerRecord before, RuntimeException failure) {
        if (container.record() == before) {
            return;
        }
        try {
            commit(container, before);
        } catch (RuntimeException saveFailure) {
            failure.addSuppressed(saveFailure);
        }
    }

    /**
     * Whether a record must survive a power cut, not only a crash of the engine (every record is replaced
     * atomically, and a crashed JVM finds the latest one). All must, except those of an auto-remove container
     * after its run: EXITED when a run ends, and REMOVING. Such a container is on its way out, and every earlier
     * record a power cut can bring back ends in the same removal at the next activation: RUNNING becomes an exit
     * (recorded as the engine being down) that auto-removes it, EXITED and REMOVING are removed by the
     * {@link Reconciler}. (The removal itself, the deletion of the container's directory, is not made durable
     * either: after a power cut a removed container may be back as it was.) Skipping the two fsyncs each of these
     * records saves (measured on the project's machine) about 1 ms of every {@code docker run --rm} while the disk
     * is quiet, and several while it is busy, between the exit and the answer to {@code wait?condition=removed}.
     */
    static boolean mustBeDurable(ContainerRecord previous, ContainerRecord record) {
        if (!record.spec().autoRemove()) {
            return true;
        }
        ContainerStatus status = record.state().status();
        return !(status == ContainerStatus.REMOVING || status == ContainerStatus.EXITED
                && (previous.state().status() == ContainerStatus.RUNNING
                        || previous.state().status() == ContainerStatus.PAUSED));
    }

    /**
     * Asks the container's runtime, if present, to forget it, unless the engine knows the runtime does not
     * hold it ({@link Container#mayBeInRuntime()}: one delete per run, not one per exit, start and removal);
     * failures are logged and leave the container to be deleted again later. Container lock held.
     *
     * @param record the record naming the runtime (the container's current one, or the one it replaces)
     */
    void deleteFromRuntimeQuietly(Container container, ContainerRecord record, boolean force) {
        container.runtimeDeletion().join();
        if (!container.mayBeInRuntime() || !runtimes.isPresent(record.runtime())) {
            return;
        }
        deleteQuietly(container, record, runtimes.get(record.runtime()), force);
    }

    /**
     * Starts what {@link #deleteFromRuntimeQuietly} does on a side task and returns at once, for work that can go
     * on meanwhile; the next delete, start or removal of the container waits for it. Returns the delete already
     * under way, if any. Container lock held.
     */
    CompletableFuture<Void> deleteFromRuntimeBeside(Container container, ContainerRecord record, boolean force) {
        CompletableFuture<Void> pending = container.runtimeDeletion();
        if (!pending.isDone() || !container.mayBeInRuntime() || !runtimes.isPresent(record.runtime())) {
            return pending;
        }
        OciRuntime runtime = runtimes.get(record.runtime());
        CompletableFuture<Void> deletion = beside(() -> deleteQuietly(container, record, runtime, force));
        container.setRuntimeDeletion(deletion);
        return deletion;
    }

    /**
     * Runs {@code task} on a side task, or at once on this thread while the engine closes (the side tasks refuse
     * work then). The future ends as the task does, exceptionally when it throws.
     */
    CompletableFuture<Void> beside(Runnable task) {
        try {
            return CompletableFuture.runAsync(task, sideTasks);
        } catch (RejectedExecutionException closing) {
            try {
                task.run();
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
    }

    private static void deleteQuietly(Container container, ContainerRecord record, OciRuntime runtime,
            boolean force) {
        long begin = Phases.begin();
        try {
            runtime.delete(record.id(), force);
            container.setMayBeInRuntime(false);
        } catch (RuntimeException e) {
            LOG.debug("Runtime {} could not delete {}: {}", record.runtime(), record.id(), e.getMessage());
        }
        Phases.end(record.id(), "runtime delete", begin);
    }

    /**
     * Asks the container's runtime to forget it (with force) for a removal, which must not leave the runtime
     * holding a container the engine no longer knows: unlike {@link #deleteFromRuntimeQuietly}, a runtime that
     * cannot delete it (not ready, binary gone, failing) fails the call. An absent runtime is skipped, as the
     * removal of a stopped container of an absent runtime is allowed. Container lock held.
     *
     * @throws io.berth.api.error.BerthException when the runtime could not delete the container
     */
    void deleteFromRuntime(Container container, ContainerRecord record) {
        container.runtimeDeletion().join();
        if (!container.mayBeInRuntime() || !runtimes.isPresent(record.runtime())) {
            return;
        }
        long begin = Phases.begin();
        runtimes.require(record.runtime()).delete(record.id(), true);
        container.setMayBeInRuntime(false);
        Phases.end(record.id(), "runtime delete", begin);
    }
}
