package io.berth.rest.internal.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.api.container.ContainerStats;

/** Docker's stats document: {@code cpu_stats} against {@code precpu_stats}, memory, pids. */
public final class StatsWire {

    private StatsWire() {
    }

    /**
     * @param now  the current reading
     * @param pre  the previous reading, {@code null} for none (precpu then is zero, as in dockerd's first sample)
     * @param name the container's name without {@code /}
     * @param id   the container's id
     */
    public static Map<String, Object> stats(ContainerStats now, ContainerStats pre, String name, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", Times.rfc3339(now.read()));
        m.put("preread", pre == null ? Times.ZERO : Times.rfc3339(pre.read()));
        m.put("pids_stats", pids(now));
        m.put("blkio_stats", Map.of("io_service_bytes_recursive", List.of()));
        m.put("num_procs", 0);
        m.put("cpu_stats", cpu(now));
        m.put("precpu_stats", pre == null ? Map.of("cpu_usage", Map.of("total_usage", 0), "throttling_data",
                Map.of()) : cpu(pre));
        m.put("memory_stats", memory(now));
        m.put("name", "/" + name);
        m.put("id", id);
        return m;
    }

    private static Map<String, Object> cpu(ContainerStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu_usage", Map.of("total_usage", s.cpuUsageNanos(), "usage_in_kernelmode", 0,
                "usage_in_usermode", 0));
        m.put("system_cpu_usage", s.systemCpuUsageNanos());
        m.put("online_cpus", s.onlineCpus());
        m.put("throttling_data", Map.of("periods", 0, "throttled_periods", 0, "throttled_time", 0));
        return m;
    }

    private static Map<String, Object> memory(ContainerStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("usage", s.memoryUsageBytes());
        m.put("stats", Map.of("total_inactive_file", 0, "inactive_file", 0));
        m.put("limit", s.memoryLimitBytes());
        return m;
    }

    private static Map<String, Object> pids(ContainerStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current", s.pidsCurrent());
        if (s.pidsLimit() > 0) {
            m.put("limit", s.pidsLimit());
        }
        return m;
    }
}
