package io.berth.core.internal.config;

import io.berth.common.host.StateDirs;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.runtime.RuntimeNames;

/**
 * The engine's resolved configuration. Immutable.
 *
 * @param root                   state directory (containers, exit files, volumes)
 * @param runDir                 run directory (sockets, runtime state roots)
 * @param configuredRuntime      the configured default runtime, empty to choose automatically
 * @param stopTimeoutSeconds     seconds a stop waits before SIGKILL when the container names none
 * @param cgroupParent           absolute cgroup path under which each container gets {@code <id>}
 */
public record EngineSettings(Path root, Path runDir, String configuredRuntime, int stopTimeoutSeconds,
        String cgroupParent) {

    /** Docker's stop timeout. */
    public static final int DEFAULT_STOP_TIMEOUT = 10;

    /** The cgroup parent when none is configured. */
    public static final String DEFAULT_CGROUP_PARENT = "/berth";

    private static final Pattern CGROUP_PATH = Pattern.compile("(/[A-Za-z0-9_.@:-]+)+");

    private static final Logger LOG = LoggerFactory.getLogger(EngineSettings.class);

    public EngineSettings {
        root = root.toAbsolutePath().normalize();
        runDir = runDir.toAbsolutePath().normalize();
        configuredRuntime = configuredRuntime == null ? "" : configuredRuntime;
        cgroupParent = cgroupParent == null ? DEFAULT_CGROUP_PARENT : cgroupParent;
    }

    /** Settings from the component configuration. */
    public static EngineSettings from(CoreConfig config, HostFacts host) {
        return resolve(config.root(), config.runDir(), config.defaultRuntime(), config.stopTimeout(),
                config.cgroupParent(), host);
    }

    /** {@link #resolve(String, String, String, int, String, HostFacts)} with the default cgroup parent. */
    public static EngineSettings resolve(String root, String runDir, String defaultRuntime, int stopTimeout,
            HostFacts host) {
        return resolve(root, runDir, defaultRuntime, stopTimeout, "", host);
    }

    /**
     * Applies the defaults: root {@code /var/lib/berth} as root, else {@code ${karaf.data}/berth} (or the temp
     * directory outside Karaf); run dir {@code /run/berth} as root, else {@code <root>/run}. An invalid runtime
     * name is logged and ignored, and so is a cgroup parent that is not an absolute path of plain names (a
     * missing leading {@code /} is added, trailing ones are dropped).
     */
    public static EngineSettings resolve(String root, String runDir, String defaultRuntime, int stopTimeout,
            String cgroupParent, HostFacts host) {
        Path rootPath = blank(root) ? defaultRoot(host) : Path.of(root.trim());
        Path runPath = blank(runDir) ? defaultRunDir(host, rootPath) : Path.of(runDir.trim());
        String runtime = blank(defaultRuntime) ? "" : defaultRuntime.trim();
        if (!runtime.isEmpty() && !RuntimeNames.isValid(runtime)) {
            LOG.warn("Ignoring invalid defaultRuntime '{}': runtime names match {}", runtime, RuntimeNames.VALID);
            runtime = "";
        }
        return new EngineSettings(rootPath, runPath, runtime, stopTimeout, cgroupParent(cgroupParent));
    }

    private static String cgroupParent(String configured) {
        if (blank(configured)) {
            return DEFAULT_CGROUP_PARENT;
        }
        String path = configured.trim().replaceAll("/+$", "");
        path = path.startsWith("/") ? path : "/" + path;
        if (!CGROUP_PATH.matcher(path).matches() || path.contains("/../") || path.endsWith("/..")
                || path.contains("/./") || path.endsWith("/.")) {
            LOG.warn("Ignoring invalid cgroupParent '{}'; using {}", configured, DEFAULT_CGROUP_PARENT);
            return DEFAULT_CGROUP_PARENT;
        }
        return path;
    }

    /** The default runtime: the configured one, else {@code runc} when present, else {@code mock}. */
    public String defaultRuntime(Predicate<String> present) {
        if (!configuredRuntime.isEmpty()) {
            return configuredRuntime;
        }
        return present.test("runc") ? "runc" : "mock";
    }

    /** {@code <root>/containers}: one directory per container. */
    public Path containersDir() {
        return root.resolve("containers");
    }

    /** {@code <root>/exits}: where runtimes write exit codes. */
    public Path exitsDir() {
        return root.resolve("exits");
    }

    /** {@code <root>/volumes}: named and anonymous volumes. */
    public Path volumesDir() {
        return root.resolve("volumes");
    }

    private static Path defaultRoot(HostFacts host) {
        return StateDirs.defaultRoot(host.root(), host.karafData(), host.tmpDir());
    }

    private static Path defaultRunDir(HostFacts host, Path root) {
        return host.root() ? Path.of("/run/berth") : root.resolve("run");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
