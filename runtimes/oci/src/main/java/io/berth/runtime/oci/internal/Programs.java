package io.berth.runtime.oci.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.nativeio.ProcessSpawner;

/**
 * Starts the driver's programs (conmon, the runtime's CLI) with stdin from {@code /dev/null} and the other streams
 * on files. With the native {@link ProcessSpawner} a program is started directly (posix_spawn); {@link
 * ProcessBuilder} starts the JDK's helper {@code jspawnhelper} first, which then starts the program, about a
 * millisecond more per process in the engine's JVM, three processes per container run, and it cannot give a
 * child a descriptor beyond stderr, so conmon's sync pipe needs a shell in between. {@link ProcessBuilder} (and
 * the shell) remain the way without a spawner, for a relative program, and where the spawner cannot work (a C
 * library older than glibc 2.34). Thread-safe.
 */
final class Programs {

    /** Everything through {@link ProcessBuilder}. */
    static final Programs JDK = new Programs(null);

    private static final Logger LOG = LoggerFactory.getLogger(Programs.class);
    private static final File NO_INPUT = new File("/dev/null");
    private static final Path NO_INPUT_PATH = NO_INPUT.toPath();

    private final ProcessSpawner spawner;
    private volatile boolean direct;

    Programs(ProcessSpawner spawner) {
        this.spawner = spawner;
        this.direct = spawner != null;
    }

    /**
     * Starts {@code command}.
     *
     * @param output the file stdout goes to (created or truncated)
     * @param error  the file stderr goes to (created or truncated); {@code null} for the same as stdout
     */
    Process start(List<String> command, Path output, Path error) throws IOException {
        Process started = startDirectly(command, Map.of(), output, error, List.of());
        if (started != null) {
            return started;
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(NO_INPUT).redirectOutput(output.toFile());
        if (error == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(error.toFile());
        }
        return builder.start();
    }

    /**
     * Starts {@code command} with the environment additions, stdout and stderr to {@code output}, and the
     * {@code extraOutputs} as descriptors 3, 4, …; null when only {@link ProcessBuilder} can start it here (the
     * caller then needs another way to hand over those descriptors).
     */
    Process startDirectly(List<String> command, Map<String, String> environment, Path output,
            List<Path> extraOutputs) throws IOException {
        return startDirectly(command, environment, output, null, extraOutputs);
    }

    private Process startDirectly(List<String> command, Map<String, String> environment, Path output, Path error,
            List<Path> extraOutputs) throws IOException {
        if (!direct || command.isEmpty() || !command.get(0).startsWith("/")) {
            return null;
        }
        try {
            return spawner.spawn(new ProcessSpawner.Request(command, environment, NO_INPUT_PATH, output, error,
                    extraOutputs));
        } catch (UnsupportedOperationException e) {
            LOG.info("starting conmon and the runtimes through ProcessBuilder: {}", e.getMessage());
            direct = false;
            return null;
        }
    }
}
