package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built distribution as a process (root, runc), driven by docker-java 3.7.1 over Berth's unix socket
 * with the zerodep transport, outside OSGi: the core flows a Java client uses.
 */
class DockerJavaIT {

    private static final String IMAGE = "busybox:latest";

    private static KarafProcess karaf;
    private static DockerClient docker;

    @BeforeAll
    static void startEngine() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "docker-java-" + run);
        karaf = KarafProcess.unpack(Path.of(System.getProperty("berth.dist")), dir,
                Path.of("/tmp/berth-it-" + run), "runc");
        Path busybox = Path.of("/tmp/berth-it-" + run, "busybox.tar");
        Files.write(busybox, BusyboxFixture.tarball());
        karaf.start();
        // through the console: docker-java 3.7.1's createImageCmd sends its input stream as the JSON "{}"
        karaf.client("berth:import " + busybox + " " + IMAGE);
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix://" + karaf.dockerSocket()).build();
        docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60)).build());
        awaitPing();
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @AfterEach
    void removeContainers() {
        if (docker == null) {
            return;
        }
        for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
            docker.removeContainerCmd(c.getId()).withForce(true).exec();
        }
    }

    @Test
    void versionAndInfo() {
        assertThat(docker.versionCmd().exec().getApiVersion()).isEqualTo("1.44");
        assertThat(docker.infoCmd().exec().getRuntimes()).containsKeys("runc", "crun");
    }

    @Test
    void runEchoThenWaitAndReadTheLogs() throws Exception {
        String id = docker.createContainerCmd(IMAGE).withCmd("echo", "hi").exec().getId();
        docker.startContainerCmd(id).exec();
        int code = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                .awaitStatusCode(60, TimeUnit.SECONDS);
        assertThat(code).isZero();
        assertThat(logs(id)).containsExactly("hi");
    }

    @Test
    void exitCodeInInspect() throws Exception {
        String id = docker.createContainerCmd(IMAGE).withCmd("sh", "-c", "exit 3").exec().getId();
        docker.startContainerCmd(id).exec();
        docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(60, TimeUnit.SECONDS);
        assertThat(docker.inspectContainerCmd(id).exec().getState().getExitCodeLong()).isEqualTo(3L);
    }

    @Test
    void execReturnsItsOutputAndExitCode() throws Exception {
        String id = docker.createContainerCmd(IMAGE).withCmd("sleep", "300").exec().getId();
        docker.startContainerCmd(id).exec();
        String exec = docker.execCreateCmd(id).withCmd("sh", "-c", "echo inside; exit 5").withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        FrameCollector output = docker.execStartCmd(exec).exec(new FrameCollector());
        output.awaitCompletion(60, TimeUnit.SECONDS);
        assertThat(output.text()).isEqualTo("inside\n");
        assertThat(awaitExecExit(exec)).isEqualTo(5L);
    }

    @Test
    void stopGivesTheProgramsExitCode() throws Exception {
        String id = docker.createContainerCmd(IMAGE)
                .withCmd("sh", "-c", "trap 'exit 143' TERM; while true; do sleep 1; done").exec().getId();
        docker.startContainerCmd(id).exec();
        docker.stopContainerCmd(id).withTimeout(10).exec();
        assertThat(docker.inspectContainerCmd(id).exec().getState().getExitCodeLong()).isEqualTo(143L);
    }

    @Test
    void aMissingImageIsNotFound() {
        assertThatThrownBy(() -> docker.createContainerCmd("no-such-image:1").withCmd("true").exec())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("No such image");
    }

    private static List<String> logs(String id) throws InterruptedException {
        FrameCollector frames = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .exec(new FrameCollector());
        frames.awaitCompletion(60, TimeUnit.SECONDS);
        return frames.text().lines().toList();
    }

    private static Long awaitExecExit(String exec) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (docker.inspectExecCmd(exec).exec().isRunning() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return docker.inspectExecCmd(exec).exec().getExitCodeLong();
    }

    private static void awaitPing() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            try {
                docker.pingCmd().exec();
                return;
            } catch (RuntimeException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Collects the payload of every frame a streaming call delivers. */
    private static final class FrameCollector extends ResultCallback.Adapter<Frame> {
        private final List<byte[]> payloads = new ArrayList<>();

        @Override
        public synchronized void onNext(Frame frame) {
            payloads.add(frame.getPayload());
        }

        synchronized String text() {
            StringBuilder text = new StringBuilder();
            payloads.forEach(p -> text.append(new String(p, StandardCharsets.UTF_8)));
            return text.toString();
        }
    }
}
