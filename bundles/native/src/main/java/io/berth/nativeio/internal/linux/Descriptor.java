package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.berth.nativeio.ErrnoException;

/**
 * A socket descriptor shared by concurrent calls and closed exactly once. Calls hold the read lock while
 * they use the number; {@link #close()} first shuts the socket down (waking blocked calls), then takes the
 * write lock and closes it, so no call ever reaches a number the kernel has handed out again.
 */
final class Descriptor {

    /** A call on the open descriptor. */
    @FunctionalInterface
    interface Use<T> {
        T apply(int fd) throws IOException;
    }

    private final Syscalls sys;
    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    Descriptor(Syscalls sys, int fd) {
        this.sys = sys;
        this.fd = fd;
    }

    /** Runs {@code use} with the open descriptor; fails with "socket closed" once closed. */
    <T> T use(Use<T> use) throws IOException {
        lock.readLock().lock();
        try {
            if (closed.get()) {
                throw new ErrnoException("socket closed", ErrnoException.EBADF);
            }
            return use.apply(fd);
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Shuts down, then closes. Idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            sys.libc().shutdown(fd, LibC.SHUT_RDWR);
        } catch (RuntimeException e) {
            // not connected (a listener, or a peer already gone): nothing to wake
        }
        lock.writeLock().lock();
        try {
            sys.closeQuietly(fd);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
