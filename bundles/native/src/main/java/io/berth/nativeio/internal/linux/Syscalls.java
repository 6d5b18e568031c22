package io.berth.nativeio.internal.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

import io.berth.nativeio.ErrnoException;

/**
 * Calls into libc and turns errno into {@link ErrnoException} with the system's text. Calls interrupted by a
 * signal ({@code EINTR}) are retried. Thread-safe.
 */
final class Syscalls {

    /** A system call returning a number; negative only through LastErrorException. */
    @FunctionalInterface
    interface Call {
        long run();
    }

    private final LibC libc;

    private Syscalls(LibC libc) {
        this.libc = libc;
    }

    /** Loads libc. Throws UnsatisfiedLinkError when JNA cannot load it. */
    static Syscalls load() {
        return new Syscalls(Native.load("c", LibC.class));
    }

    LibC libc() {
        return libc;
    }

    /**
     * Runs {@code call}; on failure throws an exception whose message is {@code operation + ": " + strerror}.
     */
    long call(String operation, Call call) throws ErrnoException {
        while (true) {
            try {
                return call.run();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != ErrnoException.EINTR) {
                    throw error(operation, e.getErrorCode());
                }
            }
        }
    }

    int callInt(String operation, Call call) throws ErrnoException {
        return (int) call(operation, call);
    }

    ErrnoException error(String operation, int errno) {
        return new ErrnoException(operation + ": " + libc.strerror(errno), errno);
    }

    /** Closes a descriptor, ignoring errors: used on paths that already report another failure. */
    void closeQuietly(int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException e) {
            // the descriptor is gone either way
        }
    }
}
