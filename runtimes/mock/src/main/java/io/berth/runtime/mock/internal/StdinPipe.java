package io.berth.runtime.mock.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The standard input of one simulated process. Bytes written to the streams it {@link #open opens} are cut
 * into lines that the process takes with {@link #drain()}; closing any of the streams closes the pipe, and
 * an unfinished last line is then handed over as a partial chunk. Thread-safe; the listener runs after every
 * write and close, on the writer's thread, without the pipe's lock held.
 */
final class StdinPipe {

    /** A piece of input: a full line without its newline, or a partial last line. */
    record Chunk(String text, boolean partial) {
    }

    private final ByteArrayOutputStream unfinishedLine = new ByteArrayOutputStream();
    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private final Runnable listener;
    private boolean closed;
    private boolean discarding;

    /**
     * @param listener told about new input and about the close, e.g. to let the process drain the pipe
     * @param open     false for a pipe that is closed from the start, like {@code /dev/null}
     */
    StdinPipe(Runnable listener, boolean open) {
        this.listener = listener;
        this.closed = !open;
    }

    /** A new stream writing into this pipe. Writes after the pipe is closed fail with an IOException. */
    OutputStream open() {
        return new Input();
    }

    /** Takes every chunk received so far. */
    synchronized List<Chunk> drain() {
        List<Chunk> taken = new ArrayList<>(chunks);
        chunks.clear();
        return taken;
    }

    /** True when the pipe is closed and every chunk has been taken: no input will ever come again. */
    synchronized boolean exhausted() {
        return closed && chunks.isEmpty();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Drops what was received and everything written from now on, for processes that do not read stdin. */
    synchronized void discard() {
        discarding = true;
        chunks.clear();
        unfinishedLine.reset();
    }

    /** Closes the pipe. Idempotent. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (unfinishedLine.size() > 0 && !discarding) {
                chunks.add(new Chunk(unfinishedLine.toString(StandardCharsets.UTF_8), true));
            }
            unfinishedLine.reset();
        }
        listener.run();
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("stdin is closed");
            }
            if (discarding) {
                return;
            }
            for (int i = offset; i < offset + length; i++) {
                accept(bytes[i]);
            }
        }
        listener.run();
    }

    private void accept(byte b) {
        if (b == '\n') {
            chunks.add(new Chunk(unfinishedLine.toString(StandardCharsets.UTF_8), false));
            unfinishedLine.reset();
        } else {
            unfinishedLine.write(b);
        }
    }

    /** One opened stream; closing it closes the whole pipe. */
    private final class Input extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            StdinPipe.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            StdinPipe.this.write(bytes, offset, length);
        }

        @Override
        public void close() {
            StdinPipe.this.close();
        }
    }
}
