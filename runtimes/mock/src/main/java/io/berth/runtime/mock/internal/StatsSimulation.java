package io.berth.runtime.mock.internal;

import java.time.Duration;

import io.berth.api.runtime.RuntimeStats;

/**
 * The simulated resource usage of a container, a pure function of how long it has run and how many exec
 * sessions it runs, so tests can predict every value:
 * <ul>
 * <li>{@code cpuUsageNanos}: 1% of one CPU over the running time (paused time excluded): running nanos / 100</li>
 * <li>{@code memoryUsageBytes}: 4 MiB for the container's process plus 1 MiB per running exec session</li>
 * <li>{@code memoryLimitBytes}: {@code linux.resources.memory.limit}, else 1 GiB</li>
 * <li>{@code pidsCurrent}: 1 + the running exec sessions; {@code pidsLimit}: {@code linux.resources.pids.limit}
 * or 0</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class StatsSimulation {

    static final long MIB = 1L << 20;
    static final long PROCESS_MEMORY = 4 * MIB;
    static final long EXEC_SESSION_MEMORY = MIB;
    static final long CPU_SHARE_DIVISOR = 100;

    private StatsSimulation() {
    }

    /**
     * The statistics of a container.
     *
     * @param runningTime  how long it has been running, without the time it spent paused; not negative
     * @param execSessions exec sessions that run now (frozen ones included)
     * @param limits       its configured limits
     */
    static RuntimeStats of(Duration runningTime, int execSessions, ResourceLimits limits) {
        long cpu = Math.max(0, saturatedNanos(runningTime) / CPU_SHARE_DIVISOR);
        return new RuntimeStats(cpu, PROCESS_MEMORY + execSessions * EXEC_SESSION_MEMORY,
                limits.memoryLimitBytes(), 1L + execSessions, limits.pidsLimit());
    }

    /** Nanoseconds of {@code duration}, capped at {@code Long.MAX_VALUE} (292 years) instead of overflowing. */
    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
