package io.berth.core.internal.logs;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads UTF-8 lines from a file that may still grow. A line is returned only once its newline is there,
 * unless the caller says the writer is done; a half-written last line stays buffered until then. Not
 * thread-safe, except {@link #close()}.
 */
final class LineReader implements Closeable {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192).flip();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineReader(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * The next line without its newline, or {@code null} when no complete line is available yet.
     *
     * @param writerDone treat the end of the file as the end of the last line
     */
    String next(boolean writerDone) throws IOException {
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return takePending();
                }
                pending.write(b);
            }
            buffer.clear();
            int read = channel.read(buffer);
            buffer.flip();
            if (read <= 0) {
                return writerDone && pending.size() > 0 ? takePending() : null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private String takePending() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return line;
    }
}
