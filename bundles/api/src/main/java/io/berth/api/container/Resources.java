package io.berth.api.container;

/**
 * Resource limits; 0 means "no limit" / "runtime default" for every field.
 *
 * @param memoryBytes memory limit in bytes
 * @param cpuShares   relative CPU weight (cgroup v1 cpu.shares)
 * @param cpuQuota    CPU CFS quota in microseconds per period
 * @param cpuPeriod   CPU CFS period in microseconds
 * @param nanoCpus    CPU limit in units of 1e-9 CPUs (Docker's {@code --cpus})
 * @param pidsLimit   maximum number of processes
 */
public record Resources(long memoryBytes, long cpuShares, long cpuQuota, long cpuPeriod, long nanoCpus,
        long pidsLimit) {

    /** No limits at all. */
    public static final Resources NONE = new Resources(0, 0, 0, 0, 0, 0);
}
