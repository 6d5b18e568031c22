package io.berth.core.internal.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

import io.berth.core.internal.config.HostFacts;

/**
 * Skip rule for root tests (the logic of runtimes/oci's test helper): with {@code CI=true} a missing
 * prerequisite fails the test, elsewhere the test is skipped with a loud line on stderr.
 */
public final class RootRequirement {

    public static final String SKIP_LINE = "SKIPPED: needs root and runc/crun/conmon";

    private RootRequirement() {
    }

    /**
     * Root, plus every program in {@code programs} (each given as its candidate paths).
     *
     * @return the first executable candidate of each program
     */
    public static List<Path> assumeRootAnd(List<List<Path>> programs) {
        StringBuilder missing = new StringBuilder();
        if (!HostFacts.current().root()) {
            missing.append(" root");
        }
        for (List<Path> candidates : programs) {
            if (candidates.stream().noneMatch(Files::isExecutable)) {
                missing.append(' ').append(candidates.stream().map(Path::toString).collect(Collectors.joining("|")));
            }
        }
        if (missing.length() > 0) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must run this test, but it lacks:" + missing);
            }
            System.err.println(SKIP_LINE + " (missing:" + missing + ")");
            Assumptions.abort("missing:" + missing);
        }
        return programs.stream().map(c -> c.stream().filter(Files::isExecutable).findFirst().orElseThrow()).toList();
    }
}
