package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalInt;

import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;

/**
 * conmon's control fifo: conmon makes {@code ctl} in its work directory (the {@code -b} directory: the bundle
 * of a container, the session directory of an exec) and reads lines {@code "TYPE HEIGHT WIDTH\n"} from it;
 * type 1 resizes the terminal it holds (type 2 reopens the log). Without a terminal conmon reads the line
 * and drops it.
 *
 * <p>The fifo is opened read-write: on Linux that never blocks, whether or not conmon still reads it, where a
 * write-only open would wait for a reader for ever once conmon is gone. A monitor that is gone is checked
 * first ({@code conmon.pid}), so that a resize of an ended process is a conflict rather than a line nobody
 * reads. A line is far below {@code PIPE_BUF}, so concurrent writers never interleave. Thread-safe.
 */
final class TerminalControl {

    static final String CONTROL_FIFO_NAME = "ctl";
    static final int RESIZE = 1;
    static final int MAX_SIZE = 65535;

    private TerminalControl() {
    }

    /**
     * Asks the conmon of {@code workDir} to resize its terminal.
     *
     * @param what the process, for messages ("container ID", "exec session DIR")
     * @throws NotFoundException when the directory has no control fifo (no conmon ever ran there)
     * @throws ConflictException when its conmon has exited
     */
    static void resize(Path workDir, String what, int height, int width) {
        checkSize(height, width);
        Path fifo = workDir.resolve(CONTROL_FIFO_NAME);
        requireFifo(fifo, what);
        if (!monitorAlive(workDir)) {
            throw new ConflictException(what + " is not running");
        }
        write(fifo, resizeLine(height, width));
    }

    /** The line conmon reads for a resize. Pure. */
    static String resizeLine(int height, int width) {
        return RESIZE + " " + height + " " + width + "\n";
    }

    static void checkSize(int height, int width) {
        if (height < 0 || width < 0 || height > MAX_SIZE || width > MAX_SIZE) {
            throw new InvalidArgumentException("invalid terminal size " + height + "x" + width
                    + ": height and width must be between 0 and " + MAX_SIZE);
        }
    }

    private static void requireFifo(Path fifo, String what) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(fifo, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isOther()) {
                throw new BerthException("the control file of " + what + " is not a fifo: " + fifo);
            }
        } catch (NoSuchFileException e) {
            throw new NotFoundException("no terminal control for " + what + " (" + fifo + ")");
        } catch (IOException e) {
            throw new BerthException("cannot read the control fifo of " + what + ": " + e.getMessage(), e);
        }
    }

    /** Whether the conmon of {@code workDir} ({@code conmon.pid}) still runs. */
    static boolean monitorAlive(Path workDir) {
        OptionalInt pid = SmallFiles.readInt(workDir.resolve(ConmonCommand.CONMON_PID_NAME));
        return pid.isPresent() && ProcessHandle.of(pid.getAsInt()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void write(Path fifo, String line) {
        try (FileChannel channel = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new BerthException("cannot write to the control fifo " + fifo + ": " + e.getMessage(), e);
        }
    }
}
