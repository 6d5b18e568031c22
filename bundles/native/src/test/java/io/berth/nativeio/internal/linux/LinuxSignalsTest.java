package io.berth.nativeio.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.Signals;

class LinuxSignalsTest {

    private final LinuxNative natives = new LinuxNative();

    @Test
    void signalZeroReachesOwnProcess() throws IOException {
        int self = (int) ProcessHandle.current().pid();
        natives.kill(self, 0);
        assertThat(natives.isAlive(self)).isTrue();
    }

    @Test
    void reapedChildIsNotAlive() throws Exception {
        Process child = new ProcessBuilder("true").start();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(natives.isAlive((int) child.pid())).isFalse();
    }

    @Test
    void killTerminatesAChild() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            natives.kill((int) child.pid(), Signals.SIGTERM);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(128 + Signals.SIGTERM);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void killOfMissingProcessReportsEsrch() throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> natives.kill((int) child.pid(), Signals.SIGTERM))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertErrno(e, ErrnoException.ESRCH))
                .hasMessageContaining("No such process");
    }

    @Test
    void refusesProcessGroupAddresses() {
        assertThatThrownBy(() -> natives.kill(0, Signals.SIGTERM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> natives.kill(-1, Signals.SIGKILL)).isInstanceOf(IllegalArgumentException.class);
        assertThat(natives.isAlive(0)).isFalse();
    }

    private static void assertErrno(ErrnoException e, int errno) {
        assertThat(e.errno()).isEqualTo(errno);
    }
}
