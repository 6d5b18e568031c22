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

import io.berth.api.error.ConflictException;

/** pause / resume: frozen sleeps, and the states that refuse them. */
class MockRuntimePauseTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void aPausedSleepDoesNotAdvance() {
        fx.run("s", "sleep", "10");
        fx.clock.advanceSeconds(4);
        fx.runtime.pause("s");
        assertThat(fx.status("s")).isEqualTo(PAUSED);
        fx.clock.advanceSeconds(1000);
        assertThat(fx.status("s")).isEqualTo(PAUSED);
        assertThat(fx.exitCode("s")).isNull();

        fx.runtime.resume("s");
        assertThat(fx.status("s")).isEqualTo(RUNNING);
        fx.clock.advanceSeconds(5.9);
        assertThat(fx.exitCode("s")).as("6 s were left at the pause").isNull();
        fx.clock.advanceSeconds(0.1);
        assertThat(fx.exitCode("s")).isZero();
        assertThat(fx.status("s")).isEqualTo(STOPPED);
    }

    @Test
    void pausingTwiceKeepsTheRemainingTime() {
        fx.run("s", "sh", "-c", "sleep 3; echo woke; exit 5");
        fx.clock.advanceSeconds(1);
        fx.runtime.pause("s");
        fx.clock.advanceSeconds(50);
        fx.runtime.resume("s");
        fx.clock.advanceSeconds(1);
        fx.runtime.pause("s");
        fx.clock.advanceSeconds(50);
        fx.runtime.resume("s");
        fx.clock.advanceSeconds(0.999);
        assertThat(fx.stdout("s")).isEmpty();
        fx.clock.advanceSeconds(0.001);
        assertThat(fx.stdout("s")).containsExactly("woke");
        assertThat(fx.exitCode("s")).isEqualTo(5);
    }

    @Test
    void aContainerPausedBeforeItsProcessRanRunsItOnResume() {
        fx.create("e", "echo", "late");
        fx.runtime.start("e");
        fx.runtime.pause("e");
        fx.clock.runDue();
        assertThat(fx.log("e")).isEmpty();
        fx.runtime.resume("e");
        fx.clock.runDue();
        assertThat(fx.stdout("e")).containsExactly("late");
        assertThat(fx.exitCode("e")).isZero();
    }

    @Test
    void onlyRunningContainersCanBePaused() {
        fx.create("c", "sleep", "1");
        assertThatThrownBy(() -> fx.runtime.pause("c"))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
        fx.runtime.start("c");
        fx.runtime.pause("c");
        assertThatThrownBy(() -> fx.runtime.pause("c"))
                .isInstanceOf(ConflictException.class).hasMessage("container already paused");
        fx.runtime.kill("c", 9, false);
        assertThatThrownBy(() -> fx.runtime.pause("c"))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
    }

    @Test
    void onlyPausedContainersCanBeResumed() {
        fx.create("c", "sleep", "1");
        assertThatThrownBy(() -> fx.runtime.resume("c"))
                .isInstanceOf(ConflictException.class).hasMessage("container not paused");
        fx.runtime.start("c");
        assertThatThrownBy(() -> fx.runtime.resume("c"))
                .isInstanceOf(ConflictException.class).hasMessage("container not paused");
    }
}
