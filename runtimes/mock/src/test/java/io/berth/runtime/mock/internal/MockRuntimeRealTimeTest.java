package io.berth.runtime.mock.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeStatus;

/** The runtime on the real clock and executor, as it runs in Karaf. Waits by polling, never by sleeping. */
class MockRuntimeRealTimeTest {

    @TempDir
    Path dir;

    private MockRuntime runtime;

    @BeforeEach
    void setUp() {
        runtime = new MockRuntime(dir.resolve("state"), new ExecutorScheduler(), "1.0");
    }

    @AfterEach
    void tearDown() {
        runtime.deactivate();
    }

    @Test
    void aShortSleepEndsOnItsOwn() {
        create("s", false, "sleep", "0.2");
        runtime.start("s");
        awaitExit("s");
        assertThat(runtime.state("s").status()).isEqualTo(RuntimeStatus.STOPPED);
        assertThat(exitCode("s")).isZero();
    }

    @Test
    void echoWritesItsLineAndExits() {
        create("e", false, "sh", "-c", "echo hi; exit 2");
        runtime.start("e");
        awaitExit("e");
        assertThat(exitCode("e")).isEqualTo(2);
        assertThat(LogLine.readAll(logPath("e"))).extracting(LogLine::text).containsExactly("hi");
    }

    @Test
    void catEchoesWhatIsWrittenToStdin() throws Exception {
        create("c", true, "cat");
        runtime.start("c");
        try (OutputStream in = runtime.openStdin("c")) {
            in.write("ping\n".getBytes(UTF_8));
        }
        awaitExit("c");
        assertThat(LogLine.readAll(logPath("c"))).extracting(LogLine::text).containsExactly("ping");
    }

    @Test
    void killEndsALongSleepAtOnce() {
        create("k", false, "sleep", "100");
        runtime.start("k");
        runtime.kill("k", 15, false);
        assertThat(exitCode("k")).isEqualTo(143);
    }

    @Test
    void execRunsBesideTheContainerAndEndsWithIt() throws Exception {
        create("x", false, "sleep", "100");
        runtime.start("x");
        Path echo = dir.resolve("sessions/echo");
        runtime.exec("x", execRequest(echo, false, "sh", "-c", "echo from exec; exit 6"));
        Await.until("the exec's exit file", () -> Files.exists(echo.resolve("exits/x")));
        assertThat(Files.readString(echo.resolve("exits/x"))).isEqualTo("6");
        assertThat(LogLine.readAll(echo.resolve("exec.log"))).extracting(LogLine::text)
                .containsExactly("from exec");

        Path cat = dir.resolve("sessions/cat");
        runtime.exec("x", execRequest(cat, true, "cat"));
        try (OutputStream in = runtime.openExecStdin("x", cat)) {
            in.write("ping\n".getBytes(UTF_8));
            Await.until("the echoed line", () -> !LogLine.readAll(cat.resolve("exec.log")).isEmpty());
            runtime.kill("x", 9, false);
        }
        assertThat(Files.readString(cat.resolve("exits/x"))).isEqualTo("137");
        assertThat(LogLine.readAll(cat.resolve("exec.log"))).extracting(LogLine::text).containsExactly("ping");
    }

    private static RuntimeExecRequest execRequest(Path session, boolean openStdin, String... args) {
        return new RuntimeExecRequest("e", List.of(args), List.of(), "/", 0, 0, false, openStdin, session,
                session.resolve("exec.log"), session.resolve("exits"));
    }

    private void create(String id, boolean openStdin, String... args) {
        Path bundle = TestBundles.bundle(dir, id, List.of(args), List.of(), "/", false);
        runtime.create(new RuntimeCreateRequest(id, bundle, logPath(id), dir.resolve("exits"), false, openStdin));
    }

    private Path logPath(String id) {
        return dir.resolve("logs").resolve(id + ".log");
    }

    private void awaitExit(String id) {
        Await.until("the exit file of " + id, () -> dir.resolve("exits").resolve(id).toFile().exists());
    }

    private int exitCode(String id) {
        try {
            return Integer.parseInt(Files.readString(dir.resolve("exits").resolve(id)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
