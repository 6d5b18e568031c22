package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.common.host.MountTable;

/**
 * Puts container monitors into the engine's cgroup tree: conmon moves into {@code <parent>/conmon} of every
 * cgroup hierarchy, {@code <parent>} being the parent of the container's {@code linux.cgroupsPath} (the layout
 * podman gives conmon with cgroupfs). A monitor then belongs to the engine's cgroups, not to the cgroup of the
 * JVM that started it: a service manager that stops the engine by its cgroup leaves monitors and containers
 * running, and their memory counts under the engine's cgroup parent.
 *
 * <p>The driver moves a monitor as soon as it has daemonized, while it starts the runtime. A move into a cgroup
 * (cgroup v1, and v2 without {@code favordynmods}) waits for an RCU grace period unless another move ended
 * within the last one; the runtime's own move of the container's process then finds that period passed or
 * under way instead of starting one of its own (about 7 ms of a {@code create} on the project's machines).
 *
 * <p>A move that fails is logged (a warning the first time, then at debug level) and changes nothing else: the
 * monitor stays where it started and the container runs. Thread-safe.
 */
final class MonitorCgroups {

    /** The name of the monitors' cgroup under the containers' cgroup parent. */
    static final String MONITOR_CGROUP_NAME = "conmon";

    private static final Logger LOG = LoggerFactory.getLogger(MonitorCgroups.class);
    private static final List<String> CPUSET_FILES = List.of("cpuset.cpus", "cpuset.mems");

    /** A cgroup hierarchy: where it is mounted, and whether it is the cpuset one. */
    private record Hierarchy(Path mountPoint, boolean cpuset) {
    }

    private final Supplier<MountTable> mounts;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile List<Hierarchy> hierarchies;

    /** @param mounts the mount table, read once, at the first move (cgroup hierarchies are mounted at boot) */
    MonitorCgroups(Supplier<MountTable> mounts) {
        this.mounts = mounts;
    }

    /** The hierarchies of this process's mount namespace. */
    static MonitorCgroups host() {
        return new MonitorCgroups(MountTable::read);
    }

    /**
     * The monitors' cgroup for a container with this OCI config: {@code <parent>/conmon}, or empty when the
     * config names no absolute {@code linux.cgroupsPath} (then the runtime picks the container's cgroup itself).
     */
    static Optional<String> cgroupFor(JsonNode config) {
        String path = config.at("/linux/cgroupsPath").asText("");
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        Path parent = Path.of(path).normalize().getParent();
        return Optional.of((parent == null ? Path.of("/") : parent).resolve(MONITOR_CGROUP_NAME).toString());
    }

    /**
     * Moves process {@code pid} (all its threads) into {@code cgroup} in every cgroup hierarchy, creating the
     * cgroup where it is missing (a new cpuset cgroup gets its parent's processors and memory nodes).
     *
     * @return the hierarchies (mount points) where the move failed; empty when it succeeded everywhere
     */
    List<Path> join(int pid, String cgroup) {
        List<Path> failed = new ArrayList<>();
        for (Hierarchy hierarchy : hierarchies()) {
            try {
                join(hierarchy, cgroup, pid);
            } catch (IOException | RuntimeException e) {
                failed.add(hierarchy.mountPoint());
                report(pid, hierarchy.mountPoint().resolve(relative(cgroup)), e);
            }
        }
        return failed;
    }

    private List<Hierarchy> hierarchies() {
        List<Hierarchy> known = hierarchies;
        if (known == null) {
            known = List.copyOf(firstMounts(mounts.get()).values());
            hierarchies = known;
        }
        return known;
    }

    /**
     * The first mount of each hierarchy: a v1 hierarchy is known by its controllers (the options after
     * {@code rw}/{@code ro}); there is one v2 hierarchy.
     */
    private static Map<String, Hierarchy> firstMounts(MountTable table) {
        Map<String, Hierarchy> first = new LinkedHashMap<>();
        for (MountTable.Entry entry : table.entries()) {
            if (entry.fsType().equals("cgroup")) {
                String controllers = entry.superOptions().replaceFirst("^r[ow],", "");
                first.putIfAbsent(controllers, new Hierarchy(entry.mountPoint(),
                        List.of(controllers.split(",")).contains("cpuset")));
            } else if (entry.fsType().equals("cgroup2")) {
                first.putIfAbsent("", new Hierarchy(entry.mountPoint(), false));
            }
        }
        return first;
    }

    private static void join(Hierarchy hierarchy, String cgroup, int pid) throws IOException {
        Path dir = hierarchy.mountPoint().resolve(relative(cgroup));
        if (hierarchy.cpuset()) {
            createCpusets(hierarchy.mountPoint(), dir);
        } else {
            Files.createDirectories(dir);
        }
        Files.writeString(dir.resolve("cgroup.procs"), Integer.toString(pid));
    }

    /** Creates each missing level of {@code dir}, giving it its parent's cpus and mems (a new cpuset has none). */
    private static void createCpusets(Path hierarchy, Path dir) throws IOException {
        Path parent = hierarchy;
        for (Path name : hierarchy.relativize(dir)) {
            Path level = parent.resolve(name);
            Files.createDirectories(level); // the runtime may be making the same level at the same moment
            for (String file : CPUSET_FILES) {
                if (!Files.exists(level.resolve(file)) || Files.readString(level.resolve(file)).isBlank()) {
                    Files.writeString(level.resolve(file), Files.readString(parent.resolve(file)).trim());
                }
            }
            parent = level;
        }
    }

    private static String relative(String cgroup) {
        return cgroup.replaceFirst("^/+", "");
    }

    private void report(int pid, Path dir, Exception e) {
        String message = "cannot move the monitor " + pid + " into " + dir + " (it stays in the engine's cgroup): "
                + e;
        if (warned.compareAndSet(false, true)) {
            LOG.warn("{}; further failures are logged at debug level", message);
        } else {
            LOG.debug(message);
        }
    }
}
