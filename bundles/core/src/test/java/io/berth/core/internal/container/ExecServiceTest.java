package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogStream;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.event.BerthEvent;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.core.internal.testing.EngineFixture;
import io.berth.core.internal.testing.Poll;

class ExecServiceTest {

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
    void createChecksTheCommandAndTheContainer() {
        String created = f.create("sleep");
        String paused = f.run("sleep");
        f.engine.pause(paused);

        assertThatThrownBy(() -> execs.create(created, new ExecSpec(List.of(), null, null, null, false, false)))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("No exec command specified");
        assertThatThrownBy(() -> execs.create("nope", ExecSpec.of("ls")))
                .isInstanceOf(NotFoundException.class).hasMessage("No such container: nope");
        assertThatThrownBy(() -> execs.create(created, ExecSpec.of("ls")))
                .isInstanceOf(ConflictException.class).hasMessage("Container " + created + " is not running");
        assertThatThrownBy(() -> execs.create(paused, ExecSpec.of("ls"))).isInstanceOf(ConflictException.class)
                .hasMessage("Container " + paused + " is paused, unpause the container before exec");
        assertThatThrownBy(() -> execs.inspect("f".repeat(64))).isInstanceOf(NotFoundException.class)
                .hasMessage("No such exec instance: " + "f".repeat(64));
    }

    @Test
    void runsAProcessAndReportsItsOutputExitAndEvents() throws Exception {
        String container = f.run("sleep");

        String exec = execs.create(container, ExecSpec.of("echo", "hi", "there"));
        ExecInfo before = execs.inspect(exec);
        execs.start(exec);

        assertThat(exec).matches("[0-9a-f]{64}");
        assertThat(before).extracting(ExecInfo::started, ExecInfo::running, ExecInfo::exitCode)
                .containsExactly(false, false, null);
        assertThat(execs.waitFor(exec).get(20, TimeUnit.SECONDS)).isZero();
        assertThat(read(execs.output(exec, false))).containsExactly("hi there");
        assertThat(execs.inspect(exec)).extracting(ExecInfo::containerId, ExecInfo::started, ExecInfo::running,
                ExecInfo::exitCode).containsExactly(container, true, false, 0);
        Path dir = f.containerDir(container).resolve("exec").resolve(exec);
        assertThat(dir.resolve("exits")).isDirectory();
        assertThat(dir.resolve("exec.log")).isRegularFile();
        Poll.until("exec_die event", () -> f.actions(container).contains("exec_die"));
        assertThat(f.actions(container)).containsSubsequence("start", "exec_create: echo hi there",
                "exec_start: echo hi there", "exec_die");
        BerthEvent die = f.received.stream().filter(e -> e.action().equals("exec_die")).findFirst().orElseThrow();
        assertThat(die.attributes()).containsEntry("execID", exec).containsEntry("exitCode", "0")
                .containsEntry("name", f.inspect(container).name());
    }

    @Test
    void theExitIsSeenThroughTheSessionsExitDirectory() throws Exception {
        String container = f.run("sleep");
        String exec = execs.create(container, ExecSpec.of("sleep"));
        execs.start(exec);
        CompletableFuture<Integer> exit = execs.waitFor(exec);

        assertThat(execs.inspect(exec).running()).isTrue();
        assertThat(exit).isNotDone();
        f.runtime.finishExec(exec, 3);

        assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(execs.inspect(exec).exitCode()).isEqualTo(3);
        assertThat(execs.inspect(exec).running()).isFalse();
    }

    @Test
    void theRequestIsResolvedLikeTheContainersProcess() throws IOException {
        String container = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").user("app")
                .workingDir("/srv").env(List.of("OWN=1")).hostname("box").build(), null).id();
        passwd(container);
        f.engine.start(container);

        String plain = execs.create(container, ExecSpec.of("sleep"));
        execs.start(plain);
        String custom = execs.create(container, new ExecSpec(List.of("sleep", "1"), List.of("OWN=2", "X=y"), "/tmp",
                "0:10", true, false));
        execs.start(custom);

        RuntimeExecRequest first = f.runtime.execRequest(plain);
        assertThat(first.args()).containsExactly("sleep");
        assertThat(first).extracting(RuntimeExecRequest::uid, RuntimeExecRequest::gid, RuntimeExecRequest::cwd,
                RuntimeExecRequest::terminal).containsExactly(1000, 1000, "/srv", false);
        assertThat(first.env()).containsExactly("PATH=/bin", "HOSTNAME=box", "IMAGE_VAR=1", "OWN=1",
                "HOME=/home/app");
        Path session = f.containerDir(container).resolve("exec").resolve(plain);
        assertThat(first).extracting(RuntimeExecRequest::execId, RuntimeExecRequest::sessionDir,
                RuntimeExecRequest::logPath, RuntimeExecRequest::exitDir)
                .containsExactly(plain, session, session.resolve("exec.log"), session.resolve("exits"));
        RuntimeExecRequest second = f.runtime.execRequest(custom);
        assertThat(second).extracting(RuntimeExecRequest::uid, RuntimeExecRequest::gid, RuntimeExecRequest::cwd,
                RuntimeExecRequest::terminal).containsExactly(0, 10, "/tmp", true);
        assertThat(second.env()).containsExactly("PATH=/bin", "HOSTNAME=box", "TERM=xterm", "IMAGE_VAR=1",
                "OWN=2", "X=y", "HOME=/root");
    }

    @Test
    void aSessionStartsOnce() throws Exception {
        String container = f.run("sleep");
        String exec = execs.create(container, ExecSpec.of("sleep"));
        execs.start(exec);

        assertThatThrownBy(() -> execs.start(exec)).isInstanceOf(ConflictException.class)
                .hasMessage("Error: Exec command " + exec + " is already running");
        f.runtime.finishExec(exec, 0);
        execs.waitFor(exec).get(20, TimeUnit.SECONDS);
        assertThatThrownBy(() -> execs.start(exec)).isInstanceOf(ConflictException.class)
                .hasMessage("Error: Exec command " + exec + " has already run");
    }

    @Test
    void failedStartsPropagateAndEndWithDockersExitCodes() throws Exception {
        String container = f.run("sleep");
        String missing = execs.create(container, ExecSpec.of("nonexistent"));
        String forbidden = execs.create(container, ExecSpec.of("noperm"));
        String nobody = execs.create(container, new ExecSpec(List.of("ls"), null, null, "nobody", false, false));

        assertThatThrownBy(() -> execs.start(missing)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("executable file not found");
        assertThatThrownBy(() -> execs.start(forbidden)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> execs.start(nobody)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unable to find user nobody: no matching entries in passwd file");

        assertThat(execs.waitFor(missing).get(20, TimeUnit.SECONDS)).isEqualTo(127);
        assertThat(execs.inspect(missing)).extracting(ExecInfo::started, ExecInfo::running, ExecInfo::exitCode)
                .containsExactly(true, false, 127);
        assertThat(execs.inspect(forbidden).exitCode()).isEqualTo(126);
        assertThat(execs.inspect(nobody).exitCode()).isEqualTo(126);
        assertThat(f.actions(container)).doesNotContain("exec_die");
    }

    @Test
    void aStartRefusedByTheContainersStateCanBeRetried() throws Exception {
        String container = f.run("sleep");
        String exec = execs.create(container, ExecSpec.of("echo", "later"));
        f.engine.pause(container);

        assertThatThrownBy(() -> execs.start(exec)).isInstanceOf(ConflictException.class);
        assertThat(execs.inspect(exec).started()).isFalse();

        f.engine.unpause(container);
        execs.start(exec);
        assertThat(execs.waitFor(exec).get(20, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void anExecOutlivingItsContainerEndsWith137() throws Exception {
        f.engine.execSessions().setOrphanGrace(Duration.ofMillis(20));
        String container = f.run("sleep");
        String exec = execs.create(container, ExecSpec.of("sleep"));
        execs.start(exec);
        LogStream follow = execs.output(exec, true);

        f.engine.kill(container, null);

        assertThat(execs.waitFor(exec).get(20, TimeUnit.SECONDS)).isEqualTo(137);
        assertThat(follow.next()).isNull();
        assertThat(execs.inspect(exec).running()).isFalse();
    }

    @Test
    void removingTheContainerDropsItsSessions() {
        String container = f.run("sleep");
        String running = execs.create(container, ExecSpec.of("sleep"));
        execs.start(running);
        String idle = execs.create(container, ExecSpec.of("ls"));
        CompletableFuture<Integer> runningExit = execs.waitFor(running);
        CompletableFuture<Integer> idleExit = execs.waitFor(idle);

        f.engine.remove(container, true, false);

        assertThat(runningExit).isCompletedWithValue(137);
        assertThat(idleExit).isCompletedExceptionally();
        assertThatThrownBy(() -> execs.inspect(running)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> execs.start(idle)).isInstanceOf(NotFoundException.class);
        assertThat(f.containerDir(container)).doesNotExist();
    }

    @Test
    void stdinOnlyForSessionsThatAskedAndRun() throws IOException {
        String container = f.run("sleep");
        String without = execs.create(container, ExecSpec.of("sleep"));
        String with = execs.create(container, new ExecSpec(List.of("sleep"), null, null, null, false, true));

        assertThatThrownBy(() -> execs.attachStdin(without)).isInstanceOf(ConflictException.class)
                .hasMessage("exec " + without + " was not created with attachStdin");
        assertThatThrownBy(() -> execs.attachStdin(with)).isInstanceOf(ConflictException.class)
                .hasMessage("exec " + with + " is not running");
        execs.start(with);
        try (OutputStream stdin = execs.attachStdin(with)) {
            stdin.write("input".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(f.runtime.execStdin(with)).isEqualTo("input");
    }

    @Test
    void followingOutputEndsWithTheSession() throws Exception {
        String container = f.run("sleep");
        String exec = execs.create(container, ExecSpec.of("sleep"));
        execs.start(exec);
        LogStream follow = execs.output(exec, true);
        Files.writeString(f.runtime.execRequest(exec).logPath(),
                "2026-11-27T16:41:53.600148797+00:00 stdout F line\n");

        assertThat(follow.next().text()).isEqualTo("line");
        f.runtime.finishExec(exec, 0);

        assertThat(follow.next()).isNull();
    }

    private void passwd(String container) throws IOException {
        Path rootfs = f.snapshots.prepare(container, "x");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"),
                "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nwheel:x:10:\n");
    }

    private static List<String> read(LogStream stream) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        try (stream) {
            LogEntry entry;
            while ((entry = stream.next()) != null) {
                lines.add(entry.text());
            }
        }
        return lines;
    }
}
