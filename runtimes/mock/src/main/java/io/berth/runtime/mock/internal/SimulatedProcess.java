package io.berth.runtime.mock.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.berth.api.container.LogEntry;
import io.berth.runtime.mock.internal.Outcome.Exited;
import io.berth.runtime.mock.internal.Outcome.SleepingUntil;
import io.berth.runtime.mock.internal.Outcome.Waiting;
import io.berth.runtime.mock.internal.Step.Exit;
import io.berth.runtime.mock.internal.Step.Output;
import io.berth.runtime.mock.internal.Step.ReadStdin;
import io.berth.runtime.mock.internal.Step.SetStatus;
import io.berth.runtime.mock.internal.Step.Sleep;

/**
 * Executes a program's steps against a log and a stdin pipe. It knows nothing of timers, locks or files: the
 * owner calls {@link #advance} whenever time has passed or input has arrived, and learns from the
 * {@link Outcome} when to call again. Not thread-safe: the owning container calls it with its lock held.
 */
final class SimulatedProcess {

    private final List<Step> steps;
    private final LogWriter log;
    private final StdinPipe stdin;
    private int nextStep;
    private int lastStatus;
    private Instant sleepDeadline;
    private Duration frozenRemaining;

    SimulatedProcess(List<Step> steps, ProcessProgress progress, LogWriter log, StdinPipe stdin) {
        this.steps = List.copyOf(steps);
        this.log = log;
        this.stdin = stdin;
        this.nextStep = progress.nextStep();
        this.lastStatus = progress.lastStatus();
        this.sleepDeadline = progress.sleepDeadline();
        this.frozenRemaining = progress.frozenRemaining();
    }

    /** Runs every step that can run at {@code now}; returns whether the program ended or what it waits for. */
    Outcome advance(Instant now) {
        while (nextStep < steps.size()) {
            Outcome blocked = run(steps.get(nextStep), now);
            if (blocked != null) {
                return blocked;
            }
        }
        return new Exited(lastStatus);
    }

    /** Stops the clock of a running sleep (pause). */
    void freeze(Instant now) {
        if (sleepDeadline != null) {
            frozenRemaining = now.isBefore(sleepDeadline) ? Duration.between(now, sleepDeadline) : Duration.ZERO;
            sleepDeadline = null;
        }
    }

    /** Restarts the clock of a frozen sleep with the time it had left (resume). */
    void thaw(Instant now) {
        if (frozenRemaining != null) {
            sleepDeadline = now.plus(frozenRemaining);
            frozenRemaining = null;
        }
    }

    /** True when the program waits for input: writing to stdin is a reason to advance it. */
    boolean waitsForStdin() {
        return nextStep < steps.size() && steps.get(nextStep) instanceof ReadStdin;
    }

    /** True when some step reads stdin; otherwise input can be discarded. */
    boolean readsStdin() {
        return steps.stream().anyMatch(ReadStdin.class::isInstance);
    }

    ProcessProgress progress() {
        return new ProcessProgress(nextStep, lastStatus, sleepDeadline, frozenRemaining);
    }

    /** Runs one step; returns {@code null} when it completed, or the outcome that blocks the program. */
    private Outcome run(Step step, Instant now) {
        if (step instanceof Output output) {
            log.lines(now, output.stream(), output.text());
        } else if (step instanceof SetStatus status) {
            lastStatus = status.code();
        } else if (step instanceof Exit exit) {
            nextStep = steps.size();
            return new Exited(exit.code() == null ? lastStatus : exit.code());
        } else if (step instanceof Sleep sleep) {
            return sleep(sleep, now);
        } else if (step instanceof ReadStdin read) {
            return read(read, now);
        }
        nextStep++;
        return null;
    }

    private Outcome sleep(Sleep sleep, Instant now) {
        if (sleep.forever() || frozenRemaining != null) {
            return new Waiting();
        }
        if (sleepDeadline == null) {
            sleepDeadline = now.plus(sleep.duration());
        }
        if (now.isBefore(sleepDeadline)) {
            return new SleepingUntil(sleepDeadline);
        }
        sleepDeadline = null;
        return completed();
    }

    private Outcome read(ReadStdin read, Instant now) {
        for (StdinPipe.Chunk chunk : stdin.drain()) {
            if (!read.echo()) {
                continue;
            }
            if (chunk.partial()) {
                log.partial(now, LogEntry.Stream.STDOUT, chunk.text());
            } else {
                log.lines(now, LogEntry.Stream.STDOUT, chunk.text());
            }
        }
        return stdin.exhausted() ? completed() : new Waiting();
    }

    private Outcome completed() {
        lastStatus = 0;
        nextStep++;
        return null;
    }
}
