package io.berth.core.internal.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's pid file in its bundle, {@code <bundle>/pidfile}: runc-compatible runtimes write it on
 * {@code create --pid-file} (the OCI driver has conmon pass that path), so once {@code create} returns the pid
 * can be read here instead of asking the runtime's {@code state} (a process per call). Runtimes that write no
 * such file (the mock) are asked instead. Stateless and thread-safe.
 */
final class PidFile {

    static final String NAME = "pidfile";

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

    private PidFile() {
    }

    /** Deletes the file of an earlier run, so that {@link #read} never returns a stale pid. */
    static void delete(Path bundle) {
        try {
            Files.deleteIfExists(bundle.resolve(NAME));
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", bundle.resolve(NAME), e.toString());
        }
    }

    /** The pid in the file, or 0 when there is none or it does not hold a positive number. */
    static int read(Path bundle) {
        try {
            int pid = Integer.parseInt(Files.readString(bundle.resolve(NAME), StandardCharsets.US_ASCII).trim());
            return Math.max(pid, 0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
