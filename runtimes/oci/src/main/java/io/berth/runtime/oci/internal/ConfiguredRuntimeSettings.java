package io.berth.runtime.oci.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.runtime.RuntimeNames;
import io.berth.runtime.oci.OciCliProfile;

/**
 * Turns a {@link ConfiguredRuntimeConfig} into a profile, refusing anything a runtime must not be registered
 * with. Pure: checks the values only, never the file system (a binary that does not exist yet gives a runtime
 * that reports itself not ready, as the runc and crun bundles do).
 */
final class ConfiguredRuntimeSettings {

    /** Where runtimes configured without a state root keep their state: {@code /run/berth/<name>}. */
    static final Path DEFAULT_STATE_PARENT = Path.of("/run/berth");

    /** Karaf's fileinstall names factory configurations after their file: {@code <pid>-<alias>.cfg}. */
    private static final Pattern FILE_ALIAS = Pattern.compile(
            Pattern.quote(ConfiguredRuntime.FACTORY_PID) + "[-~]([^/]+)\\.(?:cfg|config|json)$");

    private ConfiguredRuntimeSettings() {
    }

    /**
     * The profile for a configuration.
     *
     * @param fileName the configuration's file ({@code felix.fileinstall.filename}), or {@code null}; gives the
     *                 name when {@code name} is empty
     * @throws InvalidArgumentException with a message that names the offending property
     */
    static OciCliProfile profile(ConfiguredRuntimeConfig config, String fileName) {
        String name = name(config.name(), fileName);
        Path binary = absolute("binary", config.binary(), true);
        Path stateRoot = absolute("stateRoot", config.stateRoot(), false);
        Path conmon = absolute("conmon", config.conmon(), false);
        if (stateRoot == null) {
            stateRoot = DEFAULT_STATE_PARENT.resolve(name);
        } else if (stateRoot.getFileName() == null) {
            throw new InvalidArgumentException("stateRoot must be a directory below /, not " + stateRoot);
        }
        return new OciCliProfile(name, List.of(binary), stateRoot, globalArgs(config.globalArgs()),
                config.createWrapper(), config.eventsStats(),
                conmon == null ? OciCliProfile.CONMON_CANDIDATES : List.of(conmon));
    }

    /** The configured name, else the alias of the configuration's file; validated. */
    static String name(String configured, String fileName) {
        String name = configured == null ? "" : configured.trim();
        if (name.isEmpty() && fileName != null) {
            Matcher alias = FILE_ALIAS.matcher(fileName.replace('\\', '/'));
            name = alias.find() ? alias.group(1) : "";
        }
        if (name.isEmpty()) {
            throw new InvalidArgumentException("the runtime name is missing: set name = <runtime name>");
        }
        if (!RuntimeNames.isValid(name)) {
            throw new InvalidArgumentException("invalid runtime name \"" + name + "\": use 1 to 64 lower-case "
                    + "letters, digits, '.', '_' or '-', starting with a letter");
        }
        return name;
    }

    /** Global arguments, each configured value split at white space. */
    static List<String> globalArgs(String[] values) {
        List<String> args = new ArrayList<>();
        if (values != null) {
            Arrays.stream(values).filter(v -> v != null && !v.isBlank())
                    .flatMap(v -> Arrays.stream(v.trim().split("\\s+"))).forEach(args::add);
        }
        return args;
    }

    private static Path absolute(String property, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidArgumentException(property + " is missing: set " + property + " = <absolute path>");
            }
            return null;
        }
        String trimmed = value.trim();
        if (!trimmed.startsWith("/") || trimmed.indexOf('\0') >= 0) {
            throw new InvalidArgumentException(property + " must be an absolute path, not \"" + trimmed + "\"");
        }
        return Path.of(trimmed).normalize();
    }
}
