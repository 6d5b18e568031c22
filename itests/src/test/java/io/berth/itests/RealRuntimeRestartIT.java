package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine killed with SIGKILL while real runc containers run: after a restart every container is
 * re-adopted as running, one that ended during the downtime has its exit code, and logs are intact.
 */
class RealRuntimeRestartIT {

    private static final int RUNNING = 5;

    private KarafProcess karaf;
    private Path state;

    @BeforeEach
    void unpack() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        Path dist = Path.of(System.getProperty("berth.dist"));
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "rt-restart-" + UUID.randomUUID());
        state = Path.of("/tmp/berth-it-" + UUID.randomUUID().toString().substring(0, 8));
        karaf = KarafProcess.unpack(dist, dir, state, "runc");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (karaf == null) {
            return;
        }
        try {
            karaf.client("berth:rm -f " + String.join(" ", names()) + " brief said");
        } finally {
            karaf.close();
        }
    }

    @Test
    void runningContainersSurviveAnEngineKill9() throws Exception {
        Path busybox = state.resolve("busybox.tar");
        Files.write(busybox, BusyboxFixture.tarball());
        karaf.start();
        List<String> setup = new ArrayList<>(List.of("berth:import " + busybox + " busybox:it"));
        for (String name : names()) {
            setup.add("berth:run -d --name " + name + " busybox:it sh -c 'echo started-" + name
                    + "; trap \"exit 143\" TERM; while true; do sleep 1; done'");
        }
        setup.add("berth:run -d --name brief busybox:it sh -c 'sleep 3; exit 7'");
        setup.add("berth:run --name said busybox:it echo before-crash");
        assertThat(karaf.client(setup.toArray(new String[0]))).contains("before-crash");
        String before = karaf.client("berth:ps");
        names().forEach(n -> assertThat(row(before, n)).contains("Up"));

        karaf.kill9();
        TimeUnit.SECONDS.sleep(4);
        karaf.start();

        String after = karaf.client("berth:ps -a");
        names().forEach(n -> assertThat(row(after, n)).contains("Up"));
        assertThat(row(after, "brief")).contains("Exited (7)");
        assertThat(row(after, "said")).contains("Exited (0)");
        assertThat(karaf.client("berth:logs said")).contains("before-crash");
        assertThat(karaf.client("berth:logs c1")).contains("started-c1");

        String stopped = karaf.client("berth:stop c1", "berth:ps -a");
        assertThat(row(stopped, "c1")).contains("Exited (143)");
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= RUNNING; i++) {
            names.add("c" + i);
        }
        return names;
    }

    /** The table row of the container {@code name} in {@code berth:ps} output. */
    private static String row(String output, String name) {
        return output.lines().filter(l -> l.contains("| " + name + " ") || l.endsWith("| " + name))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + name + " in:\n" + output));
    }
}
