package io.berth.common.host;

import java.nio.file.Path;

/** The default places of Berth's state, one rule for every bundle that keeps some. */
public final class StateDirs {

    /** The root directory of a Berth that runs as root. */
    public static final Path SYSTEM_ROOT = Path.of("/var/lib/berth");

    private StateDirs() {
    }

    /**
     * The default root: {@code /var/lib/berth} as root, else {@code <karafData>/berth}, else
     * {@code <tmpDir>/berth} outside Karaf.
     */
    public static Path defaultRoot(boolean root, String karafData, String tmpDir) {
        if (root) {
            return SYSTEM_ROOT;
        }
        return Path.of(karafData != null && !karafData.isBlank() ? karafData : tmpDir, "berth");
    }
}
