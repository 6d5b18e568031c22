package io.berth.runtime.mock.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.InvalidArgumentException;

/**
 * Reads the {@code process} of an OCI bundle's {@code config.json} ({@code args}, {@code env}, {@code cwd} and
 * {@code terminal}) and two limits of {@code linux.resources} ({@code memory.limit} and {@code pids.limit}).
 * Everything else in the file is ignored. Stateless and thread-safe.
 */
final class BundleConfig {

    private BundleConfig() {
    }

    /**
     * The process of the bundle in {@code bundleDir}.
     *
     * @throws InvalidArgumentException when {@code config.json} is missing, not JSON, or has no usable
     *                                  {@code process.args}
     */
    static ProcessSpec read(Path bundleDir) {
        return load(bundleDir).process();
    }

    /**
     * The process and the resource limits of the bundle in {@code bundleDir}. Limits that are absent or not
     * numbers count as unset.
     *
     * @throws InvalidArgumentException as {@link #read}
     */
    static BundleSpec load(Path bundleDir) {
        Path file = bundleDir.resolve("config.json");
        JsonNode root = parse(file);
        return new BundleSpec(process(root, file), limits(root));
    }

    /** The resource limits of the bundle in {@code bundleDir}, or none when its config cannot be read. */
    static ResourceLimits limitsOrNone(Path bundleDir) {
        try {
            return limits(parse(bundleDir.resolve("config.json")));
        } catch (InvalidArgumentException e) {
            return ResourceLimits.NONE;
        }
    }

    private static ResourceLimits limits(JsonNode root) {
        JsonNode resources = root.path("linux").path("resources");
        return new ResourceLimits(resources.path("memory").path("limit").asLong(0),
                resources.path("pids").path("limit").asLong(0));
    }

    private static ProcessSpec process(JsonNode root, Path file) {
        JsonNode process = root.get("process");
        if (process == null || !process.isObject()) {
            throw new InvalidArgumentException(file + ": process property must not be empty");
        }
        List<String> args = strings(process, "args", file);
        if (args.isEmpty()) {
            throw new InvalidArgumentException(file + ": args must not be empty");
        }
        JsonNode cwd = process.get("cwd");
        return new ProcessSpec(args, strings(process, "env", file), cwd == null ? null : cwd.asText(),
                process.path("terminal").asBoolean(false));
    }

    private static JsonNode parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = Json.MAPPER.readTree(in);
            if (root == null || !root.isObject()) {
                throw new InvalidArgumentException("malformed " + file + ": expected a JSON object");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new InvalidArgumentException(
                    "cannot read the bundle: open " + file + ": no such file or directory", e);
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException("malformed " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidArgumentException("cannot read the bundle: " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode process, String field, Path file) {
        JsonNode node = process.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidArgumentException(file + ": process." + field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new InvalidArgumentException(file + ": process." + field + " must be an array of strings");
            }
            values.add(element.asText());
        }
        return values;
    }
}
