package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.event.BerthEvent;
import io.berth.core.internal.testing.EngineFixture;
import io.berth.core.internal.testing.Poll;

/** Terminal resize of containers and exec sessions, with Docker's refusals. */
class ResizeTest {

    @TempDir
    Path tmp;

    private EngineFixture f;
    private ExecService execs;

    @BeforeEach
    void open() {
        f = new EngineFixture(tmp);
        execs = f.engine.execService();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aTerminalContainerIsResizedThroughItsRuntimeAndTheEventSaysSo() {
        String id = tty("sleep");
        f.engine.start(id);
        f.engine.resize(id.substring(0, 12), 33, 77);
        assertThat(f.runtime.calls()).contains("resize " + id + " 33 77");
        Poll.until("resize event", () -> f.actions(id).contains("resize"));
        BerthEvent event = f.received.stream().filter(e -> e.action().equals("resize")).findFirst().orElseThrow();
        assertThat(event.attributes()).containsEntry("height", "33").containsEntry("width", "77")
                .containsEntry("name", f.inspect(id).name());
    }

    @Test
    void aPausedContainerIsResizedToo() {
        String id = tty("sleep");
        f.engine.start(id);
        f.engine.pause(id);
        f.engine.resize(id, 24, 80);
        assertThat(f.runtime.calls()).contains("resize " + id + " 24 80");
    }

    @Test
    void aContainerWithoutTerminalAcceptsItWithoutARuntimeCall() {
        String id = f.run("sleep");
        f.engine.resize(id, 33, 77);
        assertThat(f.runtime.calls()).noneMatch(call -> call.startsWith("resize"));
        Poll.until("resize event", () -> f.actions(id).contains("resize"));
    }

    @Test
    void aContainerThatDoesNotRunIsAConflict() {
        String created = tty("sleep");
        String exited = tty("exit", "3");
        f.engine.start(exited);
        f.awaitStatus(exited, ContainerStatus.EXITED);
        for (String id : List.of(created, exited)) {
            assertThatThrownBy(() -> f.engine.resize(id, 24, 80)).isInstanceOf(ConflictException.class)
                    .hasMessage("Container " + id + " is not running");
        }
        assertThat(f.runtime.calls()).noneMatch(call -> call.startsWith("resize"));
        assertThat(f.actions(created)).doesNotContain("resize");
    }

    @Test
    void badSizesAndUnknownContainersAreRefused() {
        String id = tty("sleep");
        f.engine.start(id);
        for (int[] size : new int[][] {{-1, 80}, {24, -1}, {65536, 80}, {24, 65536}}) {
            assertThatThrownBy(() -> f.engine.resize(id, size[0], size[1]))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("invalid terminal size");
        }
        assertThatThrownBy(() -> f.engine.resize("nosuch", 24, 80)).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: nosuch");
        f.engine.resize(id, 0, 0);
        f.engine.resize(id, 65535, 65535);
        assertThat(f.runtime.calls()).contains("resize " + id + " 0 0", "resize " + id + " 65535 65535");
    }

    @Test
    void aMissingRuntimeIsUnavailable() {
        String id = tty("sleep");
        f.engine.start(id);
        f.runtimes.unregister("mock", f.runtime);
        assertThatThrownBy(() -> f.engine.resize(id, 24, 80)).isInstanceOf(UnavailableException.class)
                .hasMessage("runtime mock is not available");
    }

    @Test
    void aTerminalExecIsResizedInItsSessionDirectory() {
        String container = f.run("sleep");
        String exec = execs.create(container, ttyExec("sleep"));
        execs.start(exec);
        execs.resize(exec, 33, 77);
        assertThat(f.runtime.calls()).contains("resizeExec " + container + " " + exec + " 33 77");
    }

    @Test
    void anExecWithoutTerminalAcceptsItWithoutARuntimeCall() {
        String container = f.run("sleep");
        String exec = execs.create(container, ExecSpec.of("sleep"));
        execs.start(exec);
        execs.resize(exec, 33, 77);
        assertThat(f.runtime.calls()).noneMatch(call -> call.startsWith("resizeExec"));
    }

    @Test
    void aResizeWaitsForTheStartOfItsSession() throws Exception {
        String container = f.run("sleep");
        String exec = execs.create(container, ttyExec("sleep"));
        CompletableFuture<Void> resize = CompletableFuture.runAsync(() -> execs.resize(exec, 33, 77));
        Thread.sleep(100);
        assertThat(resize).isNotDone();
        execs.start(exec);
        resize.get(10, TimeUnit.SECONDS);
        assertThat(f.runtime.calls()).containsSubsequence("exec " + container + " " + exec,
                "resizeExec " + container + " " + exec + " 33 77");
    }

    @Test
    void aSessionNeverStartedTimesOutAsInDocker() {
        f.engine.execSessions().setReadyTimeout(Duration.ofMillis(100));
        String container = f.run("sleep");
        String exec = execs.create(container, ttyExec("sleep"));
        assertThatThrownBy(() -> execs.resize(exec, 24, 80)).isExactlyInstanceOf(BerthException.class)
                .hasMessage("timeout waiting for exec session ready");
    }

    @Test
    void aSessionThatFailedToStartOrEndedIsRefused() throws Exception {
        String container = f.run("sleep");
        String failed = execs.create(container, ttyExec("nonexistent"));
        assertThatThrownBy(() -> execs.start(failed)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> execs.resize(failed, 24, 80)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("exec process is not started");

        String ended = execs.create(container, ttyExec("exit", "0"));
        execs.start(ended);
        execs.waitFor(ended).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> execs.resize(ended, 24, 80)).isInstanceOf(ConflictException.class)
                .hasMessage("exec " + ended + " is not running");
        assertThat(f.runtime.calls()).noneMatch(call -> call.startsWith("resizeExec"));
    }

    @Test
    void anExecRefusesWhatDockersGetExecConfigRefuses() {
        assertThatThrownBy(() -> execs.resize("f".repeat(64), 24, 80)).isInstanceOf(NotFoundException.class)
                .hasMessage("No such exec instance: " + "f".repeat(64));
        String container = f.run("sleep");
        String exec = execs.create(container, ttyExec("sleep"));
        execs.start(exec);
        assertThatThrownBy(() -> execs.resize(exec, -1, 80)).isInstanceOf(InvalidArgumentException.class);
        f.engine.pause(container);
        assertThatThrownBy(() -> execs.resize(exec, 24, 80)).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + container + " is paused, unpause the container before exec");
        f.engine.unpause(container);
        f.engine.kill(container, "SIGKILL");
        f.awaitStatus(container, ContainerStatus.EXITED);
        assertThatThrownBy(() -> execs.resize(exec, 24, 80)).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + container + " is not running");
    }

    private String tty(String... cmd) {
        return f.engine.create(ContainerSpec.builder("busybox").cmd(cmd).tty(true).build(), null).id();
    }

    private static ExecSpec ttyExec(String... cmd) {
        return new ExecSpec(List.of(cmd), null, null, null, true, false);
    }
}
