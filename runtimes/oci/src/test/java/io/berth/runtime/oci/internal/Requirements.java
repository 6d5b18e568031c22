package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

import com.sun.security.auth.module.UnixSystem;

/**
 * Skip rule for root tests: on CI ({@code CI=true}) a missing requirement fails the test, elsewhere it
 * skips the test with a loud line on stderr.
 */
final class Requirements {

    static final String SKIP_LINE = "SKIPPED: needs root and runc/crun/conmon";

    private Requirements() {
    }

    /** Root, plus every program in {@code programs} (each given as its candidate paths). */
    static void assumeRootAnd(List<List<Path>> programs) {
        StringBuilder missing = new StringBuilder();
        if (new UnixSystem().getUid() != 0) {
            missing.append(" root");
        }
        for (List<Path> candidates : programs) {
            if (candidates.stream().noneMatch(Files::isExecutable)) {
                missing.append(' ').append(candidates.stream().map(Path::toString).collect(Collectors.joining("|")));
            }
        }
        if (missing.length() == 0) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run this test, but it lacks:" + missing);
        }
        System.err.println(SKIP_LINE + " (missing:" + missing + ")");
        Assumptions.abort("missing:" + missing);
    }
}
