package io.berth.runtime.mock.internal;

import java.time.Duration;
import java.time.Instant;

import io.berth.api.runtime.RuntimeStatus;

/**
 * The persisted state of one simulated container: the content of {@code <stateDir>/<id>.json}.
 *
 * @param setup         what it was created with
 * @param status        its status
 * @param startedAt     when it was started; {@code null} before
 * @param pausedAt      when it was paused; {@code null} unless paused
 * @param pausedTotal   how long it was paused before, all pauses summed (not counting a pause in progress);
 *                      {@code null} reads as zero
 * @param pendingSignal a terminating signal received while paused, delivered on resume; 0 for none
 * @param exitCode      its exit code once stopped; {@code null} before
 * @param progress      how far its program has run
 */
record ContainerRecord(ContainerSetup setup, RuntimeStatus status, Instant startedAt, Instant pausedAt,
        Duration pausedTotal, int pendingSignal, Integer exitCode, ProcessProgress progress) {

    ContainerRecord {
        pausedTotal = pausedTotal == null ? Duration.ZERO : pausedTotal;
    }
}
