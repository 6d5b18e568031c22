package io.berth.core.internal.container;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.WaitResult;
import io.berth.api.error.NotFoundException;
import io.berth.core.internal.faults.CrashPoints.Point;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.timing.Phases;

/**
 * Records exits: the runtime's delete begun beside (a start or removal that follows waits for it), EXITED with
 * code and time, {@code die} event, waiters answered, then the restart policy (with Docker's back-off) or
 * auto-removal, both on the engine's executor. Called from the exit monitor's thread and from reconciliation.
 * Thread-safe.
 */
final class ExitRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ExitRecorder.class);

    private final EngineContext ctx;
    private final ContainerStarter starter;
    private final ContainerRemover remover;

    ExitRecorder(EngineContext ctx, ContainerStarter starter, ContainerRemover remover) {
        this.ctx = ctx;
        this.starter = starter;
        this.remover = remover;
    }

    /**
     * The exit monitor saw {@code <exits>/<id>}; idempotent. The file is read again under the container's lock: a
     * start that ran meanwhile deletes the exit file of the run before, so a notification about it is dropped
     * instead of ending the new run.
     */
    void onExitFile(String id, int notifiedExitCode) {
        Phases.sinceModified(id, "exit detection", ctx.exitFiles().fileOf(id));
        long begin = Phases.begin();
        Container container = ctx.table().byId(id);
        if (container == null) {
            LOG.debug("Ignoring exit file of unknown container {}", id);
            return;
        }
        try {
            container.lock();
        } catch (NotFoundException removed) {
            ctx.exitFiles().delete(id);
            return;
        }
        try {
            OptionalInt exitCode = ctx.exitFiles().read(id);
            if (exitCode.isEmpty()) {
                LOG.debug("Ignoring a stale exit notification of {} (exit code {})", id, notifiedExitCode);
            } else if (isLive(container.status())) {
                recordExit(container, exitCode.getAsInt(), "");
                Phases.end(id, "exit handling", begin);
            } else {
                ctx.exitFiles().delete(id);
            }
        } finally {
            container.unlock();
        }
    }

    /** True for the states in which a process exists. */
    static boolean isLive(ContainerStatus status) {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
    }

    /**
     * Records the end of the current run. Lock held; the container is RUNNING or PAUSED. When the record
     * cannot be written (disk full), the engine still knows the exit, and the exit file stays for the next
     * activation to record it.
     */
    void recordExit(Container container, int exitCode, String error) {
        ContainerRecord record = container.record();
        ContainerState state = new ContainerState(ContainerStatus.EXITED, 0, exitCode, error, false,
                record.state().startedAt(), Instant.now());
        ContainerRecord exited = record.withState(state);
        // the runtime deletes the container meanwhile; a start or removal that follows waits for that
        ctx.deleteFromRuntimeBeside(container, exited, false);
        boolean persisted = commitQuietly(container, exited);
        ctx.crashes().reach(Point.EXIT_AFTER_RECORD_WRITE);
        ctx.events().publish(exited, "die", Map.of("exitCode", Integer.toString(exitCode)));
        ctx.execs().containerExited(container.id());
        // waiters are answered once the exit is recorded; the runtime's delete is cleanup they need not wait for
        container.completeExit(new WaitResult(exitCode, error));
        ctx.crashes().reach(Point.EXIT_AFTER_RUNTIME_DELETE);
        if (persisted) {
            ctx.exitFiles().delete(container.id());
        }
        if (RestartPolicies.shouldRestart(exited)) {
            scheduleRestart(container);
        } else if (exited.spec().autoRemove()) {
            ctx.executor().execute(() -> remover.removeAfterExit(container));
        }
    }

    /** Marks the container RESTARTING and starts it again after the back-off delay. Lock held. */
    void scheduleRestart(Container container) {
        ContainerRecord record = container.record();
        Duration delay = container.nextRestartDelay(lastRun(record.state()));
        commitQuietly(container, record.withState(withStatus(record.state(), ContainerStatus.RESTARTING)));
        container.setPendingRestart(
                ctx.executor().schedule(() -> restart(container), delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void restart(Container container) {
        try {
            container.lock();
        } catch (NotFoundException removed) {
            return;
        }
        try {
            if (container.status() == ContainerStatus.RESTARTING) {
                container.setPendingRestart(null);
                ContainerRecord record = container.record();
                ctx.commit(container, record.withRestartCount(record.restartCount() + 1));
                starter.startLocked(container, true);
            }
        } catch (RuntimeException e) {
            LOG.warn("Restart of container {} failed: {}", container.id(), e.getMessage());
            giveUpRestart(container, e);
        } finally {
            container.unlock();
        }
    }

    /** A restart that could not even try (absent runtime) ends as EXITED with the reason. Lock held. */
    private void giveUpRestart(Container container, RuntimeException failure) {
        ContainerRecord record = container.record();
        if (record.state().status() == ContainerStatus.RESTARTING) {
            ContainerState state = record.state();
            commitQuietly(container, record.withState(new ContainerState(ContainerStatus.EXITED, 0,
                    state.exitCode(), failure.getMessage(), false, state.startedAt(), state.finishedAt())));
        }
    }

    /**
     * Commits what happened; when the record cannot be written, the engine still holds it in memory (the
     * process did exit) and the failure is logged and answered false.
     */
    private boolean commitQuietly(Container container, ContainerRecord record) {
        try {
            ctx.commit(container, record);
            return true;
        } catch (RuntimeException e) {
            container.setRecord(record);
            LOG.error("Cannot persist the state of container {}: {}", container.id(), e.getMessage());
            return false;
        }
    }

    private static Duration lastRun(ContainerState state) {
        if (state.startedAt() == null || state.finishedAt() == null) {
            return Duration.ZERO;
        }
        return Duration.between(state.startedAt(), state.finishedAt());
    }

    static ContainerState withStatus(ContainerState state, ContainerStatus status) {
        return new ContainerState(status, state.pid(), state.exitCode(), state.error(), state.oomKilled(),
                state.startedAt(), state.finishedAt());
    }
}
