package io.berth.runtime.mock.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A virtual clock for tests: time moves only through {@link #advance}, which runs due tasks in deadline order
 * on the calling thread. Closing it does nothing, so several runtimes can share it one after the other.
 */
final class ManualScheduler implements Scheduler {

    private Instant now = Instant.parse("2026-11-27T16:41:53.600148797Z");
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;
    private boolean ignoreCancel;

    private record Task(Instant due, long sequence, Runnable action) {
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable action, Duration delay) {
        Task task = new Task(now.plus(delay), sequence++, action);
        tasks.add(task);
        return () -> cancel(task);
    }

    @Override
    public void close() {
    }

    /** From now on, cancelled tasks still run: the race of a timer that fired just before it was cancelled. */
    synchronized void ignoreCancellations() {
        ignoreCancel = true;
    }

    /** Moves time forward by {@code duration}, running every task that falls due on the way. */
    void advance(Duration duration) {
        Instant target = now().plus(duration);
        for (Task task = nextDue(target); task != null; task = nextDue(target)) {
            task.action().run();
        }
        synchronized (this) {
            now = target;
        }
    }

    void advanceSeconds(double seconds) {
        advance(Duration.ofNanos((long) (seconds * 1_000_000_000L)));
    }

    /** Runs the tasks that are due now, such as a just-started process. */
    void runDue() {
        advance(Duration.ZERO);
    }

    synchronized int pendingTasks() {
        return tasks.size();
    }

    private synchronized Task nextDue(Instant target) {
        Task next = tasks.stream()
                .min(Comparator.comparing(Task::due).thenComparingLong(Task::sequence))
                .filter(task -> !task.due().isAfter(target))
                .orElse(null);
        if (next != null) {
            tasks.remove(next);
            now = next.due().isAfter(now) ? next.due() : now;
        }
        return next;
    }

    private synchronized void cancel(Task task) {
        if (!ignoreCancel) {
            tasks.remove(task);
        }
    }
}
