package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files conmon writes for a process a root test started (a container or an exec session): its k8s-file
 * log and its exit file {@code exitDir/<container id>}.
 *
 * @param id      the container's id (also for an exec session: conmon names its exit file after the container)
 * @param logPath the k8s-file log
 * @param exitDir where the exit file appears
 */
record ProcessFiles(String id, Path logPath, Path exitDir) {

    /** Waits (bounded) for the exit file and returns its code. */
    int awaitExit() {
        return Await.value("exit file of " + id + " in " + exitDir, () -> {
            var code = SmallFiles.readInt(exitDir.resolve(id));
            return code.isPresent() ? Optional.of(code.getAsInt()) : Optional.empty();
        });
    }

    boolean exited() {
        return SmallFiles.readInt(exitDir.resolve(id)).isPresent();
    }

    /** The raw log lines so far. */
    List<String> log() {
        try {
            return Files.exists(logPath) ? Files.readAllLines(logPath) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the lines written to {@code stream} ({@code stdout} or {@code stderr}), without tty's CR. */
    List<String> lines(String stream) {
        return K8sFileLog.parse(log()).stream().filter(entry -> entry.stream().name().equalsIgnoreCase(stream))
                .map(entry -> entry.text().replace("\r", "")).toList();
    }

    /** Waits (bounded) until {@code stream} has the line {@code text}. */
    void awaitLine(String stream, String text) {
        Await.until("line '" + text + "' in " + logPath, () -> lines(stream).contains(text));
    }
}
