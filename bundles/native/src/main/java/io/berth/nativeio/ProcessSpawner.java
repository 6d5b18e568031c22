package io.berth.nativeio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts programs with posix_spawn(3), as {@link ProcessBuilder} does but without its helper process (the JDK
 * starts {@code jspawnhelper}, which then starts the program: one more exec per process) and with descriptors
 * beyond the standard three, which {@link ProcessBuilder} cannot give a child. Every stream of the child is a
 * file; it inherits no other descriptor of the JVM, starts with every signal at its default disposition and
 * none blocked, and is a child of the JVM: wait for it ({@link Process#waitFor}) or destroy it, as nothing
 * else reaps it. Thread-safe.
 */
@ProviderType
public interface ProcessSpawner {

    /**
     * What to start.
     *
     * @param command      the program (an absolute path) and its arguments
     * @param environment  variables added to the JVM's environment (replacing those of the same name)
     * @param input        the child's stdin, read only
     * @param output       the child's stdout, created or truncated
     * @param error        the child's stderr, created or truncated; {@code null} for the same file as stdout
     * @param extraOutputs files the child gets as descriptors 3, 4, …, write only, created or truncated
     */
    record Request(List<String> command, Map<String, String> environment, Path input, Path output, Path error,
            List<Path> extraOutputs) {

        public Request {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            extraOutputs = List.copyOf(extraOutputs);
            if (command.isEmpty() || !command.get(0).startsWith("/")) {
                throw new IllegalArgumentException("the program must be an absolute path: " + command);
            }
        }
    }

    /**
     * Starts the program.
     *
     * @return the running child; its streams are empty (everything goes to the files)
     * @throws ErrnoException                  when the program cannot be started (errno and its text)
     * @throws UnsupportedOperationException   when this system cannot keep the JVM's descriptors from the child
     *                                         (a C library without {@code posix_spawn_file_actions_addclosefrom_np},
     *                                         before glibc 2.34): use {@link ProcessBuilder} there
     */
    Process spawn(Request request) throws IOException;
}
