package io.berth.shell.internal.command;

import io.berth.api.container.ContainerService;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import java.util.concurrent.ExecutionException;

/**
 * The attached part of {@code berth:run}: follows the started container's output until it stops, waits for its
 * exit code and, with {@code --rm}, removes it. Runs on the session thread; an interrupt (Ctrl-C) detaches.
 */
final class AttachedRun {

    private static final LogOptions FOLLOW_ALL = new LogOptions(true, null, null, -1, false, true, true);

    private final ContainerService containers;
    private final String id;
    private final boolean remove;

    AttachedRun(ContainerService containers, String id, boolean remove) {
        this.containers = containers;
        this.id = id;
        this.remove = remove;
    }

    /**
     * Prints the output, then returns the exit code.
     *
     * @return the container's exit code, or {@code null} when the user detached with Ctrl-C (the container
     *         keeps running and is not removed)
     */
    Integer printOutputAndWait() throws Exception {
        try {
            printOutput();
            int exitCode = awaitExit();
            if (remove) {
                removeQuietly(containers, id);
            }
            return exitCode;
        } catch (InterruptedException detached) {
            return null;
        }
    }

    private void printOutput() throws Exception {
        try (LogStream stream = BerthCommandSupport.call(() -> containers.logs(id, FOLLOW_ALL))) {
            new LogPrinter(false).copy(stream);
        }
    }

    private int awaitExit() throws Exception {
        try {
            WaitResult result = containers.wait(id, WaitCondition.NOT_RUNNING).get();
            if (!result.error().isEmpty()) {
                System.err.println("Error: " + result.error());
            }
            return result.exitCode();
        } catch (ExecutionException e) {
            throw new Exception(e.getCause().getMessage(), e.getCause());
        } catch (BerthException e) {
            throw new Exception(e.getMessage(), e);
        }
    }

    /** Removes the container with its anonymous volumes; a failure is printed, never thrown. */
    static void removeQuietly(ContainerService containers, String id) {
        try {
            containers.remove(id, true, true);
        } catch (BerthException e) {
            System.err.println("Error: " + e.getMessage());
        }
    }
}
