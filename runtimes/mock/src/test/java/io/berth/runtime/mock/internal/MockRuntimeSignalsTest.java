package io.berth.runtime.mock.internal;

import static io.berth.api.runtime.RuntimeStatus.PAUSED;
import static io.berth.api.runtime.RuntimeStatus.RUNNING;
import static io.berth.api.runtime.RuntimeStatus.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;

/** kill: terminating, ignored and deferred signals, and the states that refuse them. */
class MockRuntimeSignalsTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
        fx.run("s", "sleep", "100");
    }

    @ParameterizedTest
    @CsvSource({"15, 143", "9, 137", "2, 130", "1, 129", "3, 131"})
    void terminatingSignalsExitWith128PlusSignal(int signal, int exitCode) {
        fx.runtime.kill("s", signal, false);
        assertThat(fx.exitCode("s")).isEqualTo(exitCode);
        assertThat(fx.status("s")).isEqualTo(STOPPED);
        assertThat(fx.clock.pendingTasks()).as("the sleep timer is cancelled").isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 12, 28})
    void otherSignalsAreIgnored(int signal) {
        fx.runtime.kill("s", signal, true);
        assertThat(fx.status("s")).isEqualTo(RUNNING);
        assertThat(fx.exitCode("s")).isNull();
        fx.clock.advanceSeconds(100);
        assertThat(fx.exitCode("s")).as("the sleep still ends normally").isZero();
    }

    @Test
    void killingACreatedContainerEndsIt() {
        fx.create("c", "echo", "never");
        fx.runtime.kill("c", 9, false);
        assertThat(fx.status("c")).isEqualTo(STOPPED);
        assertThat(fx.exitCode("c")).isEqualTo(137);
        assertThat(fx.log("c")).isEmpty();
    }

    @Test
    void killingAStoppedContainerIsAConflict() {
        fx.runtime.kill("s", 15, false);
        assertThatThrownBy(() -> fx.runtime.kill("s", 15, false))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
        assertThatThrownBy(() -> fx.runtime.kill("s", 0, false))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
    }

    @Test
    void sigkillEndsAPausedContainerAtOnce() {
        fx.runtime.pause("s");
        fx.runtime.kill("s", 9, false);
        assertThat(fx.status("s")).isEqualTo(STOPPED);
        assertThat(fx.exitCode("s")).isEqualTo(137);
    }

    @Test
    void otherTerminatingSignalsReachAPausedContainerOnResume() {
        fx.runtime.pause("s");
        fx.runtime.kill("s", 15, false);
        fx.runtime.kill("s", 2, false);
        assertThat(fx.status("s")).isEqualTo(PAUSED);
        assertThat(fx.exitCode("s")).isNull();
        fx.runtime.resume("s");
        assertThat(fx.status("s")).isEqualTo(STOPPED);
        assertThat(fx.exitCode("s")).as("the first pending signal wins").isEqualTo(143);
    }

    @Test
    void signalNumbersOutsideLinuxRangeAreInvalid() {
        assertThatThrownBy(() -> fx.runtime.kill("s", -1, false))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("invalid signal: -1");
        assertThatThrownBy(() -> fx.runtime.kill("s", 65, false)).isInstanceOf(InvalidArgumentException.class);
        assertThat(fx.status("s")).isEqualTo(RUNNING);
    }

    @Test
    void aTimerThatFiresAfterTheKillChangesNothing() {
        fx.clock.ignoreCancellations();
        fx.runtime.kill("s", 15, false);
        fx.clock.advanceSeconds(200);
        assertThat(fx.exitCode("s")).isEqualTo(143);
        assertThat(fx.status("s")).isEqualTo(STOPPED);
    }

    @Test
    void aTimerThatFiresWhilePausedChangesNothing() {
        fx.clock.ignoreCancellations();
        fx.runtime.pause("s");
        fx.clock.advanceSeconds(200);
        assertThat(fx.status("s")).isEqualTo(PAUSED);
        assertThat(fx.exitCode("s")).isNull();
    }
}
