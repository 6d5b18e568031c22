package io.berth.core.internal.container;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.berth.api.error.BerthException;

/** Blocking waits on futures with a bound. */
final class Waits {

    private Waits() {
    }

    /**
     * Waits for the future to complete, normally or not.
     *
     * @param timeout how long; {@code null} for no bound
     * @return false when the time ran out
     * @throws BerthException when the thread is interrupted (the interrupt flag is kept)
     */
    static boolean await(CompletableFuture<?> future, Duration timeout) {
        try {
            if (timeout == null) {
                future.get();
            } else {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (ExecutionException | CancellationException completedAnyway) {
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted while waiting for a container to exit", e);
        }
    }
}
