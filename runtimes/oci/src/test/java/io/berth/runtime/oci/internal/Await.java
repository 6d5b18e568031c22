package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls with a deadline instead of sleeping: the deadline only bounds a failing test. */
final class Await {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        value(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    static <T> T value(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                return fail("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
