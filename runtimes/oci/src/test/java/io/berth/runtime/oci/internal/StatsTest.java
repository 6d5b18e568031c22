package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.runtime.RuntimeStats;

class StatsTest {

    private static final long HOST = 24L << 30;
    private static final long UNLIMITED = 9223372036854771712L;

    @TempDir
    Path dir;

    @Test
    void parsesRuncEventsStats() {
        RuntimeStats stats = EventsStats.parse("{\"type\":\"stats\",\"id\":\"s1\",\"data\":{\"cpu\":{\"usage\":"
                + "{\"total\":10471712,\"percpu\":[1,2]}},\"memory\":{\"usage\":{\"limit\":67108864,"
                + "\"usage\":733184,\"max\":2535424}},\"pids\":{\"current\":1,\"limit\":100}}}", HOST);
        assertThat(stats).isEqualTo(new RuntimeStats(10471712L, 733184L, 67108864L, 1L, 100L));
    }

    @Test
    void unlimitedMemoryIsTheHostsAndAbsentValuesAreZero() {
        RuntimeStats stats = EventsStats.parse("{\"type\":\"stats\",\"data\":{\"memory\":{\"usage\":{\"limit\":"
                + UNLIMITED + "}},\"pids\":{\"current\":3}}}", HOST);
        assertThat(stats).isEqualTo(new RuntimeStats(0, 0, HOST, 3, 0));
    }

    @Test
    void readsCgroupV1FilesOfTheProcess() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc/42"));
        Files.writeString(proc.resolve("cgroup"), "9:name=systemd:/c1\n8:pids:/c1\n4:memory:/c1\n"
                + "2:cpu,cpuacct:/c1\n0::/\n");
        Path cgroups = dir.resolve("cgroup");
        write(cgroups.resolve("cpu,cpuacct/c1/cpuacct.usage"), "123456\n");
        write(cgroups.resolve("memory/c1/memory.usage_in_bytes"), "4096\n");
        write(cgroups.resolve("memory/c1/memory.limit_in_bytes"), "8192\n");
        write(cgroups.resolve("pids/c1/pids.current"), "2\n");
        write(cgroups.resolve("pids/c1/pids.max"), "50\n");
        assertThat(new CgroupStats(dir.resolve("proc"), cgroups, HOST).read(42))
                .isEqualTo(new RuntimeStats(123456L, 4096L, 8192L, 2L, 50L));
    }

    @Test
    void missingCgroupFilesAreZeroAndUnlimitedValuesNormalised() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc/7"));
        Files.writeString(proc.resolve("cgroup"), "4:memory:/c2\n8:pids:/c2\n");
        write(dir.resolve("cgroup/memory/c2/memory.usage_in_bytes"), "100");
        write(dir.resolve("cgroup/memory/c2/memory.limit_in_bytes"), Long.toString(UNLIMITED));
        write(dir.resolve("cgroup/pids/c2/pids.max"), "max\n");
        assertThat(new CgroupStats(dir.resolve("proc"), dir.resolve("cgroup"), HOST).read(7))
                .isEqualTo(new RuntimeStats(0, 100, HOST, 0, 0));
    }

    @Test
    void goneProcessIsAConflict() {
        assertThatThrownBy(() -> new CgroupStats(dir, dir, HOST).read(99)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not running");
    }

    @Test
    void hostMemoryComesFromMeminfo() throws Exception {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal:       24684084 kB\nMemFree: 1 kB\n");
        assertThat(HostMemory.total(meminfo)).isEqualTo(24684084L * 1024);
        assertThat(HostMemory.total(dir.resolve("missing"))).isZero();
        assertThat(HostMemory.total()).isPositive();
    }

    @Test
    void effectiveLimitIsCappedByTheHost() {
        assertThat(HostMemory.effectiveLimit(1000, 5000)).isEqualTo(1000);
        assertThat(HostMemory.effectiveLimit(UNLIMITED, 5000)).isEqualTo(5000);
        assertThat(HostMemory.effectiveLimit(0, 5000)).isEqualTo(5000);
        assertThat(HostMemory.effectiveLimit(UNLIMITED, 0)).isEqualTo(UNLIMITED);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
