package io.berth.runtime.mock.internal;

import java.util.Set;

import io.berth.api.error.InvalidArgumentException;

/**
 * How the simulated process reacts to signals: HUP, INT, QUIT, KILL and TERM end it with exit code
 * 128 + signal; signal 0 only probes; every other signal is ignored. Stateless and thread-safe.
 */
final class Signals {

    static final int SIGKILL = 9;

    private static final int HIGHEST = 64;
    private static final Set<Integer> TERMINATING = Set.of(1, 2, 3, SIGKILL, 15);

    private Signals() {
    }

    /** True when the signal ends the simulated process. */
    static boolean terminates(int signal) {
        return TERMINATING.contains(signal);
    }

    /** The exit code of a process ended by {@code signal}, as a shell reports it. */
    static int exitCode(int signal) {
        return 128 + signal;
    }

    /** @throws InvalidArgumentException for a number that is no Linux signal */
    static void validate(int signal) {
        if (signal < 0 || signal > HIGHEST) {
            throw new InvalidArgumentException("invalid signal: " + signal);
        }
    }
}
