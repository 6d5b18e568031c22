package io.berth.nativeio.internal.linux;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

import io.berth.nativeio.ErrnoException;

/**
 * A child started by {@link LinuxProcessSpawner}. Its end is awaited on a pidfd (poll(2) wakes at the exit; in
 * slices, so that an interrupt is noticed) or, where pidfd_open is missing, by polling waitpid; the child is
 * reaped by the first call that sees it ended. Until then its pid cannot be reused, so signals never reach
 * another process. A child destroyed and then left alone is reaped by a short-lived daemon thread. Thread-safe.
 */
final class LinuxSpawnedProcess extends Process {

    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;
    private static final long SLICE_MILLIS = 100;
    private static final long POLL_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final Syscalls sys;
    private final int pid;
    private int pidfd;
    private boolean reaped;
    private int exitCode;

    LinuxSpawnedProcess(Syscalls sys, int pid) {
        this.sys = sys;
        this.pid = pid;
        this.pidfd = openPidfd(sys, pid);
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (!waitFor(1, TimeUnit.DAYS)) {
            // keep waiting
        }
        return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            if (tryReap()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            awaitEnd(Math.min(left, TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS)));
        }
    }

    @Override
    public synchronized int exitValue() {
        if (!tryReap()) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return exitCode;
    }

    @Override
    public boolean isAlive() {
        return !tryReap();
    }

    @Override
    public void destroy() {
        signal(SIGTERM);
    }

    /** SIGKILL; the child is then reaped in the background unless someone waits for it. */
    @Override
    public Process destroyForcibly() {
        if (signal(SIGKILL)) {
            Thread reaper = new Thread(() -> {
                try {
                    waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "berth-spawn-reaper-" + pid);
            reaper.setDaemon(true);
            reaper.start();
        }
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public ProcessHandle toHandle() {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " has ended"));
    }

    @Override
    public String toString() {
        return "Process[pid=" + pid + "]";
    }

    /** Sends the signal unless the child is reaped already (its pid may belong to another process then). */
    private synchronized boolean signal(int signal) {
        if (reaped) {
            return false;
        }
        try {
            sys.libc().kill(pid, signal);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /** Waits up to {@code nanos} for the end (without reaping): on the pidfd, else by a short pause. */
    private void awaitEnd(long nanos) throws InterruptedException {
        int fd;
        synchronized (this) {
            fd = reaped ? -1 : pidfd;
        }
        if (fd < 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos, POLL_PAUSE_NANOS));
            return;
        }
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, fd);
        pollfd.setShort(4, LibC.POLLIN);
        pollfd.setShort(6, (short) 0);
        int millis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
        try {
            sys.call("poll pidfd of " + pid, () -> sys.libc().poll(pollfd, new NativeLong(1), millis));
        } catch (ErrnoException e) {
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos, POLL_PAUSE_NANOS));
        }
    }

    /** Reaps the child if it has ended; true once it has. */
    private synchronized boolean tryReap() {
        if (reaped) {
            return true;
        }
        int[] status = new int[1];
        int result;
        try {
            result = (int) sys.call("waitpid " + pid, () -> sys.libc().waitpid(pid, status, LibC.WNOHANG));
        } catch (ErrnoException e) {
            // ECHILD: someone else reaped it; its status is lost
            result = pid;
            status[0] = 0xff << 8;
        }
        if (result != pid) {
            return false;
        }
        reaped = true;
        exitCode = decode(status[0]);
        if (pidfd >= 0) {
            sys.closeQuietly(pidfd);
            pidfd = -1;
        }
        return true;
    }

    /** The exit code, or 128 + the signal that ended it (as {@link ProcessBuilder}'s processes report). */
    static int decode(int status) {
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 0x80 + signal;
    }

    private static int openPidfd(Syscalls sys, int pid) {
        try {
            return sys.libc().pidfd_open(pid, 0);
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            return -1;
        }
    }
}
