package io.berth.api.runtime;

/**
 * Resource usage of a container, read from its cgroups. A value the runtime cannot read is 0.
 *
 * @param cpuUsageNanos    CPU time used by all its processes
 * @param memoryUsageBytes memory in use
 * @param memoryLimitBytes memory limit (the host's memory when unlimited)
 * @param pidsCurrent      processes now
 * @param pidsLimit        process limit, 0 when unlimited
 */
public record RuntimeStats(long cpuUsageNanos, long memoryUsageBytes, long memoryLimitBytes, long pidsCurrent,
        long pidsLimit) {
}
