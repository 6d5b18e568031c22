package io.berth.itests;

import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tests with real runtimes need root, runc, crun, conmon and a static busybox. In CI ({@code CI=true}) a
 * missing prerequisite fails the test; run by hand without them, the test is skipped and says so loudly.
 */
final class RootRequirement {

    private RootRequirement() {
    }

    /** For JUnit 4 (Pax Exam) tests. */
    static void check() {
        String missing = unmetOutsideCi();
        assumeTrue(missing, missing == null);
    }

    /**
     * What is missing, or {@code null} when everything is there. Fails in CI; elsewhere prints the loud
     * skip notice and returns the reason, for the caller's framework to skip with.
     */
    static String unmetOutsideCi() {
        String missing = missing();
        if (missing == null) {
            return null;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run the real-runtime tests, but " + missing);
        }
        System.err.println("SKIPPED: needs root and runc/crun/conmon/busybox-static (" + missing + ")");
        return missing;
    }

    /** Fails in CI, else prints the loud skip notice and skips (JUnit 5) because {@code what}. */
    static void failInCiOrSkip(String what) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run the end-to-end tests, but " + what);
        }
        System.err.println("SKIPPED: needs root and runc/crun/conmon/busybox-static/docker CLI (" + what + ")");
        org.junit.jupiter.api.Assumptions.assumeTrue(false, what);
    }

    private static String missing() {
        if (!isRoot()) {
            return "not running as root";
        }
        for (String binary : new String[] {"/usr/sbin/runc", "/usr/bin/crun", "/usr/bin/conmon"}) {
            if (!Files.isExecutable(Path.of(binary))) {
                return binary + " is missing";
            }
        }
        return BusyboxFixture.available() ? null : BusyboxFixture.HOST_BUSYBOX + " is missing";
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
