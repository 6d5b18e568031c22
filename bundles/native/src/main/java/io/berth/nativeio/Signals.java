package io.berth.nativeio;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/** kill(2) for any process on the host, not only the JVM's children. Thread-safe. */
@ProviderType
public interface Signals {

    /** Hang up. */
    int SIGHUP = 1;
    /** Interrupt. */
    int SIGINT = 2;
    /** Kill (cannot be caught). */
    int SIGKILL = 9;
    /** Terminate. */
    int SIGTERM = 15;

    /**
     * Sends {@code signal} to the process {@code pid}.
     *
     * @throws ErrnoException {@code ESRCH} when no such process exists, {@code EPERM} when not allowed
     */
    void kill(int pid, int signal) throws IOException;

    /**
     * Whether a process with this pid exists (zombies included), probed with signal 0. A process that exists
     * but may not be signalled ({@code EPERM}) counts as alive.
     */
    boolean isAlive(int pid);
}
