package io.berth.core.internal.container;

import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Brings records in line with reality after the engine (or a runtime) was away. For a RUNNING or PAUSED
 * record: an exit file means the recorded exit; else the runtime's state decides — running or paused stays
 * (with the current pid), stopped or unknown becomes EXITED (the exit file's code, else 255 with a reason);
 * an absent runtime leaves the record untouched. RESTARTING records get their restart scheduled again and
 * REMOVING records are removed. Never kills anything. Thread-safe.
 */
final class Reconciler {

    static final int UNKNOWN_EXIT_CODE = 255;
    static final String EXITED_WHILE_DOWN = "container exited while the engine was down";

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final EngineContext ctx;
    private final ExitRecorder exits;
    private final ContainerRemover remover;

    Reconciler(EngineContext ctx, ExitRecorder exits, ContainerRemover remover) {
        this.ctx = ctx;
        this.exits = exits;
        this.remover = remover;
    }

    /** Every container: at activation. */
    void reconcileAll() {
        ctx.table().all().forEach(this::reconcileQuietly);
    }

    /** The containers of one runtime: when it (re)appears. */
    void reconcileRuntime(String runtime) {
        ctx.table().all().stream()
                .filter(container -> runtime.equals(container.record().runtime()))
                .forEach(this::reconcileQuietly);
    }

    private void reconcileQuietly(Container container) {
        try {
            reconcile(container);
        } catch (RuntimeException e) {
            LOG.warn("Cannot reconcile container {}: {}", container.id(), e.getMessage());
        }
    }

    void reconcile(Container container) {
        try {
            container.lock();
        } catch (NotFoundException removed) {
            return;
        }
        try {
            switch (container.status()) {
                case RUNNING, PAUSED -> reconcileLive(container);
                case RESTARTING -> restartIfNotPending(container);
                case REMOVING -> remover.destroyLocked(container, false);
                default -> { }
            }
        } finally {
            container.unlock();
        }
    }

    private void reconcileLive(Container container) {
        ContainerRecord record = container.record();
        OptionalInt exitCode = ctx.exitFiles().read(record.id());
        if (exitCode.isPresent()) {
            exits.recordExit(container, exitCode.getAsInt(), "");
            return;
        }
        if (!ctx.runtimes().isPresent(record.runtime())) {
            LOG.info("Container {} keeps its state until runtime {} is available", record.id(), record.runtime());
            return;
        }
        RuntimeState state = runtimeState(record);
        if (state != null && (state.status() == RuntimeStatus.RUNNING || state.status() == RuntimeStatus.PAUSED)) {
            adopt(container, state);
            return;
        }
        OptionalInt lateExit = ctx.exitFiles().read(record.id());
        if (lateExit.isPresent()) {
            exits.recordExit(container, lateExit.getAsInt(), "");
        } else {
            exits.recordExit(container, UNKNOWN_EXIT_CODE, EXITED_WHILE_DOWN);
        }
    }

    private RuntimeState runtimeState(ContainerRecord record) {
        try {
            return ctx.runtimes().get(record.runtime()).state(record.id());
        } catch (NotFoundException unknown) {
            return null;
        }
    }

    private void adopt(Container container, RuntimeState state) {
        ContainerRecord record = container.record();
        ContainerState current = record.state();
        ContainerStatus status = state.status() == RuntimeStatus.PAUSED ? ContainerStatus.PAUSED
                : ContainerStatus.RUNNING;
        if (current.status() != status || current.pid() != state.pid()) {
            ctx.commit(container, record.withState(new ContainerState(status, state.pid(), current.exitCode(),
                    current.error(), current.oomKilled(), current.startedAt(), current.finishedAt())));
        }
    }

    private void restartIfNotPending(Container container) {
        if (!container.hasPendingRestart()) {
            exits.scheduleRestart(container);
        }
    }
}
