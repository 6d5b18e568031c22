package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeStats;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.runtime.oci.OciCliProfile;

/**
 * Exec sessions, processes and statistics (SPI 1.1) with real containers (root, conmon, busybox).
 * Subclasses name the profile. Every container is force-deleted after the test, pass or fail.
 */
abstract class RealExecContract {

    private static final List<String> PATH = List.of("PATH=/bin");

    private RootFixture fixture;
    private OciRuntime runtime;

    @TempDir
    Path dir;

    abstract OciCliProfile profile();

    @BeforeEach
    void requireRuntime() {
        fixture = RootFixture.open(profile(), dir);
        runtime = fixture.runtime;
    }

    @AfterEach
    void deleteContainers() {
        if (fixture != null) {
            fixture.cleanUp();
        }
    }

    @Test
    void execRecordsOutputAndExitCode() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        ProcessFiles session = fixture.exec(container, request(List.of("sh", "-c", "echo out; echo err >&2; exit 5")));
        assertThat(session.awaitExit()).isEqualTo(5);
        assertThat(session.lines("stdout")).containsExactly("out");
        assertThat(session.lines("stderr")).containsExactly("err");
        assertThat(container.exited()).as("the container runs on").isFalse();
    }

    @Test
    void execReturnsWhileTheProcessRuns() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        ProcessFiles session = fixture.exec(container, request(List.of("sh", "-c", "echo started; exec sleep 60")));
        session.awaitLine("stdout", "started");
        assertThat(session.exited()).isFalse();
        assertThat(runtime.processes(container.id())).hasSizeGreaterThanOrEqualTo(2);
        runtime.kill(container.id(), 9, false);
        assertThat(container.awaitExit()).isEqualTo(137);
        assertThat(session.awaitExit()).as("ends with its container's pid namespace").isEqualTo(137);
    }

    @Test
    void execUsesEnvCwdAndUser() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        RuntimeExecRequest request = fixture.execRequest(List.of("sh", "-c", "echo $GREETING; pwd; id -u; id -g"),
                List.of("PATH=/bin", "GREETING=hello"), "/bin", 1000, false, false);
        ProcessFiles session = fixture.exec(container, request);
        assertThat(session.awaitExit()).isEqualTo(0);
        assertThat(session.lines("stdout")).containsExactly("hello", "/bin", "1000", "1000");
    }

    @Test
    void execWithTerminal() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        ProcessFiles session = fixture.exec(container,
                fixture.execRequest(List.of("sh", "-c", "echo hi; [ -t 1 ]"), PATH, null, 0, true, false));
        assertThat(session.awaitExit()).as("stdout is a terminal").isEqualTo(0);
        assertThat(session.lines("stdout")).contains("hi");
    }

    @Test
    void resizeReachesTheSessionsTerminal() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        RuntimeExecRequest request = fixture.execRequest(List.of("sh", "-c", RealRuntimeContract.AWAIT_SIZE), PATH,
                null, 0, true, false);
        ProcessFiles session = fixture.exec(container, request);
        runtime.resizeExec(container.id(), request.sessionDir(), 33, 77);
        assertThat(session.awaitExit()).as(session.log().toString()).isEqualTo(0);
        assertThat(session.lines("stdout")).contains("33 77");
        Await.until("session's monitor gone", () -> {
            try {
                runtime.resizeExec(container.id(), request.sessionDir(), 24, 80);
                return false;
            } catch (ConflictException ended) {
                return true;
            }
        });
        assertThatThrownBy(() -> runtime.resizeExec(container.id(), dir.resolve("nosession"), 24, 80))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runtime.resizeExec(fixture.newId(), request.sessionDir(), 24, 80))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void execStdinReachesCatAndCloseEndsIt() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        RuntimeExecRequest request = fixture.execRequest(List.of("cat"), PATH, null, 0, false, true);
        ProcessFiles session = fixture.exec(container, request);
        try (OutputStream stdin = runtime.openExecStdin(container.id(), request.sessionDir())) {
            stdin.write("hello exec\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            session.awaitLine("stdout", "hello exec");
        }
        assertThat(session.awaitExit()).isEqualTo(0);
    }

    @Test
    void execOfMissingProgramFailsWithDockerWording() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        RuntimeExecRequest request = request(List.of("nope"));
        assertThatThrownBy(() -> runtime.exec(container.id(), request)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("exec: \"nope\": executable file not found in $PATH");
        assertThat(request.exitDir().resolve(container.id())).doesNotExist();
    }

    @Test
    void execOfNonExecutableFileFailsWithPermissionDenied() throws Exception {
        BusyboxBundle bundle = fixture.bundle(List.of("sleep", "60"));
        Path data = Files.writeString(bundle.rootfs().resolve("bin/data"), "not a program");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-r--r--"));
        ProcessFiles container = fixture.create(bundle, false, false);
        runtime.start(container.id());
        assertThatThrownBy(() -> runtime.exec(container.id(), request(List.of("/bin/data"))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("exec: \"/bin/data\": permission denied");
    }

    @Test
    void execNeedsARunningContainer() throws Exception {
        ProcessFiles paused = fixture.run(List.of("sleep", "60"), false);
        runtime.pause(paused.id());
        assertThatThrownBy(() -> runtime.exec(paused.id(), request(List.of("true"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is paused");
        ProcessFiles stopped = fixture.run(List.of("true"), false);
        stopped.awaitExit();
        Await.until("stopped state", () -> runtime.state(stopped.id()).status() == RuntimeStatus.STOPPED);
        assertThatThrownBy(() -> runtime.exec(stopped.id(), request(List.of("true"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is not running");
        assertThatThrownBy(() -> runtime.processes(stopped.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> runtime.stats(stopped.id())).isInstanceOf(ConflictException.class);
        String unknown = fixture.newId();
        assertThatThrownBy(() -> runtime.exec(unknown, request(List.of("true")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runtime.openExecStdin(unknown, dir)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void processesListTheContainersInit() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        int pid = runtime.state(container.id()).pid();
        assertThat(runtime.processes(container.id())).contains(pid);
    }

    @Test
    void statsReportUsageAndLimits() throws Exception {
        long limit = 64L << 20;
        ProcessFiles container = fixture.create(fixture.bundle(List.of("sleep", "60")).limits(limit, 100), false,
                false);
        runtime.start(container.id());
        RuntimeStats stats = runtime.stats(container.id());
        assertThat(stats.memoryUsageBytes()).isPositive();
        assertThat(stats.memoryLimitBytes()).isEqualTo(limit);
        assertThat(stats.pidsCurrent()).isPositive();
        assertThat(stats.pidsLimit()).isEqualTo(100);
        assertThat(stats.cpuUsageNanos()).isPositive();
    }

    @Test
    void statsWithoutLimitsReportTheHostsMemory() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        RuntimeStats stats = runtime.stats(container.id());
        assertThat(stats.memoryLimitBytes()).isEqualTo(HostMemory.total());
        assertThat(stats.pidsLimit()).isZero();
    }

    private RuntimeExecRequest request(List<String> args) throws Exception {
        return fixture.execRequest(args, PATH, null, 0, false, false);
    }
}
