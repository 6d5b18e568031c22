package io.berth.core.internal.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecSpec;
import io.berth.api.error.ConflictException;
import io.berth.core.internal.monitor.ExitMonitor;
import io.berth.core.internal.store.ContainerRecord;

/**
 * One exec session: created, then started once, then ended with an exit code. Its files live in
 * {@code <root>/containers/<id>/exec/<execId>/}: {@code exec.log} (the output) and {@code exits/} (where the
 * runtime writes the exit code). Thread-safe; the exit future is completed outside the session's monitor.
 */
final class ExecSession {

    private final String id;
    private final ContainerRecord container;
    private final ExecSpec spec;
    private final Path dir;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** Completes once the process runs, failed to start, ended or was abandoned: the start is settled. */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private boolean startFailed;
    private boolean started;
    private boolean running;
    private Integer exitCode;
    private ExitMonitor.Watch watch;

    /**
     * @param container the container's record when the session was created (for events once it is gone)
     */
    ExecSession(String id, ContainerRecord container, ExecSpec spec, Path dir) {
        this.id = id;
        this.container = container;
        this.spec = spec;
        this.dir = dir;
    }

    String id() {
        return id;
    }

    String containerId() {
        return container.id();
    }

    ContainerRecord containerAtCreation() {
        return container;
    }

    ExecSpec spec() {
        return spec;
    }

    Path dir() {
        return dir;
    }

    Path logPath() {
        return dir.resolve("exec.log");
    }

    Path exitsDir() {
        return dir.resolve("exits");
    }

    /** The command as Docker shows it in events. */
    String commandLine() {
        return String.join(" ", spec.cmd());
    }

    /** Marks the session started and running. @throws ConflictException when it was started before */
    synchronized void claimStart() {
        if (exitCode != null) {
            throw new ConflictException("Error: Exec command " + id + " has already run");
        }
        if (started) {
            throw new ConflictException("Error: Exec command " + id + " is already running");
        }
        started = true;
        running = true;
    }

    /** Undoes {@link #claimStart()} when the start was refused before anything ran. */
    synchronized void releaseStart() {
        if (exitCode == null) {
            started = false;
            running = false;
        }
    }

    /** The runtime runs the process: waiters of {@link #awaitSettled} go on. */
    void launched() {
        settled.complete(null);
    }

    /** The process could not be started; {@link #finish} follows. */
    synchronized void markStartFailed() {
        startFailed = true;
    }

    synchronized boolean startFailed() {
        return startFailed;
    }

    /**
     * Waits until the start is settled: the process runs, could not start or has ended.
     *
     * @return false when {@code timeout} passed first
     */
    boolean awaitSettled(Duration timeout) {
        try {
            settled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Remembers the watch of the exits directory; closes it at once when the session already ended. */
    void watching(ExitMonitor.Watch newWatch) {
        boolean ended;
        synchronized (this) {
            ended = exitCode != null;
            if (!ended) {
                watch = newWatch;
            }
        }
        if (ended) {
            newWatch.close();
        }
    }

    /**
     * Records the exit code, stops watching and answers the waiters.
     *
     * @return false when the session had ended before (nothing changes)
     */
    boolean finish(int code) {
        ExitMonitor.Watch ended;
        synchronized (this) {
            if (exitCode != null) {
                return false;
            }
            exitCode = code;
            running = false;
            started = true;
            ended = watch;
            watch = null;
        }
        if (ended != null) {
            ended.close();
        }
        settled.complete(null);
        exit.complete(code);
        return true;
    }

    /** Fails the waiters of a session that never started (its container went away). */
    void abandon(RuntimeException reason) {
        settled.complete(null);
        exit.completeExceptionally(reason);
    }

    synchronized boolean isRunning() {
        return running;
    }

    synchronized boolean hasEnded() {
        return exitCode != null;
    }

    /** Completes with the exit code; a copy, so that callers cannot complete it. */
    CompletableFuture<Integer> exit() {
        return exit.copy();
    }

    synchronized ExecInfo info() {
        return new ExecInfo(id, container.id(), spec, running, exitCode, started);
    }
}
