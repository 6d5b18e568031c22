package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeFeatures;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.nativeio.internal.linux.LinuxNative;
import io.berth.runtime.oci.OciCliProfile;

/** The driver against fake programs: readiness, argument passing and error mapping, without root. */
class CliOciRuntimeTest {

    private static final LinuxNative NATIVES = new LinuxNative();

    @TempDir
    Path dir;

    private OciRuntime runtime(Path binary, Path conmon) {
        OciCliProfile profile = new OciCliProfile("fake", List.of(binary), dir.resolve("run/fake"), List.of(),
                false, true, List.of(conmon));
        return new OciDriver(NATIVES, NATIVES, NATIVES).runtime(profile);
    }

    @Test
    void missingBinaryMakesTheRuntimeUnavailableWithTheReason() throws Exception {
        Path conmon = FakePrograms.script(dir.resolve("bin/conmon"), "exit 0");
        OciRuntime runtime = runtime(dir.resolve("bin/none"), conmon);
        RuntimeInfo info = runtime.info();
        assertThat(info.ready()).isFalse();
        assertThat(info.reason()).isEqualTo("fake binary not found (looked in " + dir.resolve("bin/none") + ")");
        assertThat(info.binary()).isEmpty();
        assertThat(info.features()).isEqualTo(RuntimeFeatures.UNKNOWN);
        assertThatThrownBy(runtime::list).isInstanceOf(UnavailableException.class).hasMessage(info.reason());
        assertThatThrownBy(() -> runtime.start("a")).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> runtime.delete("a", true)).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> runtime.create(new RuntimeCreateRequest("a", dir, dir.resolve("l"), dir, false,
                false))).isInstanceOf(UnavailableException.class);
        RuntimeExecRequest exec = new RuntimeExecRequest("e1", List.of("true"), List.of(), null, 0, 0, false,
                false, dir.resolve("s"), dir.resolve("s/log"), dir.resolve("s/exits"));
        assertThatThrownBy(() -> runtime.exec("a", exec)).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> runtime.openExecStdin("a", dir)).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> runtime.processes("a")).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> runtime.stats("a")).isInstanceOf(UnavailableException.class);
    }

    @Test
    void missingOrNonExecutableConmonIsReported() throws Exception {
        Path binary = FakePrograms.runtime(dir.resolve("bin/fake"));
        assertThat(runtime(binary, dir.resolve("bin/conmon")).info().reason())
                .startsWith("conmon not found (looked in ");
        Path conmon = Files.writeString(dir.resolve("bin/conmon"), "");
        Files.setPosixFilePermissions(conmon, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(runtime(binary, conmon).info().reason()).isEqualTo("conmon " + conmon + " is not executable");
    }

    @Test
    void becomesReadyWhenTheBinaryAppears() throws Exception {
        Path conmon = FakePrograms.script(dir.resolve("bin/conmon"), "exit 0");
        Path binary = dir.resolve("bin/fake");
        OciRuntime runtime = runtime(binary, conmon);
        assertThat(runtime.info().ready()).isFalse();
        FakePrograms.runtime(binary);
        RuntimeInfo info = runtime.info();
        assertThat(info.ready()).as(info.reason()).isTrue();
        assertThat(info.version()).isEqualTo("0.0.1");
        assertThat(info.binary()).isEqualTo(binary.toString());
        assertThat(info.features()).isEqualTo(RuntimeFeatures.UNKNOWN);
        assertThat(dir.resolve("run/fake")).isDirectory();
        assertThat(dir.resolve("run/fake-sockets")).doesNotExist();
    }

    @Test
    void brokenBinaryIsNotReady() throws Exception {
        Path conmon = FakePrograms.script(dir.resolve("bin/conmon"), "exit 0");
        Path binary = FakePrograms.script(dir.resolve("bin/fake"), "echo 'segfault' >&2; exit 139");
        RuntimeInfo info = runtime(binary, conmon).info();
        assertThat(info.ready()).isFalse();
        assertThat(info.reason()).contains("--version failed (exit 139): segfault");
    }

    @Test
    void operationsMapTheRuntimesAnswers() throws Exception {
        OciRuntime runtime = runtime(FakePrograms.runtime(dir.resolve("bin/fake")),
                FakePrograms.script(dir.resolve("bin/conmon"), "exit 0"));
        Path container = Files.createDirectories(dir.resolve("run/fake/c1"));
        Files.writeString(container.resolve("state.json"),
                "{\"id\":\"c1\",\"pid\":77,\"status\":\"running\",\"bundle\":\"/b\"}");
        assertThat(runtime.state("c1")).isEqualTo(new RuntimeState("c1", RuntimeStatus.RUNNING, 77));
        assertThat(runtime.list()).isEmpty();
        assertThatThrownBy(() -> runtime.kill("c1", 15, false)).isInstanceOf(ConflictException.class)
                .hasMessage("fake kill c1: container not running");
        assertThatThrownBy(() -> runtime.state("c2")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: c2 (fake state: container does not exist)");
        assertThatThrownBy(() -> runtime.pause("c1")).isExactlyInstanceOf(BerthException.class)
                .hasMessageContaining("unexpected: pause c1");
        assertThatThrownBy(() -> runtime.kill("c1", 0, false)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> runtime.state("--all")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> runtime.openExecStdin("c2", dir)).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: c2");
        assertThatThrownBy(() -> runtime.openExecStdin("c1", dir.resolve("no-session")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot attach to the stdin of exec session");
        runtime.delete("c1", true);
        assertThat(container).doesNotExist();
        runtime.delete("c1", true);
        runtime.delete("never-existed", false);
    }
}
