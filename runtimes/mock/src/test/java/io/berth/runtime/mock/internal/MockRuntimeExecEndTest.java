package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.NotFoundException;

/** How exec sessions end with their container, freeze with it, and are forgotten by a restarted runtime. */
class MockRuntimeExecEndTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
        fx.run("c", "sleep", "1000");
        fx.exec("c", "a", "sleep", "infinity");
        fx.exec("c", "b", "sh", "-c", "sleep 500");
        fx.clock.runDue();
    }

    @ParameterizedTest
    @CsvSource({"9, 137", "15, 143", "2, 130", "1, 129"})
    void aSignalThatEndsTheContainerEndsItsSessionsWith128PlusSignal(int signal, int code) {
        fx.runtime.kill("c", signal, false);
        assertThat(fx.exitCode("c")).isEqualTo(code);
        assertThat(fx.execExitCode("c", "a")).isEqualTo(code);
        assertThat(fx.execExitCode("c", "b")).isEqualTo(code);
        assertThat(fx.clock.pendingTasks()).as("every timer is cancelled").isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 28})
    void ignoredSignalsLeaveTheSessionsRunning(int signal) {
        fx.runtime.kill("c", signal, true);
        fx.clock.advanceSeconds(500);
        assertThat(fx.execExitCode("c", "a")).isNull();
        assertThat(fx.execExitCode("c", "b")).as("b's sleep ends normally").isZero();
    }

    @Test
    void whenTheContainersProcessExitsByItselfItsSessionsAreKilled() {
        fx.run("short", "sh", "-c", "sleep 2; exit 7");
        fx.exec("short", "s", "sleep", "100");
        fx.clock.advanceSeconds(2);
        assertThat(fx.exitCode("short")).isEqualTo(7);
        assertThat(fx.execExitCode("short", "s")).isEqualTo(137);
    }

    @Test
    void forceDeleteKillsTheSessions() {
        fx.runtime.delete("c", true);
        assertThat(fx.execExitCode("c", "a")).isEqualTo(137);
        assertThat(fx.execExitCode("c", "b")).isEqualTo(137);
    }

    @Test
    void aSessionThatEndedKeepsItsOwnExitCode() {
        fx.exec("c", "done", "sh", "-c", "exit 5");
        fx.clock.runDue();
        fx.runtime.kill("c", 9, false);
        assertThat(fx.execExitCode("c", "done")).isEqualTo(5);
    }

    @Test
    void pausingFreezesTheSessionsWithTheirTimeLeft() {
        fx.exec("c", "s", "sh", "-c", "sleep 10; echo woke");
        fx.clock.advanceSeconds(4);
        fx.runtime.pause("c");
        fx.clock.advanceSeconds(100);
        assertThat(fx.execExitCode("c", "s")).isNull();
        fx.runtime.resume("c");
        fx.clock.advanceSeconds(5.9);
        assertThat(fx.execExitCode("c", "s")).isNull();
        fx.clock.advanceSeconds(0.1);
        assertThat(fx.execStdout("c", "s")).containsExactly("woke");
        assertThat(fx.execExitCode("c", "s")).isZero();
    }

    @Test
    void aSignalHeldWhilePausedEndsTheSessionsOnResume() {
        fx.runtime.pause("c");
        fx.runtime.kill("c", 15, false);
        assertThat(fx.execExitCode("c", "a")).isNull();
        fx.runtime.resume("c");
        assertThat(fx.execExitCode("c", "a")).isEqualTo(143);
        assertThat(fx.exitCode("c")).isEqualTo(143);
    }

    @Test
    void killWhilePausedEndsTheSessionsAtOnce() {
        fx.runtime.pause("c");
        fx.runtime.kill("c", 9, false);
        assertThat(fx.execExitCode("c", "a")).isEqualTo(137);
        assertThat(fx.execExitCode("c", "b")).isEqualTo(137);
    }

    @Test
    void aRestartedRuntimeForgetsTheSessionsAndNeverWritesTheirExits() {
        int containerPid = fx.runtime.state("c").pid();
        fx.restart();
        fx.clock.advanceSeconds(600);
        assertThat(fx.execExitCode("c", "b")).as("b's sleep ended while forgotten").isNull();
        assertThat(fx.runtime.processes("c")).containsExactly(containerPid);
        assertThatThrownBy(() -> fx.runtime.openExecStdin("c", fx.sessionDir("c", "a")))
                .isInstanceOf(NotFoundException.class);
        fx.runtime.kill("c", 9, false);
        assertThat(fx.execExitCode("c", "a")).isNull();
        assertThat(fx.exitCode("c")).isEqualTo(137);
    }

    @Test
    void deactivationWritesNoExitsForSessions() {
        fx.runtime.deactivate();
        fx.clock.advanceSeconds(600);
        assertThat(fx.execExitCode("c", "b")).isNull();
    }
}
