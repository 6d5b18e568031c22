package io.berth.runtime.mock.internal;

import static io.berth.runtime.mock.internal.StatsSimulation.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.runtime.RuntimeStats;

/** The stats formula and the limits it reports. */
class StatsSimulationTest {

    @TempDir
    Path dir;

    @Test
    void followsTheDocumentedFormula() {
        assertThat(StatsSimulation.of(Duration.ofSeconds(250), 3, new ResourceLimits(128 * MIB, 50)))
                .isEqualTo(new RuntimeStats(2_500_000_000L, 7 * MIB, 128 * MIB, 4, 50));
        assertThat(StatsSimulation.of(Duration.ZERO, 0, ResourceLimits.NONE))
                .isEqualTo(new RuntimeStats(0, 4 * MIB, 1L << 30, 1, 0));
    }

    @Test
    void anEnormousRunningTimeSaturatesInsteadOfOverflowing() {
        assertThat(StatsSimulation.of(Duration.ofDays(365L * 1000), 0, ResourceLimits.NONE).cpuUsageNanos())
                .isEqualTo(Long.MAX_VALUE / 100);
    }

    @Test
    void unsetOrNonPositiveLimitsMeanOneGiBAndUnlimitedPids() {
        assertThat(new ResourceLimits(0, 0)).isEqualTo(new ResourceLimits(1L << 30, 0));
        assertThat(new ResourceLimits(-1, -1)).isEqualTo(new ResourceLimits(1L << 30, 0));
    }

    @Test
    void bundleConfigReadsTheLimitsOfLinuxResources() {
        Path limited = TestBundles.withConfig(dir, "a", Map.of("process", Map.of("args", List.of("true")),
                "linux", Map.of("resources", Map.of("memory", Map.of("limit", 1000), "pids", Map.of("limit", 3)))));
        Path unlimited = TestBundles.withConfig(dir, "b", Map.of("process", Map.of("args", List.of("true")),
                "linux", Map.of("resources", Map.of("memory", Map.of("limit", -1)))));
        assertThat(BundleConfig.load(limited).limits()).isEqualTo(new ResourceLimits(1000, 3));
        assertThat(BundleConfig.load(unlimited).limits()).isEqualTo(ResourceLimits.NONE);
        assertThat(BundleConfig.limitsOrNone(dir.resolve("missing"))).isEqualTo(ResourceLimits.NONE);
    }
}
