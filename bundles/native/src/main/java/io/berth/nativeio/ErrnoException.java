package io.berth.nativeio;

import java.io.IOException;

/** A system call failed. The message names the operation and carries the system's text for errno. */
public class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** No such process. */
    public static final int ESRCH = 3;
    /** Interrupted system call. */
    public static final int EINTR = 4;
    /** Bad file descriptor (the socket was closed). */
    public static final int EBADF = 9;
    /** Device or resource busy. */
    public static final int EBUSY = 16;
    /** No such device (no network interface of that name). */
    public static final int ENODEV = 19;
    /** Invalid argument (umount of something that is not a mount point). */
    public static final int EINVAL = 22;
    /** Connection refused. */
    public static final int ECONNREFUSED = 111;

    private final int errno;

    public ErrnoException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    /** The errno value of the failed call. */
    public int errno() {
        return errno;
    }
}
