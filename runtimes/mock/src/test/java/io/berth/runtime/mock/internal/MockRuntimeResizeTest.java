package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;

/** resize and resizeExec: the size is recorded for terminals, ignored otherwise, refused once ended. */
class MockRuntimeResizeTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void aTerminalContainerRecordsTheLastSize() {
        fx.create("t", true, false, "sleep", "100");
        fx.runtime.start("t");
        assertThat(fx.runtime.terminalSize("t")).isNull();
        fx.runtime.resize("t", 24, 80);
        fx.runtime.resize("t", 33, 77);
        assertThat(fx.runtime.terminalSize("t")).isEqualTo(new TerminalSize(33, 77));
        assertThat(fx.runtime.terminalSize("t")).hasToString("33 77");
        fx.runtime.pause("t");
        fx.runtime.resize("t", 10, 20);
        assertThat(fx.runtime.terminalSize("t")).isEqualTo(new TerminalSize(10, 20));
    }

    @Test
    void aContainerWithoutTerminalAcceptsAndIgnoresIt() {
        fx.run("p", "sleep", "100");
        fx.runtime.resize("p", 33, 77);
        assertThat(fx.runtime.terminalSize("p")).isNull();
    }

    @Test
    void stoppedAndUnknownContainersAreRefused() {
        fx.create("t", true, false, "true");
        fx.runtime.start("t");
        fx.clock.runDue();
        assertThatThrownBy(() -> fx.runtime.resize("t", 24, 80)).isInstanceOf(ConflictException.class)
                .hasMessage("container not running");
        assertThatThrownBy(() -> fx.runtime.resize("nosuch", 24, 80)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void sizesOutOfRangeAreInvalid() {
        fx.create("t", true, false, "sleep", "100");
        for (int[] size : new int[][] {{-1, 80}, {24, -1}, {65536, 1}, {1, 65536}}) {
            assertThatThrownBy(() -> fx.runtime.resize("t", size[0], size[1]))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("invalid terminal size");
        }
        fx.runtime.resize("t", 65535, 0);
        assertThat(fx.runtime.terminalSize("t")).isEqualTo(new TerminalSize(65535, 0));
    }

    @Test
    void anExecSessionRecordsItsOwnSize() {
        fx.run("c", "sleep", "1000");
        fx.runtime.exec("c", fx.execRequest("c", "e1", true, false, List.of("PATH=/bin"), "/", "sleep", "10"));
        fx.runtime.exec("c", fx.execRequest("c", "e2", false, false, List.of("PATH=/bin"), "/", "sleep", "10"));
        fx.clock.runDue();
        fx.runtime.resizeExec("c", fx.sessionDir("c", "e1"), 33, 77);
        fx.runtime.resizeExec("c", fx.sessionDir("c", "e2"), 33, 77);
        assertThat(fx.runtime.terminalSize("c", fx.sessionDir("c", "e1"))).isEqualTo(new TerminalSize(33, 77));
        assertThat(fx.runtime.terminalSize("c", fx.sessionDir("c", "e2"))).as("no terminal").isNull();
        assertThat(fx.runtime.terminalSize("c")).as("the container's own is untouched").isNull();
    }

    @Test
    void endedAndUnknownSessionsAreRefused() {
        fx.run("c", "sleep", "1000");
        fx.runtime.exec("c", fx.execRequest("c", "e1", true, false, List.of("PATH=/bin"), "/", "true"));
        fx.clock.runDue();
        assertThatThrownBy(() -> fx.runtime.resizeExec("c", fx.sessionDir("c", "e1"), 24, 80))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has ended");
        assertThatThrownBy(() -> fx.runtime.resizeExec("c", fx.sessionDir("c", "e9"), 24, 80))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.runtime.resizeExec("c", null, 24, 80))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
