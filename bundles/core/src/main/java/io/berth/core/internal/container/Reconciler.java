package io.berth.core.internal.container;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.core.internal.host.ProcFiles;
import io.berth.core.internal.host.ProcStat;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Brings records in line with reality after the engine (or a runtime) was away. For a RUNNING or PAUSED
 * record: an exit file means the recorded exit; else the runtime's state decides — running or paused stays
 * (with the current pid), stopped or unknown becomes EXITED (the exit file's code, else 255 with a reason);
 * an absent runtime leaves the record untouched. RESTARTING records get their restart scheduled again and
 * REMOVING records are removed. A CREATED or EXITED container that the runtime still holds (one runtime
 * {@code list} per pass tells) is what a crash between a runtime call and the record write leaves: a process
 * the runtime runs is adopted (the start got that far), anything else is deleted from the runtime (a created
 * but not started process: the start is rolled back) and, when the record never saw a run that ended, its exit
 * is recorded. Never kills a running container. Thread-safe.
 */
final class Reconciler {

    static final int UNKNOWN_EXIT_CODE = 255;
    static final String EXITED_WHILE_DOWN = "container exited while the engine was down";
    /** How often, and how many times, an interrupted removal that waits for a service is tried again. */
    static final Duration REMOVAL_RETRY = Duration.ofSeconds(1);
    static final int REMOVAL_RETRIES = 120;

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
        Held held = new Held();
        ctx.table().all().forEach(container -> reconcileQuietly(container, held));
    }

    /** The containers of one runtime: when it (re)appears. */
    void reconcileRuntime(String runtime) {
        Held held = new Held();
        ctx.table().all().stream()
                .filter(container -> runtime.equals(container.record().runtime()))
                .forEach(container -> reconcileQuietly(container, held));
    }

    private void reconcileQuietly(Container container, Held held) {
        try {
            reconcile(container, held);
        } catch (RuntimeException e) {
            LOG.warn("Cannot reconcile container {}: {}", container.id(), e.getMessage());
        }
    }

    private void reconcile(Container container, Held held) {
        try {
            container.lock();
        } catch (NotFoundException removed) {
            return;
        }
        try {
            ContainerStatus status = container.status();
            switch (status) {
                case RUNNING, PAUSED -> reconcileLive(container, held);
                case RESTARTING -> restartIfNotPending(container);
                case REMOVING -> finishRemoval(container, 0);
                case CREATED, EXITED -> reconcileIdle(container, held);
                default -> { }
            }
            if (status == ContainerStatus.EXITED && container.status() == ContainerStatus.EXITED
                    && container.record().spec().autoRemove()) {
                removeAfterExit(container);
            }
        } finally {
            container.unlock();
        }
    }

    /**
     * An auto-remove container found EXITED: the removal that follows its exit did not happen (the engine stopped
     * or crashed in between, the removal failed, or a power cut brought back its EXITED record, which is not made
     * durable, see {@link EngineContext#mustBeDurable}). It is removed now, on the executor.
     */
    private void removeAfterExit(Container container) {
        try {
            ctx.executor().execute(() -> remover.removeAfterExit(container));
        } catch (RejectedExecutionException closing) {
            LOG.debug("Engine closing; auto-remove container {} is removed at the next start", container.id());
        }
    }

    private void reconcileLive(Container container, Held held) {
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
        Map<String, RuntimeState> states = held.of(record.runtime());
        RuntimeState listed = states == null ? null : states.get(record.id());
        RuntimeState state = confirms(listed, record) ? listed : runtimeState(record);
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

    /**
     * Whether the pass's list shows the container as its record has it (same status, same pid). The list was
     * taken when the pass began; a container started, stopped or restarted since then is asked again.
     */
    private static boolean confirms(RuntimeState listed, ContainerRecord record) {
        if (listed == null || listed.pid() != record.state().pid()) {
            return false;
        }
        return listed.status() == RuntimeStatus.RUNNING && record.state().status() == ContainerStatus.RUNNING
                || listed.status() == RuntimeStatus.PAUSED && record.state().status() == ContainerStatus.PAUSED;
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

    /**
     * Finishes an interrupted removal. Lock held. Right after a boot a service it needs may not be there yet
     * (native mounts, to unmount the root filesystem): then it is tried again a second later, for a while.
     */
    private void finishRemoval(Container container, int attempt) {
        try {
            remover.destroyLocked(container, false);
        } catch (UnavailableException e) {
            if (attempt >= REMOVAL_RETRIES) {
                throw e;
            }
            LOG.info("The removal of container {} waits: {}", container.id(), e.getMessage());
            try {
                ctx.executor().schedule(() -> retryRemoval(container, attempt + 1), REMOVAL_RETRY.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                LOG.debug("Engine closing; the removal of {} is finished at the next start", container.id());
            }
        }
    }

    private void retryRemoval(Container container, int attempt) {
        try {
            container.lock();
        } catch (NotFoundException removed) {
            return;
        }
        try {
            if (container.status() == ContainerStatus.REMOVING) {
                finishRemoval(container, attempt);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot finish the removal of container {}: {}", container.id(), e.getMessage());
        } finally {
            container.unlock();
        }
    }

    /** A container that is not running by its record; see the class comment. */
    private void reconcileIdle(Container container, Held held) {
        ContainerRecord record = container.record();
        if (!container.mayBeInRuntime() || !ctx.runtimes().isPresent(record.runtime())) {
            return;
        }
        Map<String, RuntimeState> states = held.of(record.runtime());
        if (states == null) {
            return; // the runtime cannot tell now; the next start or removal deletes the container from it
        }
        RuntimeState state = states.containsKey(record.id()) ? runtimeState(record) : null;
        if (state == null) {
            container.setMayBeInRuntime(false);
            return;
        }
        if (state.status() == RuntimeStatus.RUNNING || state.status() == RuntimeStatus.PAUSED) {
            LOG.info("Container {} runs: its start was interrupted after the runtime had started it", record.id());
            ContainerStatus status = state.status() == RuntimeStatus.PAUSED ? ContainerStatus.PAUSED
                    : ContainerStatus.RUNNING;
            ctx.commit(container, record.withState(new ContainerState(status, state.pid(), 0, "", false,
                    processStart(state.pid()), record.state().finishedAt())).withManuallyStopped(false));
            return;
        }
        OptionalInt exitCode = ctx.exitFiles().read(record.id());
        if (state.status() == RuntimeStatus.STOPPED && exitCode.isPresent()
                && record.state().status() == ContainerStatus.CREATED) {
            LOG.info("Container {} ran and exited while the engine was down: its start was interrupted after the "
                    + "runtime had started it", record.id());
            Instant ended = exitTime(record.id());
            ctx.commit(container, record.withState(new ContainerState(ContainerStatus.EXITED, 0,
                    exitCode.getAsInt(), "", false, ended, ended)));
        } else {
            LOG.info("Deleting container {} from runtime {}: an operation was interrupted after the runtime call",
                    record.id(), record.runtime());
        }
        ctx.deleteFromRuntimeQuietly(container, container.record(), true);
        ctx.exitFiles().delete(record.id());
    }

    /** When the process started ({@code /proc}: boot time plus its start in clock ticks), else now. */
    private Instant processStart(int pid) {
        Optional<ProcStat> stat = ProcStat.parse(ProcFiles.read(ctx.host().procRoot().resolve(pid + "/stat")));
        OptionalLong boot = ProcFiles.bootTime(ProcFiles.read(ctx.host().procRoot().resolve("stat")));
        if (stat.isEmpty() || boot.isEmpty()) {
            return Instant.now();
        }
        long millis = stat.get().startTime() * 1000 / ProcStat.CLOCK_TICKS;
        return Instant.ofEpochSecond(boot.getAsLong()).plusMillis(millis);
    }

    private Instant exitTime(String id) {
        try {
            return Files.getLastModifiedTime(ctx.exitFiles().fileOf(id)).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    /**
     * What each runtime holds, by id, asked once per pass and runtime (one {@code list} for runc and crun, not one
     * {@code state} per container); {@code null} when the runtime cannot tell. It is as old as the pass: a
     * container it does not show as its record has it is asked again ({@link #confirms}).
     */
    private final class Held {
        private final Map<String, Map<String, RuntimeState>> byRuntime = new HashMap<>();

        Map<String, RuntimeState> of(String runtime) {
            if (!byRuntime.containsKey(runtime)) {
                byRuntime.put(runtime, states(runtime));
            }
            return byRuntime.get(runtime);
        }

        private Map<String, RuntimeState> states(String runtime) {
            try {
                return ctx.runtimes().get(runtime).states();
            } catch (RuntimeException e) {
                LOG.warn("Runtime {} cannot list its containers: {}", runtime, e.getMessage());
                return null;
            }
        }
    }

    private void restartIfNotPending(Container container) {
        if (!container.hasPendingRestart()) {
            exits.scheduleRestart(container);
        }
    }
}
