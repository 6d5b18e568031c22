package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The distribution as a user runs it: started with {@code bin/karaf server}, driven through the console,
 * killed with SIGKILL while containers run, and started again on the same data: every record is re-adopted,
 * a container that ended during the downtime has its exit code, and logs are intact.
 */
class DistributionRestartIT {

    private KarafProcess karaf;

    @BeforeEach
    void unpack() throws Exception {
        Path dist = Path.of(System.getProperty("berth.dist"));
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "restart-" + UUID.randomUUID());
        karaf = KarafProcess.unpack(dist, dir, dir.resolve("berth-state"), "mock");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            // as root, root filesystems are overlay mounts: remove the containers so nothing stays mounted
            karaf.client("berth:rm -f keeper brief said");
        } finally {
            karaf.close();
        }
    }

    @Test
    void recordsAreReadoptedAfterKill9() throws Exception {
        Path rootfs = RootfsFixture.writeTo(Files.createTempFile("rootfs", ".tar"));
        karaf.start();
        String setup = karaf.client(
                "berth:import " + rootfs + " restart:test",
                "berth:run -d --name keeper restart:test sleep 600",
                "berth:run -d --name brief restart:test sleep 3",
                "berth:run --name said restart:test echo before-crash",
                "berth:ps -a");
        assertThat(setup).contains("keeper", "brief", "said", "before-crash");
        Instant killedAt = Instant.now();

        karaf.kill9();
        waitUntil(killedAt.plusSeconds(4));
        karaf.start();

        String ps = karaf.client("berth:ps -a --no-trunc");
        assertThat(ps).contains("keeper", "brief", "said");
        assertThat(line(ps, "keeper")).contains("Up");
        assertThat(line(ps, "brief")).contains("Exited (0)");
        assertThat(line(ps, "said")).contains("Exited (0)");
        assertThat(karaf.client("berth:logs said")).contains("before-crash");

        String stopped = karaf.client("berth:stop keeper", "berth:ps -a");
        assertThat(line(stopped, "keeper")).contains("Exited (143)");
    }

    /** The table row of the container {@code name} in {@code berth:ps} output. */
    private static String line(String output, String name) {
        return output.lines().filter(l -> l.contains(name) && l.contains("|")).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + name + " in:\n" + output));
    }

    private static void waitUntil(Instant instant) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), instant);
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
    }
}
