package io.berth.rest.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.assertj.core.api.Assertions;

/** Waits for something another thread does: polls with a deadline, never a fixed sleep. */
public final class Eventually {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private Eventually() {
    }

    /** Returns once {@code actual} equals {@code expected}; fails with the last value after the deadline. */
    public static <T> void assertEquals(T expected, Supplier<T> actual) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        T last = actual.get();
        while (!expected.equals(last) && System.nanoTime() < end) {
            Thread.sleep(5);
            last = actual.get();
        }
        Assertions.assertThat(last).isEqualTo(expected);
    }
}
