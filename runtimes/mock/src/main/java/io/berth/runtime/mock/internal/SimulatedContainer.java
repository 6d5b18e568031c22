package io.berth.runtime.mock.internal;

import io.berth.common.files.AtomicFiles;
import static io.berth.api.runtime.RuntimeStatus.CREATED;
import static io.berth.api.runtime.RuntimeStatus.PAUSED;
import static io.berth.api.runtime.RuntimeStatus.RUNNING;
import static io.berth.api.runtime.RuntimeStatus.STOPPED;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.ConflictException;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStats;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.runtime.mock.internal.Outcome.Exited;
import io.berth.runtime.mock.internal.Outcome.SleepingUntil;

/**
 * One simulated container: its status machine (CREATED → RUNNING ⇄ PAUSED → STOPPED), its process, its timer,
 * its exec sessions and its state file. Every change of state is persisted before the method returns; the exit
 * file is written when the process ends and never on {@link #detach()}. Exec sessions are not persisted; they
 * freeze while the container is paused and end when it ends: with 128 + signal when a signal ends it, with 137
 * (the kernel's SIGKILL of a dead pid namespace) when its process exits by itself. Thread-safe: every method
 * holds the container's monitor, including timer callbacks and stdin notifications of the container and of its
 * exec sessions.
 */
final class SimulatedContainer {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedContainer.class);

    private final ContainerSetup setup;
    private final StateStore store;
    private final Scheduler scheduler;
    private final LogWriter log;
    private final StdinPipe stdin;
    private final boolean stdinLost;
    private final SimulatedProcess process;
    private RuntimeStatus status;
    private Instant startedAt;
    private Instant pausedAt;
    private Duration pausedTotal;
    private int pendingSignal;
    private Integer exitCode;
    private ContainerRecord saved;
    private Scheduler.Cancellable timer;
    private long timerGeneration;
    private boolean detached;
    private final ExecSessions execs = new ExecSessions();
    private TerminalSize terminalSize;

    private SimulatedContainer(ContainerRecord record, List<Step> program, StateStore store, Scheduler scheduler) {
        this.setup = record.setup();
        this.store = store;
        this.scheduler = scheduler;
        this.status = record.status();
        this.startedAt = record.startedAt();
        this.pausedAt = record.pausedAt();
        this.pausedTotal = record.pausedTotal();
        this.pendingSignal = record.pendingSignal();
        this.exitCode = record.exitCode();
        this.log = new LogWriter(setup.logPath(), setup.process().terminal());
        this.stdin = new StdinPipe(this::onStdinActivity, setup.openStdin());
        // After a restart the stdin of a started process is gone: nobody can write to it, nobody closes it.
        this.stdinLost = setup.openStdin() && status != CREATED;
        this.process = new SimulatedProcess(program, record.progress(), log, stdin);
        if (!process.readsStdin()) {
            stdin.discard();
        }
    }

    /** A new container: creates its log file and persists it as CREATED. */
    static SimulatedContainer create(ContainerSetup setup, List<Step> program, StateStore store,
            Scheduler scheduler) {
        ContainerRecord record = new ContainerRecord(setup, CREATED, null, null, Duration.ZERO, 0, null,
                ProcessProgress.START);
        SimulatedContainer container = new SimulatedContainer(record, program, store, scheduler);
        container.log.create();
        container.persist();
        return container;
    }

    /**
     * A container loaded from its state file. A running one continues at once: output and the exit of a
     * process whose time ran out while the runtime was down are written now; a sleep still in progress is
     * re-scheduled. It has no exec sessions: they are not persisted.
     */
    static SimulatedContainer restore(ContainerRecord record, StateStore store, Scheduler scheduler) {
        List<Step> program = CommandSet.program(record.setup().process());
        ContainerRecord complete = new ContainerRecord(record.setup().withLimitsFromBundle(), record.status(),
                record.startedAt(), record.pausedAt(), record.pausedTotal(), record.pendingSignal(),
                record.exitCode(), record.progress());
        SimulatedContainer container = new SimulatedContainer(complete, program, store, scheduler);
        container.saved = record;
        container.continueAfterRestore();
        return container;
    }

    synchronized RuntimeState state() {
        return new RuntimeState(setup.id(), status, status == STOPPED ? 0 : setup.pid());
    }

    synchronized void start() {
        requireAttached();
        if (status != CREATED) {
            throw new ConflictException(status == STOPPED ? "cannot start a container that has stopped"
                    : "cannot start an already running container");
        }
        status = RUNNING;
        startedAt = scheduler.now();
        persist();
        wakeAfter(Duration.ZERO);
    }

    /** Delivers a signal; see {@link Signals}. A terminating signal other than KILL waits for resume when paused. */
    synchronized void kill(int signal) {
        requireAttached();
        if (status == STOPPED) {
            throw new ConflictException("container not running");
        }
        if (!Signals.terminates(signal)) {
            LOG.debug("Container {} ignores signal {}", setup.id(), signal);
        } else if (status == PAUSED && signal != Signals.SIGKILL) {
            pendingSignal = pendingSignal == 0 ? signal : pendingSignal;
            persist();
        } else {
            exitBySignal(signal);
        }
    }

    synchronized void pause() {
        requireAttached();
        if (status != RUNNING) {
            throw new ConflictException(status == PAUSED ? "container already paused" : "container not running");
        }
        cancelTimer();
        Instant now = scheduler.now();
        process.freeze(now);
        execs.freezeAll(now);
        status = PAUSED;
        pausedAt = now;
        persist();
    }

    synchronized void resume() {
        requireAttached();
        if (status != PAUSED) {
            throw new ConflictException("container not paused");
        }
        Instant now = scheduler.now();
        status = RUNNING;
        pausedTotal = pausedTotal.plus(Duration.between(pausedAt, now));
        pausedAt = null;
        process.thaw(now);
        if (pendingSignal != 0) {
            exitBySignal(pendingSignal);
            return;
        }
        execs.thawAll(now);
        persist();
        wakeAfter(Duration.ZERO);
    }

    /**
     * Ends the container and removes its state file. A running or paused one needs {@code force}, which kills
     * it with SIGKILL (exit file 137); a created one is killed the same way with {@code force} and removed
     * quietly without.
     */
    synchronized void delete(boolean force) {
        requireAttached();
        if ((status == RUNNING || status == PAUSED) && !force) {
            throw new ConflictException("cannot delete running container");
        }
        if (status != STOPPED && force) {
            exitBySignal(Signals.SIGKILL);
        }
        detach();
        stdin.close();
        store.delete(setup.id());
    }

    /** A new stream into the container's stdin; see {@link io.berth.api.runtime.OciRuntime#openStdin}. */
    synchronized OutputStream openStdin() {
        if (!setup.openStdin()) {
            throw new ConflictException("container " + setup.id() + " was not created with an open stdin");
        }
        if (status == STOPPED) {
            throw new ConflictException("container not running");
        }
        if (stdinLost) {
            throw new ConflictException("the stdin of container " + setup.id()
                    + " was lost when the mock runtime restarted");
        }
        if (stdin.isClosed()) {
            throw new ConflictException("the stdin of container " + setup.id() + " is closed");
        }
        return stdin.open();
    }

    /**
     * Starts an exec session in this running container; see {@link io.berth.api.runtime.OciRuntime#exec}.
     *
     * @param pids hands out the session's fake pid, called only when the session is accepted
     */
    synchronized void exec(RuntimeExecRequest request, IntSupplier pids) {
        requireAttached();
        if (status != RUNNING) {
            throw new ConflictException(status == PAUSED
                    ? "container " + setup.id() + " is paused, unpause the container before exec"
                    : "container not running");
        }
        List<Step> program = CommandSet.program(new ProcessSpec(request.args(), request.env(), request.cwd(),
                request.terminal()));
        execs.start(new ExecSession(this, setup.id(), request, program, pids.getAsInt(), scheduler));
    }

    /** The stdin of an exec session; see {@link io.berth.api.runtime.OciRuntime#openExecStdin}. */
    synchronized OutputStream openExecStdin(Path sessionDir) {
        if (status == STOPPED) {
            throw new ConflictException("container not running");
        }
        return execs.openStdin(setup.id(), sessionDir);
    }

    /**
     * Records a resize of the container's terminal (in memory only); a container without a terminal ignores it,
     * as conmon does. A stopped container is a {@link ConflictException}.
     */
    synchronized void resize(TerminalSize size) {
        requireAttached();
        if (status == STOPPED) {
            throw new ConflictException("container not running");
        }
        if (setup.process().terminal()) {
            terminalSize = size;
        }
    }

    /** Records a resize of an exec session's terminal; see {@link ExecSession#resize}. */
    synchronized void resizeExec(Path sessionDir, TerminalSize size) {
        if (status == STOPPED) {
            throw new ConflictException("container not running");
        }
        execs.require(setup.id(), sessionDir).resize(size);
    }

    /** The size the last resize set, or {@code null} (never resized, or no terminal). */
    synchronized TerminalSize terminalSize() {
        return terminalSize;
    }

    /** The size the last resize of a running exec session set, or {@code null}. */
    synchronized TerminalSize terminalSize(Path sessionDir) {
        return execs.require(setup.id(), sessionDir).terminalSize();
    }

    /** The fake pid of the container's process, then those of its running exec sessions. */
    synchronized List<Integer> processes() {
        if (status == STOPPED) {
            throw new ConflictException("container not running");
        }
        List<Integer> pids = new ArrayList<>();
        pids.add(setup.pid());
        pids.addAll(execs.pids());
        return pids;
    }

    /** The simulated statistics of a running or paused container; see {@link StatsSimulation}. */
    synchronized RuntimeStats stats() {
        if (status != RUNNING && status != PAUSED) {
            throw new ConflictException("container not running");
        }
        Instant until = status == PAUSED ? pausedAt : scheduler.now();
        Duration running = Duration.between(startedAt, until).minus(pausedTotal);
        return StatsSimulation.of(running.isNegative() ? Duration.ZERO : running, execs.count(), setup.limits());
    }

    /** Stops the timers for good, leaving the process "running" on disk (bundle stop). Idempotent. */
    /**
     * Refuses a change once the runtime has let the container go (its bundle is stopping): nothing is changed or
     * persisted, so the next runtime instance finds the container as it was.
     */
    private void requireAttached() {
        if (detached) {
            throw new IllegalStateException("the mock runtime is stopping: container " + setup.id()
                    + " is left as it is");
        }
    }

    synchronized void detach() {
        detached = true;
        cancelTimer();
        execs.detachAll();
    }

    private synchronized void continueAfterRestore() {
        if (status == RUNNING) {
            advance();
        }
    }

    private synchronized void onTimer(long generation) {
        if (!detached && generation == timerGeneration && status == RUNNING) {
            advance();
        }
    }

    private synchronized void onStdinActivity() {
        if (!detached && status == RUNNING && process.waitsForStdin()) {
            advance();
        }
    }

    private void advance() {
        Instant now = scheduler.now();
        Outcome outcome = process.advance(now);
        if (outcome instanceof Exited exited) {
            exit(exited.code(), Signals.exitCode(Signals.SIGKILL));
            return;
        }
        persist();
        if (outcome instanceof SleepingUntil sleeping) {
            wakeAfter(Duration.between(now, sleeping.deadline()));
        }
    }

    /** Ends the process and its exec sessions with 128 + {@code signal}. */
    private void exitBySignal(int signal) {
        exit(Signals.exitCode(signal), Signals.exitCode(signal));
    }

    /**
     * Records the end of the process: exec sessions end with {@code execCode}, then status, exit file and state
     * file (a crash in between replays the exit).
     */
    private void exit(int code, int execCode) {
        execs.endAll(execCode);
        cancelTimer();
        status = STOPPED;
        exitCode = code;
        pausedAt = null;
        pendingSignal = 0;
        stdin.discard();
        writeExitFile(code);
        persist();
    }

    private void writeExitFile(int code) {
        try {
            AtomicFiles.write(setup.exitDir().resolve(setup.id()),
                    Integer.toString(code).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.error("Cannot write the exit file of container {} in {}", setup.id(), setup.exitDir(), e);
        }
    }

    private void wakeAfter(Duration delay) {
        cancelTimer();
        long generation = ++timerGeneration;
        timer = scheduler.schedule(() -> onTimer(generation), delay);
    }

    private void cancelTimer() {
        timerGeneration++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Writes the state file if anything changed since the last write. */
    private void persist() {
        ContainerRecord record = new ContainerRecord(setup, status, startedAt, pausedAt, pausedTotal,
                pendingSignal, exitCode, process.progress());
        if (!record.equals(saved)) {
            store.save(record);
            saved = record;
        }
    }
}
