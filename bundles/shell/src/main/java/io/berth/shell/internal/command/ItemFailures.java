package io.berth.shell.internal.command;

import io.berth.api.error.BerthException;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.support.MultiException;

/** The failures of a command that works on several items, reported the way the docker CLI reports them. */
final class ItemFailures {

    private final List<String> items = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();

    /** Prints one failure as Docker does: {@code Error: <message>} on standard error. */
    static void printError(BerthException failure) {
        System.err.println("Error: " + failure.getMessage());
        System.err.flush();
    }

    void record(String item, BerthException failure) {
        items.add(item);
        failures.add(failure);
    }

    /** Prints every recorded failure, in order. */
    void printErrors() {
        failures.forEach(failure -> printError((BerthException) failure));
    }

    /**
     * Fails if any item failed, with the failures as suppressed exceptions. The message names every failed
     * item and says why: {@code "<summary>: item, item"} followed by one {@code "item: reason"} line each, so
     * it reads well even where the session's standard error is not shown (batch clients).
     */
    void throwIfAny(String summary) throws MultiException {
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(summary).append(": ").append(String.join(", ", items));
            for (int i = 0; i < items.size(); i++) {
                message.append('\n').append(items.get(i)).append(": ").append(failures.get(i).getMessage());
            }
            throw new MultiException(message.toString(), failures);
        }
    }
}
