package io.berth.runtime.mock.internal;

import static io.berth.api.runtime.RuntimeStatus.RUNNING;
import static io.berth.api.runtime.RuntimeStatus.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command of the simulated set, run through the runtime on the virtual clock. */
class MockRuntimeCommandsTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void echoWritesOneStdoutLineAndExits0() throws Exception {
        fx.run("c1", "echo", "hello", "world");
        assertThat(fx.log("c1")).containsExactly(new LogLine(fx.clock.now(), "stdout", "F", "hello world"));
        assertThat(Files.readString(fx.exitFile("c1"))).isEqualTo("0");
        assertThat(fx.status("c1")).isEqualTo(STOPPED);
    }

    @Test
    void theProcessRunsAfterStartReturns() {
        fx.create("c1", "echo", "hi");
        fx.runtime.start("c1");
        assertThat(fx.status("c1")).isEqualTo(RUNNING);
        assertThat(fx.exitCode("c1")).isNull();
        fx.clock.runDue();
        assertThat(fx.exitCode("c1")).isZero();
    }

    @Test
    void trueAndFalse() {
        fx.run("t", "true");
        fx.run("f", "/bin/false");
        assertThat(fx.exitCode("t")).isZero();
        assertThat(fx.exitCode("f")).isEqualTo(1);
        assertThat(fx.log("t")).isEmpty();
    }

    @Test
    void sleepRunsForItsDurationThenExits0() {
        fx.run("s", "sleep", "2.5");
        fx.clock.advanceSeconds(2.4);
        assertThat(fx.status("s")).isEqualTo(RUNNING);
        assertThat(fx.exitCode("s")).isNull();
        fx.clock.advanceSeconds(0.1);
        assertThat(fx.exitCode("s")).isZero();
        assertThat(fx.status("s")).isEqualTo(STOPPED);
    }

    @Test
    void sleepInfinityNeverEnds() {
        fx.run("s", "sleep", "infinity");
        fx.clock.advanceSeconds(1e6);
        assertThat(fx.status("s")).isEqualTo(RUNNING);
        assertThat(fx.clock.pendingTasks()).isZero();
    }

    @Test
    void shellExitCodes() {
        fx.run("a", "sh", "-c", "exit 7");
        fx.run("b", "/bin/sh", "-c", "echo TEXT");
        fx.run("c", "sh", "-c", "echo TEXT; exit 3");
        assertThat(fx.exitCode("a")).isEqualTo(7);
        assertThat(fx.exitCode("b")).isZero();
        assertThat(fx.stdout("b")).containsExactly("TEXT");
        assertThat(fx.exitCode("c")).isEqualTo(3);
        assertThat(fx.stdout("c")).containsExactly("TEXT");
    }

    @Test
    void shellSleepsBetweenCommands() {
        fx.run("s", "sh", "-c", "echo start; sleep 1; echo end; exit 4");
        assertThat(fx.stdout("s")).containsExactly("start");
        fx.clock.advanceSeconds(1);
        assertThat(fx.stdout("s")).containsExactly("start", "end");
        assertThat(fx.exitCode("s")).isEqualTo(4);
        List<LogLine> log = fx.log("s");
        assertThat(log.get(1).time()).isEqualTo(log.get(0).time().plusSeconds(1));
    }

    @Test
    void shellErrorsGoToStderr() {
        fx.run("e", "sh", "-c", "nosuchcmd; echo warn >&2");
        assertThat(fx.log("e")).extracting(LogLine::stream, LogLine::text).containsExactly(
                tuple("stderr", "sh: nosuchcmd: not found"),
                tuple("stderr", "warn"));
        assertThat(fx.exitCode("e")).isZero();
        fx.run("n", "sh", "-c", "nosuchcmd");
        assertThat(fx.exitCode("n")).isEqualTo(127);
    }

    @Test
    void envPrintsTheProcessEnvironment() {
        fx.runtime.create(fx.request("e", fx.bundle("e", List.of("env"), List.of("PATH=/bin", "X=y z"), "/",
                false), false, false));
        fx.runtime.start("e");
        fx.clock.runDue();
        assertThat(fx.stdout("e")).containsExactly("PATH=/bin", "X=y z");
        assertThat(fx.exitCode("e")).isZero();
    }

    @Test
    void pwdPrintsTheWorkingDirectory() {
        fx.runtime.create(fx.request("p", fx.bundle("p", List.of("pwd"), List.of(), "/srv/app", false),
                false, false));
        fx.runtime.start("p");
        fx.clock.runDue();
        assertThat(fx.stdout("p")).containsExactly("/srv/app");
    }

    @Test
    void aTerminalRecordsStderrAsStdout() {
        fx.create("t", true, false, "sh", "-c", "echo out; echo err >&2");
        fx.runtime.start("t");
        fx.clock.runDue();
        assertThat(fx.log("t")).extracting(LogLine::stream).containsExactly("stdout", "stdout");
    }

    @Test
    void theTerminalFlagOfConfigJsonCountsToo() {
        fx.runtime.create(fx.request("t", fx.bundle("t", List.of("sh", "-c", "echo err >&2"), List.of(), "/",
                true), false, false));
        fx.runtime.start("t");
        fx.clock.runDue();
        assertThat(fx.log("t")).extracting(LogLine::stream).containsExactly("stdout");
    }

    @Test
    void outputIsAppendedToAnExistingLog() throws Exception {
        Files.createDirectories(fx.logPath("a").getParent());
        Files.writeString(fx.logPath("a"), "2026-01-01T00:00:00.000000000+00:00 stdout F earlier\n");
        fx.run("a", "echo", "later");
        assertThat(fx.stdout("a")).containsExactly("earlier", "later");
    }

    @Test
    void exitFilesAreWrittenAtomically() throws Exception {
        fx.run("a", "sh", "-c", "exit 42");
        try (var files = Files.list(fx.exitFile("a").getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("a");
        }
        assertThat(Files.readString(fx.exitFile("a"))).isEqualTo("42");
    }
}
