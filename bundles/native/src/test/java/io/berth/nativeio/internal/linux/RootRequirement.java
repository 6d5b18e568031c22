package io.berth.nativeio.internal.linux;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

import com.sun.security.auth.module.UnixSystem;

/**
 * Skip rule for tests that need root: on CI ({@code CI=true}) a missing requirement fails the test, elsewhere
 * it skips the test with a loud line on stderr.
 */
final class RootRequirement {

    private RootRequirement() {
    }

    static void assumeRoot() {
        if (new UnixSystem().getUid() != 0) {
            missing("needs root");
        }
    }

    /** The program exists and is executable. */
    static void assumeExecutable(java.nio.file.Path program) {
        if (!java.nio.file.Files.isExecutable(program)) {
            missing("needs " + program);
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
