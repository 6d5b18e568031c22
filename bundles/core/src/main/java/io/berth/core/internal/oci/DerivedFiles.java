package io.berth.core.internal.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic but not durable replacement, for files the engine derives from the container record and rewrites
 * at every start: the OCI bundle's {@code config.json} and the {@code /etc} files. A temp file (named as
 * {@code AtomicFiles} names them, so start-up cleanup knows it) is written and renamed over the target, so a
 * reader (the runtime, a container that bind-mounts the file) sees the old or the new content, never a torn
 * one; but nothing is fsynced. That is safe because only a host crash can lose unsynced data, and a host
 * crash also ends every container: the files are written anew before any container uses them again. The
 * container record, which is the truth, is still written durably. Stateless and thread-safe.
 */
final class DerivedFiles {

    private DerivedFiles() {
    }

    /** Replaces {@code target} (its directory must exist) with {@code content} atomically. */
    static void replace(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
