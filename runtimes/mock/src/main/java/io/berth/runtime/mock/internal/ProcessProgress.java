package io.berth.runtime.mock.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a simulated program has run; persisted so the program can continue after a restart.
 *
 * @param nextStep        index of the step to run next
 * @param lastStatus      exit status of the last command, the program's exit code if nothing else ends it
 * @param sleepDeadline   when the current sleep ends; {@code null} when not sleeping or while paused
 * @param frozenRemaining what is left of the current sleep while the container is paused; {@code null} otherwise
 */
record ProcessProgress(int nextStep, int lastStatus, Instant sleepDeadline, Duration frozenRemaining) {

    /** A program that has not run yet. */
    static final ProcessProgress START = new ProcessProgress(0, 0, null, null);
}
