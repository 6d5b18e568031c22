package io.berth.runtime.mock.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes OCI bundles ({@code <root>/bundles/<id>/config.json}) for tests. */
final class TestBundles {

    private TestBundles() {
    }

    /** A bundle whose process has the given args, env, cwd and terminal flag. */
    static Path bundle(Path root, String id, List<String> args, List<String> env, String cwd, boolean terminal) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("terminal", terminal);
        process.put("args", args);
        process.put("env", env);
        process.put("cwd", cwd);
        return withConfig(root, id, Map.of("ociVersion", "1.0.2", "process", process, "root",
                Map.of("path", "rootfs")));
    }

    /** A bundle whose config.json is {@code config} serialised as JSON. */
    static Path withConfig(Path root, String id, Object config) {
        try {
            return withContent(root, id, Json.MAPPER.writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundle whose config.json holds exactly {@code content}. */
    static Path withContent(Path root, String id, String content) {
        try {
            Path bundle = root.resolve("bundles").resolve(id);
            Files.createDirectories(bundle);
            Files.writeString(bundle.resolve("config.json"), content);
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
