package io.berth.runtime.mock.internal;

import io.berth.common.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.ConflictException;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.runtime.mock.internal.Outcome.Exited;
import io.berth.runtime.mock.internal.Outcome.SleepingUntil;

/**
 * One exec session: a simulated process started in a running container. It runs a program of the same
 * {@link CommandSet} as containers, with the request's env and cwd, writes its output to the request's log and
 * its exit code to {@code <exitDir>/<container id>}. It ends by itself, or when its container ends
 * ({@link #end}), and freezes while the container is paused. Sessions are not persisted: after
 * {@link #detach()} (runtime deactivation) the session writes nothing more, and a new runtime instance does
 * not know it.
 *
 * <p>Guarded by the owning container's monitor ({@code lock}): every method must be called with it held; the
 * session's timer and stdin callbacks take it themselves.
 */
final class ExecSession {

    private static final Logger LOG = LoggerFactory.getLogger(ExecSession.class);

    private final Object lock;
    private final String containerId;
    private final Path sessionDir;
    private final Path exitDir;
    private final int pid;
    private final boolean openStdin;
    private final boolean terminal;
    private final Scheduler scheduler;
    private final LogWriter log;
    private final StdinPipe stdin;
    private final SimulatedProcess process;
    private Scheduler.Cancellable timer;
    private long timerGeneration;
    private boolean frozen;
    private boolean ended;
    private boolean detached;
    private TerminalSize terminalSize;

    /**
     * A session that has not started yet.
     *
     * @param lock    the owning container's monitor
     * @param program the steps of {@code request.args()}, already checked against the command set
     * @param pid     its fake pid
     */
    ExecSession(Object lock, String containerId, RuntimeExecRequest request, List<Step> program, int pid,
            Scheduler scheduler) {
        this.lock = lock;
        this.containerId = containerId;
        this.sessionDir = request.sessionDir();
        this.exitDir = request.exitDir();
        this.pid = pid;
        this.openStdin = request.openStdin();
        this.scheduler = scheduler;
        this.log = new LogWriter(request.logPath(), request.terminal());
        this.terminal = request.terminal();
        this.stdin = new StdinPipe(this::onStdinActivity, request.openStdin());
        this.process = new SimulatedProcess(program, ProcessProgress.START, log, stdin);
        if (!process.readsStdin()) {
            stdin.discard();
        }
    }

    /**
     * Records a resize of the session's terminal; a session without one ignores it, as conmon does.
     *
     * @throws ConflictException when the session has ended
     */
    void resize(TerminalSize size) {
        if (!running()) {
            throw new ConflictException("the exec session in " + sessionDir + " has ended");
        }
        if (terminal) {
            terminalSize = size;
        }
    }

    /** The size the last resize set, or {@code null}. */
    TerminalSize terminalSize() {
        return terminalSize;
    }

    /** Creates the log file and lets the program run on the scheduler thread right after. */
    void start() {
        log.create();
        wakeAfter(Duration.ZERO);
    }

    int pid() {
        return pid;
    }

    Path sessionDir() {
        return sessionDir;
    }

    /** True until the process has ended or the session was detached. */
    boolean running() {
        return !ended && !detached;
    }

    /** Stops the clock of the process (container paused): a sleep keeps its time left, input waits. */
    void freeze(Instant now) {
        if (running()) {
            cancelTimer();
            process.freeze(now);
            frozen = true;
        }
    }

    /** Lets a frozen process continue (container resumed). */
    void thaw(Instant now) {
        if (running() && frozen) {
            frozen = false;
            process.thaw(now);
            wakeAfter(Duration.ZERO);
        }
    }

    /** Ends the process with {@code code} (its container ended), writing the exit file. Idempotent. */
    void end(int code) {
        if (running()) {
            finish(code);
        }
    }

    /** Forgets the process without an exit file (runtime deactivation). Idempotent. */
    void detach() {
        detached = true;
        cancelTimer();
    }

    /** A new stream into the session's stdin; see {@link io.berth.api.runtime.OciRuntime#openExecStdin}. */
    OutputStream openStdin() {
        if (!openStdin) {
            throw new ConflictException("the exec session in " + sessionDir + " of container " + containerId
                    + " was not started with an open stdin");
        }
        if (!running()) {
            throw new ConflictException("the exec session in " + sessionDir + " has ended");
        }
        if (stdin.isClosed()) {
            throw new ConflictException("the stdin of the exec session in " + sessionDir + " is closed");
        }
        return stdin.open();
    }

    private void onTimer(long generation) {
        synchronized (lock) {
            if (generation == timerGeneration && running() && !frozen) {
                advance();
            }
        }
    }

    private void onStdinActivity() {
        synchronized (lock) {
            if (running() && !frozen && process.waitsForStdin()) {
                advance();
            }
        }
    }

    private void advance() {
        Instant now = scheduler.now();
        Outcome outcome = process.advance(now);
        if (outcome instanceof Exited exited) {
            finish(exited.code());
        } else if (outcome instanceof SleepingUntil sleeping) {
            wakeAfter(Duration.between(now, sleeping.deadline()));
        }
    }

    private void finish(int code) {
        cancelTimer();
        ended = true;
        stdin.discard();
        try {
            AtomicFiles.write(exitDir.resolve(containerId), Integer.toString(code).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.error("Cannot write the exit file of exec session {} of container {}", sessionDir, containerId, e);
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
}
