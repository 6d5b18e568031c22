package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.NotModifiedException;
import io.berth.api.error.UnavailableException;
import io.berth.core.internal.testing.FakeImages;
import io.berth.core.internal.testing.Poll;

class ContainerLifecycleTest extends EngineTest {

    @Test
    void createRecordsTheEffectiveSpecWithoutStarting() {
        String id = f.engine.create(ContainerSpec.builder("busybox").env(List.of("OWN=1")).build(), "web").id();

        ContainerInfo info = f.inspect("web");
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(info.state().status()).isEqualTo(ContainerStatus.CREATED);
        assertThat(info.imageId()).isEqualTo(FakeImages.BUSYBOX_ID);
        assertThat(info.image()).isEqualTo("busybox");
        assertThat(info.path()).isEqualTo("sh");
        assertThat(info.config().env()).containsExactly("PATH=/bin", "IMAGE_VAR=1", "OWN=1");
        assertThat(info.config().networkMode()).isEqualTo("none");
        assertThat(info.runtime()).isEqualTo("mock");
        assertThat(info.logPath()).isEqualTo(f.containerDir(id).resolve("ctr.log"));
        assertThat(f.containerDir(id).resolve("container.json")).exists();
        assertThat(f.runtime.calls()).isEmpty();
    }

    @Test
    void createRefusesUnknownImagesRuntimesAndBadInput() {
        assertThatThrownBy(() -> f.engine.create(ContainerSpec.builder("nope").cmd("x").build(), null))
                .isInstanceOf(NotFoundException.class).hasMessage("No such image: nope");
        assertThatThrownBy(() -> f.engine.create(ContainerSpec.builder("busybox").runtime("crun").build(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("unknown or invalid runtime name: crun");
        assertThatThrownBy(() -> f.engine.create(ContainerSpec.builder("busybox").runtime("../x").build(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("unknown or invalid runtime name: ../x");
        assertThatThrownBy(() -> f.engine.create(ContainerSpec.builder("alpine").build(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("no command specified");
        assertThatThrownBy(() -> f.engine.create(ContainerSpec.builder("busybox").stopSignal("NOPE").build(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("Invalid signal: NOPE");
        assertThat(f.engine.list(io.berth.api.container.ContainerFilter.ALL)).isEmpty();
    }

    @Test
    void defaultRuntimeMustBePresent() {
        f.runtimes.unregister("mock", f.runtime);

        assertThatThrownBy(() -> f.create("sleep")).isInstanceOf(UnavailableException.class)
                .hasMessage("runtime mock is not available");
    }

    @Test
    void startRunsTheBundleAndStopEndsWithSigterm() {
        String id = f.run("sleep");

        ContainerInfo running = f.inspect(id);
        assertThat(running.state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(running.state().pid()).isPositive();
        assertThat(running.state().startedAt()).isNotNull();
        JsonNode spec = f.runtime.process(id).spec;
        assertThat(spec.path("process").path("args").get(0).asText()).isEqualTo("sleep");
        assertThat(spec.path("process").path("cwd").asText()).isEqualTo("/home");
        assertThat(spec.path("root").path("path").asText()).isEqualTo(f.snapshots.path(id).toString());
        assertThat(f.runtime.process(id).request.exitDir()).isEqualTo(f.state().resolve("exits"));

        f.engine.stop(id, null, null);

        ContainerInfo stopped = f.inspect(id);
        assertThat(stopped.state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(stopped.state().exitCode()).isEqualTo(143);
        assertThat(stopped.state().pid()).isZero();
        assertThat(stopped.state().finishedAt()).isNotNull();
        assertThat(f.runtime.calls()).contains("kill " + id + " 15");
        // the runtime's delete and the exit file's removal follow the answer to the stop
        Poll.until("the delete after the exit", () -> f.runtime.calls().contains("delete " + id));
        Poll.until("the exit file removed", () -> !Files.exists(f.state().resolve("exits").resolve(id)));
    }

    @Test
    void stopEscalatesToSigkillAfterTheTimeout() {
        String id = f.run("stubborn");

        f.engine.stop(id, 0, null);

        assertThat(f.inspect(id).state().exitCode()).isEqualTo(137);
        assertThat(f.runtime.calls()).contains("kill " + id + " 15", "kill " + id + " 9 all");
    }

    @Test
    void stopUsesTheGivenSignal() {
        String id = f.run("stubborn");

        f.engine.stop(id, 5, "SIGINT");

        assertThat(f.inspect(id).state().exitCode()).isEqualTo(130);
    }

    @Test
    void stopOfAPausedContainerResumesItFirst() {
        String id = f.run("sleep");
        f.engine.pause(id);

        f.engine.stop(id, null, null);

        assertThat(f.inspect(id).state().exitCode()).isEqualTo(143);
        assertThat(f.runtime.calls()).containsSubsequence("resume " + id, "kill " + id + " 15");
    }

    @Test
    void killSendsTheSignalAndDefaultsToSigkill() {
        String id = f.run("sleep");

        f.engine.kill(id, "HUP");
        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.RUNNING);
        f.engine.kill(id, null);

        f.awaitStatus(id, ContainerStatus.EXITED);
        assertThat(f.inspect(id).state().exitCode()).isEqualTo(137);
        assertThat(f.runtime.calls()).contains("kill " + id + " 1", "kill " + id + " 9");
    }

    @Test
    void killRefusesStoppedContainersAndBadSignals() {
        String id = f.create("sleep");

        assertThatThrownBy(() -> f.engine.kill(id, "TERM")).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + id + " is not running");
        assertThatThrownBy(() -> f.engine.kill(id, "SIGBOGUS")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Invalid signal: SIGBOGUS");
    }

    @Test
    void startAndStopReportNoOps() {
        String id = f.create("sleep");
        assertThatThrownBy(() -> f.engine.stop(id, null, null)).isInstanceOf(NotModifiedException.class)
                .hasMessage("container already stopped");

        f.engine.start(id);

        assertThatThrownBy(() -> f.engine.start(id)).isInstanceOf(NotModifiedException.class)
                .hasMessage("container already started");
    }

    @Test
    void exitedContainersStartAgain() {
        String id = f.run("exit", "3");
        f.awaitStatus(id, ContainerStatus.EXITED);
        assertThat(f.inspect(id).state().exitCode()).isEqualTo(3);

        f.engine.start(id);

        f.awaitStatus(id, ContainerStatus.EXITED);
        assertThat(f.runtime.calls().stream().filter(c -> c.equals("create " + id))).hasSize(2);
        // one delete per run, at its exit: the second start has nothing left to delete
        Poll.until("the second run's delete", () -> f.runtime.calls().stream()
                .filter(c -> c.startsWith("delete " + id)).count() == 2);
        assertThat(f.runtime.calls()).doesNotContain("delete " + id + " force");
    }

    @Test
    void restartStopsAndStartsAgain() {
        String id = f.run("sleep");
        int firstPid = f.inspect(id).state().pid();

        f.engine.restart(id, null);

        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(f.inspect(id).state().pid()).isNotEqualTo(firstPid);
        Poll.until("restart event", () -> f.actions(id).contains("restart"));
        assertThat(f.actions(id)).containsExactly("create", "start", "kill", "die", "stop", "start", "restart");
    }

    @Test
    void failedStartsRecordDockersExitCodes() {
        String missing = f.create("nonexistent");
        String denied = f.create("noperm");

        assertThatThrownBy(() -> f.engine.start(missing)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("executable file not found");
        assertThatThrownBy(() -> f.engine.start(denied)).hasMessageContaining("permission denied");

        ContainerInfo info = f.inspect(missing);
        assertThat(info.state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(info.state().exitCode()).isEqualTo(127);
        assertThat(info.state().error()).contains("executable file not found");
        assertThat(f.inspect(denied).state().exitCode()).isEqualTo(126);
        assertThat(ContainerStarter.exitCodeFor("something else")).isEqualTo(128);
        assertThat(f.runtime.calls()).contains("delete " + missing + " force");
    }

    @Test
    void pauseAndUnpauseFollowDockersRules() {
        String id = f.run("sleep");
        String stopped = f.create("sleep");

        f.engine.pause(id);
        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.PAUSED);
        assertThatThrownBy(() -> f.engine.pause(id)).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + id + " is already paused");
        assertThatThrownBy(() -> f.engine.start(id)).isInstanceOf(ConflictException.class);
        f.engine.unpause(id);
        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertThatThrownBy(() -> f.engine.unpause(id)).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + id + " is not paused");
        assertThatThrownBy(() -> f.engine.pause(stopped)).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + stopped + " is not running");
        Poll.until("unpause event", () -> f.actions(id).contains("unpause"));
        assertThat(f.actions(id)).containsSubsequence("pause", "unpause");
    }

    @Test
    void attachStdinNeedsARunningContainerWithOpenStdin() throws IOException {
        String open = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").openStdin(true).build(), null).id();
        String closed = f.run("sleep");
        assertThatThrownBy(() -> f.engine.attachStdin(open)).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + open + " is not running");
        f.engine.start(open);

        try (OutputStream stdin = f.engine.attachStdin(open)) {
            stdin.write("hi".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(f.runtime.process(open).stdin.toString(StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(f.runtime.process(open).request.openStdin()).isTrue();
        assertThatThrownBy(() -> f.engine.attachStdin(closed)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("open stdin");
    }

    @Test
    void recordsAreWrittenWithoutLeavingTempFiles() throws IOException {
        String id = f.run("sleep");
        f.engine.pause(id);
        f.engine.unpause(id);
        f.engine.stop(id, null, null);

        try (var files = java.nio.file.Files.walk(f.state())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
    }
}
