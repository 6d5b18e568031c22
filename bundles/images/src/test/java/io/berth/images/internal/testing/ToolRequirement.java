package io.berth.images.internal.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * Skip rule for tests that drive external programs (a registry, skopeo, openssl): on CI ({@code CI=true}) a
 * missing program fails the test; elsewhere it skips it with a loud line on stderr.
 */
public final class ToolRequirement {

    private ToolRequirement() {
    }

    public static void assumeTools(String... programs) {
        List<String> missing = Arrays.stream(programs).filter(p -> !onPath(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String what = "needs " + String.join(", ", missing) + " on the PATH (apt-get install docker-registry "
                + "skopeo openssl apache2-utils)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run this test, but it " + what);
        }
        System.err.println("SKIPPED: " + what);
        Assumptions.abort(what);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, program))
                .anyMatch(Files::isExecutable);
    }
}
