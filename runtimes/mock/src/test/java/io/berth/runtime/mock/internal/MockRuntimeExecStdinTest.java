package io.berth.runtime.mock.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;

/** openExecStdin and the exec sessions that read it. */
class MockRuntimeExecStdinTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
        fx.run("c", "sleep", "1000");
    }

    @Test
    void catCopiesTheSessionsStdinUntilItCloses() throws IOException {
        fx.execWithStdin("c", "e", "cat");
        fx.clock.runDue();
        try (OutputStream in = fx.runtime.openExecStdin("c", fx.sessionDir("c", "e"))) {
            in.write("one\ntwo\n".getBytes(UTF_8));
            assertThat(fx.execStdout("c", "e")).containsExactly("one", "two");
            assertThat(fx.execExitCode("c", "e")).isNull();
            in.write("tail".getBytes(UTF_8));
        }
        assertThat(fx.execLog("c", "e")).extracting(LogLine::flag, LogLine::text)
                .containsExactly(tuple("F", "one"), tuple("F", "two"), tuple("P", "tail"));
        assertThat(fx.execExitCode("c", "e")).isZero();
        assertThat(fx.log("c")).as("the container's stdin and log are not involved").isEmpty();
    }

    @Test
    void theSessionDirectoryMayBeGivenInAnotherSpelling() throws IOException {
        fx.execWithStdin("c", "e", "cat");
        Path sameDir = fx.sessionDir("c", "e").resolve("..").resolve("e");
        fx.runtime.openExecStdin("c", sameDir).close();
        assertThat(fx.execExitCode("c", "e")).isZero();
    }

    @Test
    void inputWhilePausedIsReadOnResume() throws IOException {
        fx.execWithStdin("c", "e", "cat");
        fx.clock.runDue();
        fx.runtime.pause("c");
        try (OutputStream in = fx.runtime.openExecStdin("c", fx.sessionDir("c", "e"))) {
            in.write("held\n".getBytes(UTF_8));
        }
        assertThat(fx.execLog("c", "e")).isEmpty();
        fx.runtime.resume("c");
        fx.clock.runDue();
        assertThat(fx.execStdout("c", "e")).containsExactly("held");
        assertThat(fx.execExitCode("c", "e")).isZero();
    }

    @Test
    void catWithoutAnOpenStdinExitsAtOnce() {
        fx.exec("c", "e", "cat");
        fx.clock.runDue();
        assertThat(fx.execExitCode("c", "e")).isZero();
        assertThatThrownBy(() -> fx.runtime.openExecStdin("c", fx.sessionDir("c", "e")))
                .isInstanceOf(ConflictException.class).hasMessageEndingWith("has ended");
    }

    @Test
    void aSessionStartedWithoutOpenStdinRefusesIt() {
        fx.exec("c", "e", "sleep", "10");
        assertThatThrownBy(() -> fx.runtime.openExecStdin("c", fx.sessionDir("c", "e")))
                .isInstanceOf(ConflictException.class).hasMessageEndingWith("was not started with an open stdin");
    }

    @Test
    void aClosedStdinCannotBeOpenedAgain() throws IOException {
        fx.execWithStdin("c", "e", "sh", "-c", "cat; sleep 10");
        fx.clock.runDue();
        fx.runtime.openExecStdin("c", fx.sessionDir("c", "e")).close();
        assertThatThrownBy(() -> fx.runtime.openExecStdin("c", fx.sessionDir("c", "e")))
                .isInstanceOf(ConflictException.class).hasMessageEndingWith("is closed");
    }

    @Test
    void writesAfterTheSessionWasKilledAreDropped() throws IOException {
        fx.execWithStdin("c", "e", "cat");
        fx.clock.runDue();
        OutputStream in = fx.runtime.openExecStdin("c", fx.sessionDir("c", "e"));
        fx.runtime.kill("c", 9, false);
        in.write("too late\n".getBytes(UTF_8));
        in.close();
        assertThat(fx.execLog("c", "e")).isEmpty();
        assertThat(fx.execExitCode("c", "e")).isEqualTo(137);
    }

    @Test
    void unknownSessionsContainersAndStoppedContainersAreRefused() {
        assertThatThrownBy(() -> fx.runtime.openExecStdin("c", fx.sessionDir("c", "never")))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("no exec session in ");
        assertThatThrownBy(() -> fx.runtime.openExecStdin("ghost", fx.sessionDir("c", "never")))
                .isInstanceOf(NotFoundException.class).hasMessage("container ghost does not exist");
        assertThatThrownBy(() -> fx.runtime.openExecStdin("c", null)).isInstanceOf(InvalidArgumentException.class);
        fx.runtime.kill("c", 15, false);
        assertThatThrownBy(() -> fx.runtime.openExecStdin("c", fx.sessionDir("c", "never")))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
    }
}
