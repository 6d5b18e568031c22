package io.berth.runtime.oci.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Finds a program among candidate paths and says why it cannot be used. */
final class Executables {

    /**
     * The outcome of a search.
     *
     * @param path    the first existing candidate, {@code null} when none exists
     * @param problem why it cannot be used, empty when it can
     */
    record Found(Path path, String problem) {
        boolean usable() {
            return problem.isEmpty();
        }
    }

    private Executables() {
    }

    /** The first existing candidate; {@code what} names the program in the problem text. */
    static Found find(String what, List<Path> candidates) {
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return check(what, candidate);
            }
        }
        String looked = candidates.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new Found(null, what + " not found (looked in " + looked + ")");
    }

    private static Found check(String what, Path candidate) {
        if (!Files.isRegularFile(candidate)) {
            return new Found(candidate, what + " " + candidate + " is not a regular file");
        }
        if (!Files.isExecutable(candidate)) {
            return new Found(candidate, what + " " + candidate + " is not executable");
        }
        return new Found(candidate, "");
    }
}
