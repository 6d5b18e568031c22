package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerStats;
import io.berth.api.container.TopResult;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.RuntimeStats;
import io.berth.core.internal.testing.EngineFixture;

class TopAndStatsTest {

    @TempDir
    Path tmp;

    private EngineFixture f;

    @BeforeEach
    void open() throws IOException {
        f = new EngineFixture(tmp);
        Path proc = Files.createDirectories(f.host.procRoot());
        Files.writeString(proc.resolve("stat"), "cpu  100 0 50 800 10 0 40 7 0 0\nbtime 1700000000\n");
        Path init = Files.createDirectories(proc.resolve("77"));
        Files.writeString(init.resolve("stat"), "77 (sh) S 1 77 77 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 500 0 0\n");
        Files.writeString(init.resolve("status"), "Name:\tsh\nUid:\t0\t0\t0\t0\n");
        Files.writeString(init.resolve("cmdline"), "sh\u0000-c\u0000sleep 1\u0000");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void topListsTheRuntimesPidsWithWhatProcShows() {
        String id = f.run("sleep");
        int fakePid = f.inspect(id).state().pid();
        f.runtime.setExtraPids(List.of(77));

        TopResult top = f.engine.top(f.inspect(id).name());

        assertThat(top.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(top.processes()).hasSize(2);
        assertThat(top.processes().get(0)).containsExactly("?", Integer.toString(fakePid), "?", "?", "?", "?", "?",
                "?");
        assertThat(top.processes().get(1)).startsWith("0", "77", "1").endsWith("?", "00:00:00", "sh -c sleep 1");
    }

    @Test
    void topAndStatsWorkOnPausedContainers() {
        String id = f.run("sleep");
        f.engine.pause(id);

        assertThat(f.engine.top(id).processes()).hasSize(1);
        assertThat(f.engine.stats(id).pidsCurrent()).isEqualTo(3);
    }

    @Test
    void statsCombineTheRuntimesReadingWithTheHostsCpuTime() {
        String id = f.run("sleep");
        f.runtime.setStats(new RuntimeStats(42_000, 2048, 4096, 5, 10));

        ContainerStats stats = f.engine.stats(id);

        assertThat(stats.read()).isNotNull();
        assertThat(stats).extracting(ContainerStats::cpuUsageNanos, ContainerStats::memoryUsageBytes,
                ContainerStats::memoryLimitBytes, ContainerStats::pidsCurrent, ContainerStats::pidsLimit)
                .containsExactly(42_000L, 2048L, 4096L, 5L, 10L);
        assertThat(stats.systemCpuUsageNanos()).isEqualTo(1000L * 10_000_000L);
        assertThat(stats.onlineCpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void onlyRunningContainersHaveProcessesAndStats() {
        String created = f.create("sleep");
        String exited = f.run("exit", "1");
        f.awaitStatus(exited, io.berth.api.container.ContainerStatus.EXITED);

        for (String id : List.of(created, exited)) {
            assertThatThrownBy(() -> f.engine.top(id)).isInstanceOf(ConflictException.class)
                    .hasMessage("Container " + id + " is not running");
            assertThatThrownBy(() -> f.engine.stats(id)).isInstanceOf(ConflictException.class)
                    .hasMessage("Container " + id + " is not running");
        }
        assertThatThrownBy(() -> f.engine.top("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAbsentRuntimeIsUnavailable() {
        String id = f.run("sleep");
        f.runtimes.unregister("mock", f.runtime);

        assertThatThrownBy(() -> f.engine.top(id)).isInstanceOf(UnavailableException.class)
                .hasMessage("runtime mock is not available");
        assertThatThrownBy(() -> f.engine.stats(id)).isInstanceOf(UnavailableException.class);
    }
}
