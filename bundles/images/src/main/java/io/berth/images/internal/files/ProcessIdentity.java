package io.berth.images.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the JVM runs as. The answer is computed once; thread-safe. */
public final class ProcessIdentity {

    private static final boolean ROOT = uid() == 0;

    private ProcessIdentity() {
    }

    /** True when the JVM runs as uid 0 (ownership from tar headers is then applied). */
    public static boolean isRoot() {
        return ROOT;
    }

    /** The uid of this process, or -1 if it cannot be read (not Linux). */
    public static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }
}
