package io.berth.api.container;

/**
 * A blocking, closeable sequence of log entries. Not thread-safe, except that {@link #close()} may be called
 * from another thread to unblock a reader waiting in {@link #next()}.
 */
public interface LogStream extends AutoCloseable {

    /**
     * The next entry; blocks while following and nothing new is there.
     *
     * @return the next entry, or {@code null} at the end (log read, or container stopped when following, or closed)
     * @throws InterruptedException if the reading thread is interrupted
     */
    LogEntry next() throws InterruptedException;

    /** Ends the stream and releases its resources; idempotent. */
    @Override
    void close();
}
