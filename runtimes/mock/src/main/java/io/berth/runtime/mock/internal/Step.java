package io.berth.runtime.mock.internal;

import java.time.Duration;

import io.berth.api.container.LogEntry;

/**
 * One instruction of a simulated program. A program is a list of steps that {@link SimulatedProcess} executes
 * in order; output and status steps are instantaneous, {@link Sleep} and {@link ReadStdin} make the process wait.
 */
sealed interface Step {

    /** Writes one line of text to a stream; leaves the status alone. */
    record Output(LogEntry.Stream stream, String text) implements Step {
    }

    /** Sets the status of the last command, as {@code true} and {@code false} do. */
    record SetStatus(int code) implements Step {
    }

    /** Ends the process with {@code code}, or with the last command's status when {@code code} is null. */
    record Exit(Integer code) implements Step {
    }

    /** Waits for {@code duration}; a {@code null} duration waits forever. Sets the status to 0 when done. */
    record Sleep(Duration duration) implements Step {

        boolean forever() {
            return duration == null;
        }
    }

    /**
     * Consumes standard input until it is closed; with {@code echo}, copies each line to stdout (like
     * {@code cat}). Sets the status to 0 when done.
     */
    record ReadStdin(boolean echo) implements Step {
    }
}
