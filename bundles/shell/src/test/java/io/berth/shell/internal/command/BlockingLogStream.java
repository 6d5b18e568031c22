package io.berth.shell.internal.command;

import io.berth.api.container.LogEntry;
import io.berth.api.container.LogStream;
import java.util.concurrent.CountDownLatch;

/** Delivers one entry, then blocks in {@link #next()} like the followed log of a quiet container. */
final class BlockingLogStream implements LogStream {

    /** Counted down when the reader blocks, waiting for more output. */
    final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);
    private LogEntry first;
    volatile boolean closed;

    BlockingLogStream(LogEntry first) {
        this.first = first;
    }

    @Override
    public LogEntry next() throws InterruptedException {
        if (first != null) {
            LogEntry entry = first;
            first = null;
            return entry;
        }
        blocked.countDown();
        never.await();
        return null;
    }

    @Override
    public void close() {
        closed = true;
    }
}
