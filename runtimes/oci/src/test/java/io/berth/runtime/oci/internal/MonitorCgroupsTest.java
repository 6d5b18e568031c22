package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.common.host.MountTable;

/** Where monitors go, on hierarchies that are plain directories (the files a cgroup file system would have). */
class MonitorCgroupsTest {

    @TempDir
    Path dir;

    private MonitorCgroups cgroups;

    @BeforeEach
    void hierarchies() throws Exception {
        String mountinfo = String.join("\n",
                "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
                "30 25 0:27 / " + dir.resolve("pids") + " rw,nosuid - cgroup cgroup rw,pids",
                "31 25 0:28 / " + dir.resolve("cpuset") + " rw,nosuid - cgroup cgroup rw,cpuset",
                "32 25 0:29 / " + dir.resolve("unified") + " rw,nosuid - cgroup2 cgroup2 rw,nsdelegate",
                "40 27 0:27 / " + dir.resolve("pids-again") + " rw,nosuid - cgroup cgroup ro,pids",
                "");
        cgroups = new MonitorCgroups(() -> MountTable.parse(mountinfo));
        for (String hierarchy : List.of("pids", "cpuset", "unified")) {
            Files.createDirectories(dir.resolve(hierarchy));
        }
        Files.writeString(dir.resolve("cpuset/cpuset.cpus"), "0-1\n");
        Files.writeString(dir.resolve("cpuset/cpuset.mems"), "0\n");
    }

    @Test
    void theMonitorsCgroupIsConmonBesideTheContainers() {
        assertThat(MonitorCgroups.cgroupFor(Json.parse("{\"linux\": {\"cgroupsPath\": \"/berth/c1\"}}", "config")))
                .contains("/berth/conmon");
        assertThat(MonitorCgroups.cgroupFor(Json.parse("{\"linux\": {\"cgroupsPath\": \"/a/b/c1/\"}}", "config")))
                .contains("/a/b/conmon");
        assertThat(MonitorCgroups.cgroupFor(Json.parse("{\"linux\": {\"cgroupsPath\": \"/c1\"}}", "config")))
                .contains("/conmon");
    }

    @Test
    void noAbsoluteCgroupsPathLeavesTheMonitorWhereItIs() {
        assertThat(MonitorCgroups.cgroupFor(Json.parse("{\"linux\": {}}", "config"))).isEmpty();
        assertThat(MonitorCgroups.cgroupFor(Json.parse("{}", "config"))).isEmpty();
        assertThat(MonitorCgroups.cgroupFor(Json.parse("{\"linux\": {\"cgroupsPath\": \"system.slice:berth:c1\"}}",
                "config"))).isEmpty();
    }

    @Test
    void joinsEveryHierarchyOnce() throws Exception {
        assertThat(cgroups.join(4242, "/berth/conmon")).isEmpty();
        for (String hierarchy : List.of("pids", "cpuset", "unified")) {
            assertThat(dir.resolve(hierarchy + "/berth/conmon/cgroup.procs")).content().isEqualTo("4242");
        }
        assertThat(dir.resolve("pids-again/berth")).doesNotExist();
    }

    @Test
    void newCpusetsGetTheirParentsProcessorsAndMemoryNodes() throws Exception {
        Files.createDirectories(dir.resolve("cpuset/berth/conmon"));
        for (Path level : List.of(dir.resolve("cpuset/berth"), dir.resolve("cpuset/berth/conmon"))) {
            Files.writeString(level.resolve("cpuset.cpus"), "\n");
            Files.writeString(level.resolve("cpuset.mems"), "");
        }
        cgroups.join(7, "/berth/conmon");
        assertThat(dir.resolve("cpuset/berth/cpuset.cpus")).content().isEqualTo("0-1");
        assertThat(dir.resolve("cpuset/berth/conmon/cpuset.mems")).content().isEqualTo("0");
        assertThat(dir.resolve("cpuset/berth/conmon/cgroup.procs")).content().isEqualTo("7");
    }

    @Test
    void aFailedMoveIsReportedAndTheOtherHierarchiesStillJoined() throws Exception {
        Files.writeString(dir.resolve("pids/berth"), "a file where the cgroup should be");
        assertThat(cgroups.join(9, "/berth/conmon")).containsExactly(dir.resolve("pids"));
        assertThat(dir.resolve("unified/berth/conmon/cgroup.procs")).content().isEqualTo("9");
    }

    @Test
    void monitorsStartingTogetherBothCreateAndJoinTheSameNewCgroup() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                String cgroup = "/round" + round + "/conmon";
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<Path>>> joins = List.of(
                        pool.submit(() -> joinWhenBothReady(together, 1, cgroup)),
                        pool.submit(() -> joinWhenBothReady(together, 2, cgroup)));
                for (Future<List<Path>> join : joins) {
                    assertThat(join.get()).as("hierarchies that failed in round %d", round).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Path> joinWhenBothReady(CyclicBarrier together, int pid, String cgroup) throws Exception {
        together.await();
        return cgroups.join(pid, cgroup);
    }
}
