package io.berth.common.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the JVM runs as, read once from {@code /proc/self}. Thread-safe. */
public final class ProcessUser {

    private static final long UID = readUid();

    private ProcessUser() {
    }

    /** The uid of this process, or -1 where it cannot be read (not Linux). */
    public static long uid() {
        return UID;
    }

    /** True when the JVM runs as uid 0. */
    public static boolean isRoot() {
        return UID == 0;
    }

    private static long readUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }
}
