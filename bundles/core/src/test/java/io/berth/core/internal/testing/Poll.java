package io.berth.core.internal.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous deadline; never asserts on how fast something happens. */
public final class Poll {

    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} when the deadline passes first. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
