package io.berth.runtime.oci.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Bounded polling for things written by other processes: parks 1 ms between probes for the first second
 * (what a container create usually takes fits in it, and a probe is one cheap file system call), then
 * doubles the pause up to 20 ms, until the probe yields a value or the deadline passes.
 */
final class Polling {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long EAGER_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private Polling() {
    }

    /** The probe's first value, or empty when the deadline passed (or the thread was interrupted) first. */
    static <T> Optional<T> poll(Duration timeout, Supplier<Optional<T>> probe) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            Optional<T> value = probe.get();
            long left = deadline - System.nanoTime();
            if (value.isPresent() || left <= 0 || Thread.currentThread().isInterrupted()) {
                return value;
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (System.nanoTime() - start > EAGER_PERIOD_NANOS) {
                pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            }
        }
    }
}
