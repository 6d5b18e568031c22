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
import io.berth.api.runtime.RuntimeStatus;

/** openStdin and the commands that read it. */
class MockRuntimeStdinTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void catCopiesStdinLineByLineUntilItCloses() throws IOException {
        fx.createWithStdin("c", "cat");
        fx.runtime.start("c");
        fx.clock.runDue();
        try (OutputStream in = fx.runtime.openStdin("c")) {
            in.write("one\ntwo\n".getBytes(UTF_8));
            assertThat(fx.stdout("c")).containsExactly("one", "two");
            in.write("thr".getBytes(UTF_8));
            in.write("ee\n".getBytes(UTF_8));
            assertThat(fx.stdout("c")).containsExactly("one", "two", "three");
            assertThat(fx.status("c")).isEqualTo(RuntimeStatus.RUNNING);
        }
        assertThat(fx.exitCode("c")).isZero();
        assertThat(fx.status("c")).isEqualTo(RuntimeStatus.STOPPED);
    }

    @Test
    void anUnfinishedLastLineIsLoggedAsPartial() throws IOException {
        fx.createWithStdin("c", "cat");
        fx.runtime.start("c");
        fx.clock.runDue();
        try (OutputStream in = fx.runtime.openStdin("c")) {
            in.write("no newline".getBytes(UTF_8));
        }
        assertThat(fx.log("c")).extracting(LogLine::flag, LogLine::text)
                .containsExactly(tuple("P", "no newline"));
    }

    @Test
    void inputWrittenBeforeStartIsReadOnStart() throws IOException {
        fx.createWithStdin("c", "cat");
        OutputStream in = fx.runtime.openStdin("c");
        in.write("early\n".getBytes(UTF_8));
        in.close();
        fx.runtime.start("c");
        fx.clock.runDue();
        assertThat(fx.stdout("c")).containsExactly("early");
        assertThat(fx.exitCode("c")).isZero();
    }

    @Test
    void aPausedCatReadsOnResume() throws IOException {
        fx.createWithStdin("c", "cat");
        fx.runtime.start("c");
        fx.clock.runDue();
        fx.runtime.pause("c");
        OutputStream in = fx.runtime.openStdin("c");
        in.write("held\n".getBytes(UTF_8));
        in.close();
        assertThat(fx.log("c")).isEmpty();
        fx.runtime.resume("c");
        fx.clock.runDue();
        assertThat(fx.stdout("c")).containsExactly("held");
        assertThat(fx.exitCode("c")).isZero();
    }

    @Test
    void catWithoutOpenStdinExitsAtOnce() {
        fx.run("c", "cat");
        assertThat(fx.exitCode("c")).isZero();
        assertThat(fx.log("c")).isEmpty();
    }

    @Test
    void openStdinNeedsAContainerCreatedWithIt() {
        fx.create("c", "cat");
        assertThatThrownBy(() -> fx.runtime.openStdin("c"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("container c was not created with an open stdin");
    }

    @Test
    void stdinOfOtherCommandsIsDiscarded() throws IOException {
        fx.createWithStdin("s", "sleep", "5");
        fx.runtime.start("s");
        fx.clock.runDue();
        try (OutputStream in = fx.runtime.openStdin("s")) {
            in.write("ignored\n".getBytes(UTF_8));
        }
        assertThat(fx.status("s")).isEqualTo(RuntimeStatus.RUNNING);
        fx.clock.advanceSeconds(5);
        assertThat(fx.log("s")).isEmpty();
        assertThat(fx.exitCode("s")).isZero();
    }

    @Test
    void shellWithoutScriptWaitsForStdinAndPrintsNothing() throws IOException {
        fx.createWithStdin("sh", "sh");
        fx.runtime.start("sh");
        fx.clock.runDue();
        OutputStream in = fx.runtime.openStdin("sh");
        in.write("echo hi\n".getBytes(UTF_8));
        assertThat(fx.status("sh")).isEqualTo(RuntimeStatus.RUNNING);
        in.close();
        assertThat(fx.log("sh")).isEmpty();
        assertThat(fx.exitCode("sh")).isZero();
    }

    @Test
    void aClosedOrFinishedStdinCannotBeOpenedAgain() throws IOException {
        fx.createWithStdin("c", "sh", "-c", "cat; sleep 10");
        fx.runtime.start("c");
        fx.clock.runDue();
        fx.runtime.openStdin("c").close();
        assertThatThrownBy(() -> fx.runtime.openStdin("c"))
                .isInstanceOf(ConflictException.class).hasMessage("the stdin of container c is closed");
        fx.runtime.kill("c", 15, false);
        assertThatThrownBy(() -> fx.runtime.openStdin("c"))
                .isInstanceOf(ConflictException.class).hasMessage("container not running");
    }

    @Test
    void writesAfterTheProcessEndedAreDropped() throws IOException {
        fx.createWithStdin("c", "cat");
        fx.runtime.start("c");
        fx.clock.runDue();
        OutputStream in = fx.runtime.openStdin("c");
        fx.runtime.kill("c", 9, false);
        in.write("too late\n".getBytes(UTF_8));
        in.close();
        assertThat(fx.log("c")).isEmpty();
        assertThat(fx.exitCode("c")).isEqualTo(137);
    }
}
