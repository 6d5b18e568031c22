package io.berth.images.internal;

import java.nio.file.Path;

import io.berth.images.internal.files.ProcessIdentity;

/** The default root directory of Berth's state, as documented in {@link ImagesConfiguration#root()}. */
final class StoreRoot {

    static final String SYSTEM_ROOT = "/var/lib/berth";

    private StoreRoot() {
    }

    /** The configured root, or the default for this process when the configured value is blank. */
    static Path resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return defaultRoot(ProcessIdentity.isRoot(), System.getProperty("karaf.data"),
                System.getProperty("java.io.tmpdir"));
    }

    static Path defaultRoot(boolean root, String karafData, String tmpDir) {
        if (root) {
            return Path.of(SYSTEM_ROOT);
        }
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData, "berth");
        }
        return Path.of(tmpDir, "berth");
    }
}
