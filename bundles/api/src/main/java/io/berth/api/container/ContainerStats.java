package io.berth.api.container;

import java.time.Instant;

/**
 * One reading of a running container's resource usage ({@code docker stats}).
 *
 * @param read                when it was read
 * @param cpuUsageNanos       CPU time used by the container
 * @param systemCpuUsageNanos CPU time of the whole host (Docker's {@code system_cpu_usage}), for percentages
 * @param onlineCpus          CPUs of the host
 * @param memoryUsageBytes    memory in use
 * @param memoryLimitBytes    memory limit (the host's memory when unlimited)
 * @param pidsCurrent         processes now
 * @param pidsLimit           process limit, 0 when unlimited
 */
public record ContainerStats(Instant read, long cpuUsageNanos, long systemCpuUsageNanos, int onlineCpus,
        long memoryUsageBytes, long memoryLimitBytes, long pidsCurrent, long pidsLimit) {
}
