package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "deploy-" + run);
        state = Path.of("/tmp/berth-it-" + run);
        karaf = KarafProcess.unpack(Path.of(System.getProperty("berth.dist")), dir, state, "runc");
        docker = new DockerCli(karaf.dockerSocket(), Files.createDirectories(state.resolve("docker-config")));
        Files.write(state.resolve("busybox.tar"), BusyboxFixture.tarball());
        karaf.start();
        docker.awaitDaemon(Duration.ofSeconds(120));
        docker.ok("import", state.resolve("busybox.tar").toString(), "busybox:latest");
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (karaf != null) {
            karaf.close();
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
