package io.berth.images.internal.testing;

import io.berth.common.host.ProcessUser;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;


/**
 * Skip rule for tests that mount overlays: they need root and a kernel with overlayfs. On CI ({@code CI=true})
 * a missing requirement fails the test; elsewhere it skips the test with a loud line on stderr.
 */
public final class RootRequirement {

    private RootRequirement() {
    }

    public static void assumeRootWithOverlay() {
        if (!ProcessUser.isRoot()) {
            missing("needs root (overlay mounts)");
        }
        if (!kernelHasOverlay()) {
            missing("needs root and overlayfs in /proc/filesystems");
        }
    }

    private static boolean kernelHasOverlay() {
        try {
            return Files.readAllLines(Path.of("/proc/filesystems")).stream().anyMatch(l -> l.endsWith("\toverlay"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void missing(String what) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run this test, but it " + what);
        }
        System.err.println("SKIPPED: " + what);
        Assumptions.abort(what);
    }
}
