package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeStatus;

/** exec: output, exit codes, env and cwd, and the requests it refuses without writing anything. */
class MockRuntimeExecTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
        fx.run("c", "sleep", "1000");
    }

    @Test
    void echoWritesItsLineToTheSessionLogAndExitsZero() throws Exception {
        fx.exec("c", "e1", "echo", "hello", "exec");
        assertThat(fx.execLog("c", "e1")).as("the log is created at exec").isEmpty();
        assertThat(fx.execExitCode("c", "e1")).as("the program runs after exec returns").isNull();

        fx.clock.runDue();

        assertThat(fx.execLog("c", "e1")).extracting(LogLine::stream, LogLine::flag, LogLine::text)
                .containsExactly(tuple("stdout", "F", "hello exec"));
        assertThat(Files.readString(fx.execExitFile("c", "e1"))).isEqualTo("0");
        assertThat(fx.log("c")).as("the container's own log is untouched").isEmpty();
        assertThat(fx.exitCode("c")).isNull();
        assertThat(fx.status("c")).isEqualTo(RuntimeStatus.RUNNING);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"exit 3|3", "false|1", "true|0", "nosuch|127", "echo x; exit 300|44"})
    void theExitFileHoldsTheProgramsExitCode(String script, int code) {
        fx.exec("c", "e1", "sh", "-c", script);
        fx.clock.runDue();
        assertThat(fx.execExitCode("c", "e1")).isEqualTo(code);
    }

    @Test
    void theExitFileIsNamedAfterTheContainerAndWrittenAtomically() throws Exception {
        fx.exec("c", "e1", "/bin/false");
        fx.clock.runDue();
        try (var files = Files.list(fx.execExitFile("c", "e1").getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("c");
        }
        assertThat(Files.readString(fx.execExitFile("c", "e1"))).isEqualTo("1");
    }

    @Test
    void envAndCwdComeFromTheRequest() {
        fx.runtime.exec("c", fx.execRequest("c", "e1", false, false, List.of("A=1", "B=two"), "/work", "env"));
        fx.runtime.exec("c", fx.execRequest("c", "e2", false, false, List.of(), "/work", "pwd"));
        fx.runtime.exec("c", fx.execRequest("c", "e3", false, false, List.of("WHO=exec"), "/", "sh", "-c",
                "echo $WHO"));
        fx.clock.runDue();
        assertThat(fx.execStdout("c", "e1")).containsExactly("A=1", "B=two");
        assertThat(fx.execStdout("c", "e2")).containsExactly("/work");
        assertThat(fx.execStdout("c", "e3")).containsExactly("exec");
    }

    @Test
    void stderrIsKeptApartWithoutATerminalAndIsStdoutWithOne() {
        fx.runtime.exec("c", fx.execRequest("c", "plain", false, false, List.of(), "/", "sh", "-c",
                "echo out; echo err >&2"));
        fx.runtime.exec("c", fx.execRequest("c", "tty", true, false, List.of(), "/", "sh", "-c",
                "echo out; echo err >&2"));
        fx.clock.runDue();
        assertThat(fx.execLog("c", "plain")).extracting(LogLine::stream, LogLine::text)
                .containsExactly(tuple("stdout", "out"), tuple("stderr", "err"));
        assertThat(fx.execLog("c", "tty")).extracting(LogLine::stream, LogLine::text)
                .containsExactly(tuple("stdout", "out"), tuple("stdout", "err"));
    }

    @Test
    void aSleepingSessionRunsUntilItsTimeIsUp() {
        fx.exec("c", "s", "sh", "-c", "echo start; sleep 5; echo done; exit 4");
        fx.clock.runDue();
        fx.clock.advanceSeconds(4.9);
        assertThat(fx.execStdout("c", "s")).containsExactly("start");
        assertThat(fx.execExitCode("c", "s")).isNull();
        fx.clock.advanceSeconds(0.1);
        assertThat(fx.execStdout("c", "s")).containsExactly("start", "done");
        assertThat(fx.execExitCode("c", "s")).isEqualTo(4);
        assertThat(fx.status("c")).isEqualTo(RuntimeStatus.RUNNING);
    }

    @Test
    void severalSessionsRunSideBySide() {
        fx.exec("c", "a", "sh", "-c", "sleep 2; exit 1");
        fx.exec("c", "b", "sh", "-c", "sleep 1; exit 2");
        fx.clock.advanceSeconds(1);
        assertThat(fx.execExitCode("c", "b")).isEqualTo(2);
        assertThat(fx.execExitCode("c", "a")).isNull();
        fx.clock.advanceSeconds(1);
        assertThat(fx.execExitCode("c", "a")).isEqualTo(1);
    }

    @Test
    void anUnknownExecutableIsRefusedWithDockersWordingAndWritesNothing() {
        assertThatThrownBy(() -> fx.exec("c", "e1", "/usr/bin/nosuch", "arg"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("exec: \"/usr/bin/nosuch\": executable file not found in $PATH");
        fx.clock.advanceSeconds(10);
        assertThat(fx.sessionDir("c", "e1")).doesNotExist();
        assertThat(fx.runtime.processes("c")).hasSize(1);
    }

    @Test
    void aCreatedOrStoppedContainerIsNotRunning() {
        fx.create("new", "sleep", "10");
        fx.run("done", "true");
        for (String id : List.of("new", "done")) {
            assertThatThrownBy(() -> fx.exec(id, "e1", "echo", "x"))
                    .isInstanceOf(ConflictException.class).hasMessage("container not running");
            assertThat(fx.sessionDir(id, "e1")).doesNotExist();
        }
    }

    @Test
    void aPausedContainerMustBeUnpausedFirst() {
        fx.runtime.pause("c");
        assertThatThrownBy(() -> fx.exec("c", "e1", "echo", "x"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("container c is paused, unpause the container before exec");
        assertThat(fx.sessionDir("c", "e1")).doesNotExist();
    }

    @Test
    void theContainerStateIsCheckedBeforeTheExecutable() {
        fx.run("done", "true");
        assertThatThrownBy(() -> fx.exec("done", "e1", "nosuch")).isInstanceOf(ConflictException.class);
    }

    @Test
    void anUnknownContainerIsNotFound() {
        assertThatThrownBy(() -> fx.exec("ghost", "e1", "echo"))
                .isInstanceOf(NotFoundException.class).hasMessage("container ghost does not exist");
    }

    @Test
    void anEmptyCommandOrMissingPathsAreRefused() {
        assertThatThrownBy(() -> fx.exec("c", "e1"))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("No exec command specified");
        RuntimeExecRequest noExitDir = new RuntimeExecRequest("e2", List.of("true"), List.of(), "/", 0, 0, false,
                false, fx.sessionDir("c", "e2"), fx.sessionDir("c", "e2").resolve("exec.log"), null);
        assertThatThrownBy(() -> fx.runtime.exec("c", noExitDir)).isInstanceOf(InvalidArgumentException.class);
        assertThat(fx.sessionDir("c", "e2")).doesNotExist();
    }

    @Test
    void aSessionDirectoryInUseIsAConflict() {
        fx.exec("c", "e1", "sleep", "10");
        assertThatThrownBy(() -> fx.exec("c", "e1", "echo", "again"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already running");
    }
}
