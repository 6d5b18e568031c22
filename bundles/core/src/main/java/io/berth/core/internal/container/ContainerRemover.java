package io.berth.core.internal.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerStatus;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.OciRuntime;
import io.berth.core.internal.faults.CrashPoints.Point;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.ContainerStore;
import io.berth.core.internal.timing.Phases;

/**
 * Removes containers: with force, kills a running one and waits for its exit first; then REMOVING (persisted,
 * so a crash from here on is finished at the next activation) while the runtime deletes and the root filesystem
 * is unmounted, snapshot removal, exit file and anonymous volumes, the directory renamed away (the record goes
 * last), its exec sessions dropped, {@code destroy} event and waiters, then the directory's files deleted on a
 * side task. A runtime that cannot delete the container (not ready, failing) fails the removal before anything
 * is removed (the root filesystem is mounted again and the record goes back to what it was); a container whose
 * runtime is absent can be removed when it is not running. An auto-removal after the exit, which nobody could be
 * told of such a failure, has the runtime delete the container while its files are removed (REMOVING is
 * persisted meanwhile, so a crash is finished at the next activation as well). Thread-safe.
 */
final class ContainerRemover {

    /** How long a removal waits for the exit after SIGKILL before removing anyway. */
    static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ContainerRemover.class);

    private final EngineContext ctx;
    private final ExitProbe exits;

    ContainerRemover(EngineContext ctx, ExitProbe exits) {
        this.ctx = ctx;
        this.exits = exits;
    }

    void remove(Container container, boolean force, boolean volumes) {
        CompletableFuture<WaitResult> exit = killForRemoval(container, force);
        if (exit != null && !exits.await(container, exit, KILL_WAIT)) {
            LOG.warn("Container {} did not exit after SIGKILL; removing it anyway", container.id());
        }
        try {
            container.lock();
        } catch (NotFoundException alreadyRemoved) {
            if (exit != null) {
                return; // auto-removal finished the job while we waited
            }
            throw alreadyRemoved;
        }
        try {
            destroyLocked(container, volumes);
        } finally {
            container.unlock();
        }
    }

    /**
     * Auto-removal after an exit: removes the container if it is still exited; failures are logged. A client may
     * be waiting for the removal ({@code docker run --rm}) with nobody to tell of an error, so a runtime that
     * cannot delete the container does not keep it: that is logged, and the runtime keeps what it holds.
     */
    void removeAfterExit(Container container) {
        try {
            container.lock();
        } catch (NotFoundException alreadyRemoved) {
            return;
        }
        try {
            if (container.status() == ContainerStatus.EXITED) {
                destroyLocked(container, true, false);
            }
        } catch (RuntimeException e) {
            LOG.warn("Auto-removal of container {} failed: {}", container.id(), e.getMessage());
        } finally {
            container.unlock();
        }
    }

    /** Checks whether removal may proceed and kills the process if needed; returns its exit or null. */
    private CompletableFuture<WaitResult> killForRemoval(Container container, boolean force) {
        container.lock();
        try {
            ContainerRecord record = container.record();
            ContainerStatus status = record.state().status();
            if (!force) {
                refuseUnforced(record.id(), status);
                return null;
            }
            if (status == ContainerStatus.RESTARTING) {
                container.cancelPendingRestart();
            }
            return ExitRecorder.isLive(status) ? kill(container, record) : null;
        } finally {
            container.unlock();
        }
    }

    private CompletableFuture<WaitResult> kill(Container container, ContainerRecord record) {
        OciRuntime runtime = ctx.runtimes().require(record.runtime());
        ctx.commit(container, record.withManuallyStopped(true));
        CompletableFuture<WaitResult> exit = container.nextExit();
        try {
            runtime.kill(record.id(), Signals.SIGKILL, true);
            if (record.state().status() == ContainerStatus.PAUSED) {
                runtime.resume(record.id());
            }
        } catch (ConflictException | NotFoundException gone) {
            // a runtime that cannot signal (not ready, failing) fails the removal: the container stays
            LOG.debug("Kill of {} for removal: {}", record.id(), gone.getMessage());
        }
        ctx.crashes().reach(Point.REMOVE_AFTER_KILL);
        ctx.events().publish(record, "kill", Map.of("signal", Integer.toString(Signals.SIGKILL)));
        return exit;
    }

    private static void refuseUnforced(String id, ContainerStatus status) {
        switch (status) {
            case RUNNING:
                throw new ConflictException("You cannot remove a running container " + id
                        + ". Stop the container before attempting removal or force remove");
            case PAUSED:
                throw new ConflictException("You cannot remove a paused container " + id
                        + ". Unpause and then stop the container before attempting removal or force remove");
            case RESTARTING:
                throw new ConflictException("You cannot remove a restarting container " + id
                        + ". Stop the container before attempting removal or force remove");
            case REMOVING:
                throw new ConflictException("removal of container " + id + " is already in progress");
            default:
                break;
        }
    }

    /**
     * Removes everything of the container. Lock held; no process runs. A REMOVING record (a removal a crash
     * interrupted) had its runtime delete done before it was marked.
     *
     * @throws BerthException when the runtime cannot delete the container (nothing is removed then)
     */
    void destroyLocked(Container container, boolean volumes) {
        destroyLocked(container, volumes, true);
    }

    /**
     * @param runtimeMustDelete false (an auto-removal): a runtime that cannot delete the container is logged, not
     *                          an error, so its delete runs alongside the removal of the root filesystem
     */
    private void destroyLocked(Container container, boolean volumes, boolean runtimeMustDelete) {
        ContainerRecord record = container.record();
        ContainerRecord removing = record;
        if (record.state().status() == ContainerStatus.REMOVING) {
            ctx.deleteFromRuntimeQuietly(container, record, true);
            removeFiles(record, volumes);
        } else if (runtimeMustDelete) {
            removing = markRemoving(container, record);
            // the root filesystem is unmounted while the runtime deletes (it is mounted again if that fails)
            CompletableFuture<Void> unmounting = ctx.beside(() -> unmountQuietly(record.id()));
            deleteFromRuntimeOrUnmark(container, record, unmounting);
            unmounting.join();
            ctx.crashes().reach(Point.REMOVE_AFTER_RUNTIME_DELETE);
            removeFiles(record, volumes);
        } else {
            CompletableFuture<Void> runtimeDelete = ctx.deleteFromRuntimeBeside(container, record, true);
            try {
                removing = markRemoving(container, record);
                removeFiles(record, volumes);
            } finally {
                runtimeDelete.join();
            }
            ctx.crashes().reach(Point.REMOVE_AFTER_RUNTIME_DELETE);
            if (container.mayBeInRuntime() && ctx.runtimes().isPresent(record.runtime())) {
                LOG.warn("Removing container {}, which runtime {} could not delete", record.id(), record.runtime());
            }
        }
        Path detached = ctx.store().detach(record.id());
        ctx.crashes().reach(Point.REMOVE_AFTER_DIR_DELETE);
        ctx.table().remove(container);
        ctx.execs().containerRemoved(record.id());
        container.markRemoved(new WaitResult(record.state().exitCode(), ""));
        ctx.events().publish(removing, "destroy");
        deleteBeside(detached);
    }

    /** The directory's files are deleted after the answer; the next activation deletes what is left. */
    private void deleteBeside(Path detached) {
        ctx.beside(() -> {
            try {
                ContainerStore.deleteDetached(detached);
            } catch (BerthException e) {
                LOG.warn("{}; it is deleted at the next start", e.getMessage());
            }
        });
    }

    /**
     * The runtime's delete (the one begun at the exit, usually still running while REMOVING is written, or one
     * now); a runtime that cannot delete the container gets the root filesystem mounted again and the record
     * before the removal back, and the removal fails with nothing removed.
     */
    private void deleteFromRuntimeOrUnmark(Container container, ContainerRecord before,
            CompletableFuture<Void> unmounting) {
        try {
            ctx.deleteFromRuntime(container, before);
        } catch (RuntimeException failure) {
            mountAgain(before, unmounting, failure);
            ctx.commitBack(container, before, failure);
            throw failure;
        }
    }

    /** After a failed removal: the root filesystem as it was (a start would mount it again as well). */
    private void mountAgain(ContainerRecord record, CompletableFuture<Void> unmounting, RuntimeException failure) {
        try {
            unmounting.join();
            ctx.snapshots().prepare(record.id(), record.imageId());
        } catch (RuntimeException mountFailure) {
            LOG.warn("The root filesystem of {} stays unmounted until it starts: {}", record.id(),
                    mountFailure.getMessage());
            failure.addSuppressed(mountFailure);
        }
    }

    /** An unmount that fails here is tried again, and reported, by the snapshot's removal (or the next start). */
    private void unmountQuietly(String id) {
        try {
            ctx.snapshots().unmount(id);
        } catch (RuntimeException e) {
            LOG.debug("Unmount of the root filesystem of {} beside the runtime's delete: {}", id, e.getMessage());
        }
    }

    private ContainerRecord markRemoving(Container container, ContainerRecord record) {
        ContainerRecord removing = record.withState(ExitRecorder.withStatus(record.state(), ContainerStatus.REMOVING));
        ctx.commit(container, removing);
        ctx.crashes().reach(Point.REMOVE_AFTER_REMOVING_MARK);
        return removing;
    }

    /** The root filesystem, the exit file and, with {@code volumes}, the anonymous volumes. */
    private void removeFiles(ContainerRecord record, boolean volumes) {
        long begin = Phases.begin();
        ctx.snapshots().remove(record.id());
        Phases.end(record.id(), "snapshot remove", begin);
        ctx.crashes().reach(Point.REMOVE_AFTER_SNAPSHOT_REMOVE);
        ctx.exitFiles().delete(record.id());
        if (volumes) {
            VolumeMounts.delete(record.anonymousVolumes(), ctx.settings().volumesDir());
        }
    }
}
