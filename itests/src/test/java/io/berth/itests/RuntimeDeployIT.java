package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A runtime added by dropping its bundle into Karaf's {@code deploy/} folder while Berth runs (the distribution
 * as a process, root): with the crun feature uninstalled, the crun bundle copied into {@code deploy/} makes
 * {@code docker run --runtime crun} work at once; taking it out takes the runtime away again.
 */
class RuntimeDeployIT {

    private static DockerEngine engine;
    private static KarafProcess karaf;
    private static DockerCli docker;
    private static Path state;

    @BeforeAll
    static void startEngine() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        if (!DockerCli.available()) {
            RootRequirement.failInCiOrSkip("the docker CLI is missing");
        }
        engine = DockerEngine.start("deploy", "busybox:latest");
        karaf = engine.karaf;
        docker = engine.docker;
        state = engine.state;
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aRuntimeBundleDroppedIntoDeployIsUsableAtOnce() throws Exception {
        karaf.client("feature:uninstall berth-runtime-crun");
        awaitRuntimes(false);
        DockerCli.Result refused = docker.run("run", "--rm", "--runtime", "crun", "busybox", "true");
        assertThat(refused.exit()).isNotZero();

        Path jar = crunBundle();
        Path deployed = karaf.home().resolve("deploy").resolve(jar.getFileName());
        Files.copy(jar, deployed);
        awaitRuntimes(true);

        assertThat(docker.ok("run", "--rm", "--runtime", "crun", "busybox", "echo", "deployed")).isEqualTo(
                "deployed\n");
        Files.delete(deployed);
        awaitRuntimes(false);
    }

    /** Waits until {@code docker info} lists crun among the runtimes, or no longer does. */
    private static void awaitRuntimes(boolean withCrun) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            DockerCli.Result info = docker.run("info", "--format", "{{json .Runtimes}}");
            if (info.exit() == 0 && info.out().contains("\"crun\"") == withCrun) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("crun " + (withCrun ? "never appeared" : "never went away") + " in docker info");
    }

    private static Path crunBundle() throws Exception {
        try (Stream<Path> files = Files.walk(karaf.home().resolve("system/io/berth/berth-runtime-crun"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }
}
