package io.berth.nativeio.internal.linux;

import java.io.IOException;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.Signals;

/** kill(2) through libc. Thread-safe. */
final class LinuxSignals implements Signals {

    private final Syscalls sys;

    LinuxSignals(Syscalls sys) {
        this.sys = sys;
    }

    @Override
    public void kill(int pid, int signal) throws IOException {
        if (pid <= 0) {
            // kill(0, ...) and negative pids address process groups: never what a caller of this API means
            throw new IllegalArgumentException("not a process id: " + pid);
        }
        sys.call("kill " + pid + " with signal " + signal, () -> sys.libc().kill(pid, signal));
    }

    @Override
    public boolean isAlive(int pid) {
        if (pid <= 0) {
            return false;
        }
        try {
            kill(pid, 0);
            return true;
        } catch (ErrnoException e) {
            return e.errno() == ErrnoException.EPERM;
        } catch (IOException e) {
            return false;
        }
    }
}
