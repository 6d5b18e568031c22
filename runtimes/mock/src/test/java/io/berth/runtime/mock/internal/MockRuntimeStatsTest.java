package io.berth.runtime.mock.internal;

import static io.berth.runtime.mock.internal.StatsSimulation.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.RuntimeStats;

/** stats: the documented simulation, the limits of config.json, paused time, restarts and refusals. */
class MockRuntimeStatsTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void aLoneContainerUsesOnePercentOfACpuAndFourMiB() {
        fx.run("c", "sleep", "1000");
        fx.clock.advanceSeconds(100);
        assertThat(fx.runtime.stats("c")).isEqualTo(new RuntimeStats(SECOND, 4 * MIB, 1L << 30, 1, 0));
    }

    @Test
    void eachRunningExecSessionAddsOneMiBAndOneProcess() {
        fx.run("c", "sleep", "1000");
        fx.exec("c", "a", "sleep", "50");
        fx.exec("c", "b", "sleep", "100");
        fx.clock.runDue();
        assertThat(fx.runtime.stats("c").memoryUsageBytes()).isEqualTo(6 * MIB);
        assertThat(fx.runtime.stats("c").pidsCurrent()).isEqualTo(3);
        fx.clock.advanceSeconds(50);
        assertThat(fx.runtime.stats("c").memoryUsageBytes()).isEqualTo(5 * MIB);
        assertThat(fx.runtime.stats("c").pidsCurrent()).isEqualTo(2);
    }

    @Test
    void limitsComeFromConfigJson() {
        createWithLimits("c", 64 * MIB, 20);
        fx.runtime.start("c");
        RuntimeStats stats = fx.runtime.stats("c");
        assertThat(stats.memoryLimitBytes()).isEqualTo(64 * MIB);
        assertThat(stats.pidsLimit()).isEqualTo(20);
    }

    @Test
    void pausedTimeUsesNoCpu() {
        fx.run("c", "sleep", "1000");
        fx.clock.advanceSeconds(10);
        fx.runtime.pause("c");
        fx.clock.advanceSeconds(50);
        assertThat(fx.runtime.stats("c").cpuUsageNanos()).as("stats work while paused").isEqualTo(SECOND / 10);
        fx.runtime.resume("c");
        fx.clock.advanceSeconds(10);
        assertThat(fx.runtime.stats("c").cpuUsageNanos()).isEqualTo(SECOND / 5);
    }

    @Test
    void runningTimeAndPauseTotalsSurviveARestart() {
        fx.run("c", "sleep", "1000");
        fx.clock.advanceSeconds(10);
        fx.runtime.pause("c");
        fx.clock.advanceSeconds(30);
        fx.runtime.resume("c");
        fx.runtime.deactivate();
        fx.clock.advanceSeconds(20);
        fx.runtime = new MockRuntime(fx.stateDir(), fx.clock, "1.0");
        assertThat(fx.runtime.stats("c").cpuUsageNanos()).as("the container ran while the runtime was down")
                .isEqualTo(30 * SECOND / 100);
    }

    @Test
    void aStateFileWithoutLimitsGetsThemFromTheBundle() throws Exception {
        createWithLimits("c", 32 * MIB, 7);
        fx.runtime.start("c");
        fx.runtime.deactivate();
        Path stateFile = fx.stateDir().resolve("c.json");
        ObjectNode state = (ObjectNode) Json.MAPPER.readTree(stateFile.toFile());
        ((ObjectNode) state.get("setup")).remove("limits");
        state.remove("pausedTotal");
        Files.write(stateFile, Json.MAPPER.writeValueAsBytes(state));

        fx.runtime = new MockRuntime(fx.stateDir(), fx.clock, "1.0");

        assertThat(fx.runtime.stats("c").memoryLimitBytes()).isEqualTo(32 * MIB);
        assertThat(fx.runtime.stats("c").pidsLimit()).isEqualTo(7);
    }

    @Test
    void onlyRunningOrPausedContainersHaveStats() {
        fx.create("new", "sleep", "10");
        fx.run("done", "true");
        assertThatThrownBy(() -> fx.runtime.stats("new"))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
        assertThatThrownBy(() -> fx.runtime.stats("done"))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
        assertThatThrownBy(() -> fx.runtime.stats("ghost")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void processesAreTheContainersFakePidThenItsRunningSessions() {
        fx.create("c", "sleep", "1000");
        int pid = fx.runtime.state("c").pid();
        assertThat(fx.runtime.processes("c")).as("a created container has its init process").containsExactly(pid);
        fx.runtime.start("c");
        fx.clock.runDue();
        fx.exec("c", "a", "sleep", "5");
        fx.exec("c", "b", "sleep", "10");
        List<Integer> pids = fx.runtime.processes("c");
        assertThat(pids).hasSize(3).doesNotHaveDuplicates().startsWith(pid);
        assertThat(pids).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(MockRuntime.FIRST_PID));

        fx.clock.advanceSeconds(5);
        assertThat(fx.runtime.processes("c")).containsExactly(pid, pids.get(2));

        fx.runtime.kill("c", 15, false);
        assertThatThrownBy(() -> fx.runtime.processes("c"))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
        assertThatThrownBy(() -> fx.runtime.processes("ghost")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void execPidsAreUniqueAcrossContainers() {
        fx.run("x", "sleep", "100");
        fx.exec("x", "e", "sleep", "100");
        fx.run("y", "sleep", "100");
        fx.exec("y", "e", "sleep", "100");
        assertThat(List.of(fx.runtime.processes("x"), fx.runtime.processes("y")))
                .flatMap(p -> p).doesNotHaveDuplicates().hasSize(4);
    }

    private void createWithLimits(String id, long memory, long pids) {
        Path bundle = TestBundles.withConfig(dir, id, Map.of("ociVersion", "1.0.2",
                "process", Map.of("args", List.of("sleep", "1000")),
                "linux", Map.of("resources", Map.of("memory", Map.of("limit", memory),
                        "pids", Map.of("limit", pids)))));
        fx.runtime.create(fx.request(id, bundle, false, false));
    }
}
