package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.container.ContainerStats;
import io.berth.api.container.TopResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** top and stats: reading what runs inside a container. */
class ProcessCommandsTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeContainerService containers = new FakeContainerService()
            .with(Fixtures.running("aa", "web"));

    @Test
    void topPrintsTheEngineTitlesAndRows() throws Exception {
        containers.top = new TopResult(List.of("UID", "PID", "CMD"),
                List.of(List.of("0", "4242", "sleep 300"), List.of("0", "4250", "sh")));
        TopCommand top = new TopCommand();
        top.setContainerService(containers);
        top.container = "web";

        top.execute();

        assertThat(console.out()).contains("UID", "PID", "CMD", "4242", "sleep 300", "4250");
    }

    @Test
    void topOfAnUnknownContainerFailsWithTheEngineMessage() {
        TopCommand top = new TopCommand();
        top.setContainerService(containers);
        top.container = "nosuch";

        assertThatThrownBy(top::execute).hasMessage("No such container: nosuch");
    }

    @Test
    void statsShowsCpuFromTwoReadingsAndMemoryInBinaryUnits() throws Exception {
        ArrayDeque<ContainerStats> readings = new ArrayDeque<>();
        readings.add(reading(1_000_000_000L, 100_000_000_000L));
        readings.add(reading(1_500_000_000L, 102_000_000_000L));
        containers.stats.put("web", readings);
        StatsCommand stats = new StatsCommand();
        stats.setContainerService(containers);
        stats.containers = List.of("web");
        stats.sampleMillis = 0;

        stats.execute();

        // 0.5 s of container CPU over 2 s of host CPU on 2 CPUs: 50%
        assertThat(console.out()).contains("web", "50.00%", "1.5MiB / 1GiB", "0.15%", "3");
    }

    @Test
    void cpuPercentIsZeroWithoutProgress() {
        ContainerStats same = reading(5, 5);
        assertThat(StatsCommand.cpu(same, same)).isZero();
    }

    @Test
    void binarySizesFollowDocker() {
        assertThat(HumanFormat.binarySize(0)).isEqualTo("0B");
        assertThat(HumanFormat.binarySize(1536)).isEqualTo("1.5KiB");
        assertThat(HumanFormat.binarySize(4L * 1024 * 1024)).isEqualTo("4MiB");
    }

    private static ContainerStats reading(long cpu, long system) {
        return new ContainerStats(Instant.EPOCH, cpu, system, 2, 1536L * 1024, 1024L * 1024 * 1024, 3, 0);
    }
}
