package io.berth.runtime.mock.internal;

/**
 * The resource limits of a simulated container, as its bundle's {@code config.json} sets them in
 * {@code linux.resources}. The mock enforces none of them; {@link StatsSimulation} only reports them.
 *
 * @param memoryLimitBytes {@code linux.resources.memory.limit}, or {@link #DEFAULT_MEMORY_LIMIT} when unset
 * @param pidsLimit        {@code linux.resources.pids.limit}, or 0 (unlimited) when unset
 */
record ResourceLimits(long memoryLimitBytes, long pidsLimit) {

    /** The memory limit reported for a container without one: 1 GiB, the simulated host's memory. */
    static final long DEFAULT_MEMORY_LIMIT = 1L << 30;

    /** No limits set. */
    static final ResourceLimits NONE = new ResourceLimits(0, 0);

    /** A value of 0 or less means "unset": the memory limit becomes 1 GiB, the pids limit 0. */
    ResourceLimits {
        memoryLimitBytes = memoryLimitBytes > 0 ? memoryLimitBytes : DEFAULT_MEMORY_LIMIT;
        pidsLimit = Math.max(pidsLimit, 0);
    }
}
