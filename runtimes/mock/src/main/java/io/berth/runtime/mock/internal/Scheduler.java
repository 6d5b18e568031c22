package io.berth.runtime.mock.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the timers that simulated processes run on. Production uses {@link ExecutorScheduler};
 * tests may substitute a virtual clock. Implementations are thread-safe.
 */
interface Scheduler extends AutoCloseable {

    /** The current time; used for sleep deadlines and log timestamps. */
    Instant now();

    /** Runs {@code task} once, on a scheduler thread, after {@code delay} (zero: as soon as possible). */
    Cancellable schedule(Runnable task, Duration delay);

    /** Stops running tasks and releases threads; pending tasks are dropped. Idempotent. */
    @Override
    void close();

    /** A scheduled task. */
    interface Cancellable {

        /** Prevents the task from running if it has not started yet. Idempotent. */
        void cancel();
    }
}
