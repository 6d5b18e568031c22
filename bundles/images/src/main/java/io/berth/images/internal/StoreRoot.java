package io.berth.images.internal;

import java.nio.file.Path;

import io.berth.common.host.ProcessUser;
import io.berth.common.host.StateDirs;

/** The default root directory of Berth's state, as documented in {@link ImagesConfiguration#root()}. */
final class StoreRoot {

    private StoreRoot() {
    }

    /** The configured root, or the default for this process when the configured value is blank. */
    static Path resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return StateDirs.defaultRoot(ProcessUser.isRoot(), System.getProperty("karaf.data"),
                System.getProperty("java.io.tmpdir"));
    }
}
