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
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.runtime.oci.OciCliProfile;

/**
 * The container lifecycle every runc-compatible runtime must provide through the driver, with real
 * containers (root, conmon, busybox). Subclasses name the profile. Every container is force-deleted after
 * the test, pass or fail.
 */
abstract class RealRuntimeContract {

    /** Waits (up to 10 s) until the terminal is 33x77, then prints its size. */
    static final String AWAIT_SIZE = "i=0; while [ \"$(stty size 2>/dev/null)\" != '33 77' ] "
            + "&& [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; stty size";

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
    void reportsReadyWithVersion() {
        RuntimeInfo info = runtime.info();
        assertThat(info.ready()).as(info.reason()).isTrue();
        assertThat(info.name()).isEqualTo(profile().name());
        assertThat(info.version()).isNotBlank();
        assertThat(info.binary()).endsWith("/" + profile().name());
    }

    @Test
    void echoWritesLogAndExitsZero() throws Exception {
        ProcessFiles container = fixture.run(List.of("echo", "hi"), false);
        assertThat(container.awaitExit()).isEqualTo(0);
        assertThat(container.log()).anyMatch(line -> line.matches("\\S+ stdout F hi"));
    }

    @Test
    void terminalContainerLogsItsOutput() throws Exception {
        ProcessFiles container = fixture.create(fixture.bundle(List.of("sh", "-c", "echo hi; [ -t 1 ]")).terminal(),
                true, false);
        runtime.start(container.id());
        assertThat(container.awaitExit()).as("stdout is a terminal").isEqualTo(0);
        assertThat(container.lines("stdout")).contains("hi");
    }

    @Test
    void resizeReachesTheContainersTerminal() throws Exception {
        ProcessFiles container = fixture.create(fixture.bundle(List.of("sh", "-c", AWAIT_SIZE)).terminal(), true,
                false);
        runtime.start(container.id());
        runtime.resize(container.id(), 33, 77);
        assertThat(container.awaitExit()).as(container.log().toString()).isEqualTo(0);
        assertThat(container.lines("stdout")).contains("33 77");
        Await.until("stopped state", () -> runtime.state(container.id()).status() == RuntimeStatus.STOPPED);
        assertThatThrownBy(() -> runtime.resize(container.id(), 24, 80)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is not running");
        assertThatThrownBy(() -> runtime.resize(fixture.newId(), 24, 80)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void loopbackIsUpInTheContainersOwnNetworkNamespace() throws Exception {
        ProcessFiles container = fixture.run(List.of("cat", "/sys/class/net/lo/operstate", "/sys/class/net/lo/flags"),
                false);
        assertThat(container.awaitExit()).isEqualTo(0);
        List<String> lines = container.lines("stdout");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isIn("unknown", "up");
        assertThat(Integer.decode(lines.get(1)) & 0x1).as("IFF_UP in " + lines.get(1)).isEqualTo(1);
    }

    @Test
    void monitorsRunInTheEnginesCgroupsBesideTheirContainers() throws Exception {
        String parent = "/berth-test-monitors";
        BusyboxBundle bundle = fixture.bundle(List.of("sleep", "60"));
        ProcessFiles container = fixture.create(bundle.cgroup(parent + "/" + bundle.dir().getFileName()), false,
                false);
        runtime.start(container.id());
        RuntimeExecRequest exec = fixture.execRequest(List.of("sleep", "60"), List.of(), "/", 0, false, false);
        fixture.exec(container, exec);
        try {
            for (Path workDir : List.of(bundle.dir(), exec.sessionDir())) {
                int monitor = Integer.parseInt(Files.readString(workDir.resolve(ConmonCommand.CONMON_PID_NAME)).trim());
                assertThat(Files.readAllLines(Path.of("/proc", Integer.toString(monitor), "cgroup")))
                        .as("cgroups of the monitor in " + workDir).isNotEmpty()
                        .allSatisfy(line -> assertThat(line).endsWith(":" + parent + "/conmon"));
            }
        } finally {
            runtime.delete(container.id(), true);
            RootFixture.removeCgroups(parent, MonitorCgroups.MONITOR_CGROUP_NAME);
        }
    }

    @Test
    void exitCodeOfShellIsRecorded() throws Exception {
        assertThat(fixture.run(List.of("sh", "-c", "exit 3"), false).awaitExit()).isEqualTo(3);
    }

    @Test
    void termEndsSleepWith143() throws Exception {
        ProcessFiles container = fixture.create(fixture.bundle(List.of("sleep", "60")).withoutPidNamespace(),
                false, false);
        runtime.start(container.id());
        runtime.kill(container.id(), 15, false);
        assertThat(container.awaitExit()).isEqualTo(143);
    }

    @Test
    void killEndsSleepWith137() throws Exception {
        ProcessFiles container = fixture.run(List.of("sleep", "60"), false);
        runtime.kill(container.id(), 9, false);
        assertThat(container.awaitExit()).isEqualTo(137);
        Await.until("stopped state", () -> runtime.state(container.id()).status() == RuntimeStatus.STOPPED);
    }

    @Test
    void killEndsAPausedContainer() throws Exception {
        ProcessFiles one = fixture.run(List.of("sleep", "60"), false);
        ProcessFiles all = fixture.run(List.of("sleep", "60"), false);
        runtime.pause(one.id());
        runtime.pause(all.id());
        runtime.kill(one.id(), 9, false);
        runtime.kill(all.id(), 9, true);
        assertThat(one.awaitExit()).isEqualTo(137);
        assertThat(all.awaitExit()).isEqualTo(137);
        Await.until("stopped state", () -> runtime.state(one.id()).status() == RuntimeStatus.STOPPED);
        assertThatThrownBy(() -> runtime.resume(one.id())).as("nothing left to resume")
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void missingExecutableFailsCreateWithDockerWording() throws Exception {
        RuntimeCreateRequest request = fixture.request(fixture.newId(), fixture.bundle(List.of("nope")), false, false);
        assertThatThrownBy(() -> runtime.create(request)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("exec: \"nope\": executable file not found in $PATH");
        assertThat(runtime.list()).doesNotContain(request.id());
        assertThatThrownBy(() -> runtime.state(request.id())).isInstanceOf(NotFoundException.class);
        assertThat(request.exitDir().resolve(request.id())).doesNotExist();
    }

    @Test
    void nonExecutableFileFailsCreateWithPermissionDenied() throws Exception {
        BusyboxBundle bundle = fixture.bundle(List.of("/bin/data"));
        Path data = Files.writeString(bundle.rootfs().resolve("bin/data"), "not a program");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-r--r--"));
        RuntimeCreateRequest request = fixture.request(fixture.newId(), bundle, false, false);
        assertThatThrownBy(() -> runtime.create(request)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("exec: \"/bin/data\": permission denied");
        assertThat(runtime.list()).doesNotContain(request.id());
    }

    @Test
    void stateFollowsLifecycle() throws Exception {
        ProcessFiles container = fixture.create(fixture.bundle(List.of("sleep", "60")), false, false);
        String id = container.id();
        assertThat(runtime.state(id).status()).isEqualTo(RuntimeStatus.CREATED);
        assertThat(runtime.list()).contains(id);
        runtime.start(id);
        assertThat(runtime.state(id).status()).isEqualTo(RuntimeStatus.RUNNING);
        assertThat(runtime.state(id).pid()).isPositive();
        runtime.pause(id);
        assertThat(runtime.state(id).status()).isEqualTo(RuntimeStatus.PAUSED);
        runtime.resume(id);
        assertThat(runtime.state(id).status()).isEqualTo(RuntimeStatus.RUNNING);
        assertThatThrownBy(() -> runtime.delete(id, false)).isInstanceOf(ConflictException.class);
        runtime.kill(id, 9, true);
        assertThat(container.awaitExit()).isEqualTo(137);
        Await.until("stopped state", () -> runtime.state(id).status() == RuntimeStatus.STOPPED);
        assertThatThrownBy(() -> runtime.pause(id)).isInstanceOf(ConflictException.class);
        runtime.delete(id, false);
        assertThat(runtime.list()).doesNotContain(id);
        assertThatThrownBy(() -> runtime.state(id)).isInstanceOf(NotFoundException.class);
        runtime.delete(id, false);
        runtime.delete(id, true);
    }

    @Test
    void unknownContainersAreNotFound() {
        String id = fixture.newId();
        assertThatThrownBy(() -> runtime.start(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runtime.kill(id, 15, false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runtime.pause(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runtime.openStdin(id)).isInstanceOf(NotFoundException.class);
        runtime.delete(id, false);
    }

    @Test
    void stdinReachesCatAndCloseEndsIt() throws Exception {
        BusyboxBundle bundle = fixture.deepBundle(List.of("cat"));
        assertThat(bundle.dir().resolve("attach").toString().length()).isGreaterThan(107);
        ProcessFiles container = fixture.create(bundle, false, true);
        runtime.start(container.id());
        try (OutputStream stdin = runtime.openStdin(container.id())) {
            stdin.write("hello stdin\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            container.awaitLine("stdout", "hello stdin");
        }
        assertThat(container.awaitExit()).isEqualTo(0);
    }
}
