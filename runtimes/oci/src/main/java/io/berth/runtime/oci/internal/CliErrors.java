package io.berth.runtime.oci.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;

/**
 * Turns a failed runtime command into the error vocabulary, keeping the runtime's own words: an unknown
 * container is a {@link NotFoundException}, an operation its state forbids a {@link ConflictException},
 * anything else an internal {@link BerthException}.
 */
final class CliErrors {

    private static final Pattern NOT_FOUND = Pattern.compile("does not exist|not found");
    private static final Pattern CONFLICT = Pattern.compile(
            "not running|cannot .*running|not in `?created|not stopped|is paused|not paused|paused state"
                    + "|no such process|cannot .* (created|stopped|paused)"
                    // crun's start of a container that was already started
                    + "|exec\\.fifo");

    private CliErrors() {
    }

    /**
     * The error for a failed command.
     *
     * @param command     what ran, e.g. {@code runc kill}
     * @param id          the container the command was about, or {@code null}
     * @param stderr      what the runtime printed
     * @param stateExists whether the runtime's state directory for {@code id} exists; a missing one means the
     *                    runtime does not know the container, whatever it printed (crun only says "No such
     *                    file or directory")
     */
    static BerthException failure(String command, String id, String stderr, boolean stateExists) {
        String message = RuntimeMessages.clean(stderr);
        String lower = message.toLowerCase(Locale.ROOT);
        if (id != null && (!stateExists || NOT_FOUND.matcher(lower).find())) {
            return new NotFoundException("No such container: " + id + " (" + command + ": " + message + ")");
        }
        String subject = id == null ? command : command + " " + id;
        if (id != null && CONFLICT.matcher(lower).find()) {
            return new ConflictException(subject + ": " + message);
        }
        return new BerthException(subject + " failed: " + (message.isEmpty() ? "no message" : message));
    }
}
