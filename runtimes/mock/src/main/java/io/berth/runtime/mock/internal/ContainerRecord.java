package io.berth.runtime.mock.internal;

import java.time.Instant;

import io.berth.api.runtime.RuntimeStatus;

/**
 * The persisted state of one simulated container: the content of {@code <stateDir>/<id>.json}.
 *
 * @param setup         what it was created with
 * @param status        its status
 * @param startedAt     when it was started; {@code null} before
 * @param pausedAt      when it was paused; {@code null} unless paused
 * @param pendingSignal a terminating signal received while paused, delivered on resume; 0 for none
 * @param exitCode      its exit code once stopped; {@code null} before
 * @param progress      how far its program has run
 */
record ContainerRecord(ContainerSetup setup, RuntimeStatus status, Instant startedAt,
        Instant pausedAt, int pendingSignal, Integer exitCode, ProcessProgress progress) {
}
