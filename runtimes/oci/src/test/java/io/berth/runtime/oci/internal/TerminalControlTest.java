package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;

/** conmon's control fifo, played by a fifo of the test's own (no root, no conmon). */
class TerminalControlTest {

    @TempDir
    Path dir;

    @Test
    void resizeWritesConmonsLineToTheFifo() throws Exception {
        Path fifo = fifo();
        monitor(ProcessHandle.current().pid());
        // the reader end conmon would hold; read-write so that opening it does not wait for a writer
        try (FileChannel conmon = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            TerminalControl.resize(dir, "Container c1", 33, 77);
            TerminalControl.resize(dir, "Container c1", 0, 0);
            ByteBuffer buffer = ByteBuffer.allocate(64);
            conmon.read(buffer);
            assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("1 33 77\n1 0 0\n");
        }
    }

    @Test
    void resizeDoesNotBlockWithoutAReader() throws Exception {
        fifo();
        monitor(ProcessHandle.current().pid());
        TerminalControl.resize(dir, "Container c1", 24, 80);
    }

    @Test
    void aDirectoryWithoutFifoIsNotFound() {
        assertThatThrownBy(() -> TerminalControl.resize(dir, "exec session s1", 24, 80))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no terminal control for exec session s1");
    }

    @Test
    void anEndedMonitorIsAConflict() throws Exception {
        fifo();
        assertThatThrownBy(() -> TerminalControl.resize(dir, "exec session s1", 24, 80))
                .isInstanceOf(ConflictException.class).hasMessage("exec session s1 is not running");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        monitor(gone.pid());
        assertThatThrownBy(() -> TerminalControl.resize(dir, "exec session s1", 24, 80))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aRegularFileIsNotTakenForTheFifo() throws Exception {
        Files.writeString(dir.resolve("ctl"), "");
        monitor(ProcessHandle.current().pid());
        assertThatThrownBy(() -> TerminalControl.resize(dir, "Container c1", 24, 80))
                .isInstanceOf(BerthException.class).hasMessageContaining("is not a fifo");
        assertThat(Files.readString(dir.resolve("ctl"))).isEmpty();
    }

    @Test
    void sizesOutsideAnUnsignedShortAreRefused() {
        for (int[] size : new int[][] {{-1, 80}, {24, -1}, {65536, 80}, {24, 65536}}) {
            assertThatThrownBy(() -> TerminalControl.resize(dir, "Container c1", size[0], size[1]))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("invalid terminal size");
        }
        assertThat(TerminalControl.resizeLine(65535, 0)).isEqualTo("1 65535 0\n");
    }

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("ctl");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return fifo;
    }

    private void monitor(long pid) throws Exception {
        Files.writeString(dir.resolve(ConmonCommand.CONMON_PID_NAME), Long.toString(pid));
    }
}
