package io.berth.runtime.oci.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.berth.api.error.ConflictException;
import io.berth.api.runtime.RuntimeStats;

/**
 * Statistics from the cgroup v1 files of a process, for runtimes without {@code events --stats}. The
 * process's cgroups come from {@code /proc/<pid>/cgroup}; each hierarchy is mounted at
 * {@code <cgroup root>/<controllers>} (e.g. {@code /sys/fs/cgroup/cpuacct} or
 * {@code /sys/fs/cgroup/cpu,cpuacct}). A file that cannot be read counts as 0; {@code pids.max} of
 * {@code max} is 0 (unlimited).
 */
final class CgroupStats {

    private final Path procRoot;
    private final Path cgroupRoot;
    private final long hostMemory;

    CgroupStats(Path procRoot, Path cgroupRoot, long hostMemory) {
        this.procRoot = procRoot;
        this.cgroupRoot = cgroupRoot;
        this.hostMemory = hostMemory;
    }

    static CgroupStats host() {
        return new CgroupStats(Path.of("/proc"), Path.of("/sys/fs/cgroup"), HostMemory.total());
    }

    /** The values of the process {@code pid}'s cgroups. */
    RuntimeStats read(int pid) {
        String membership = SmallFiles.read(procRoot.resolve(Integer.toString(pid)).resolve("cgroup"))
                .orElseThrow(() -> new ConflictException("process " + pid + " is gone: the container is not running"));
        Map<String, Path> dirs = controllerDirs(membership);
        long memoryLimit = readLong(dirs.get("memory"), "memory.limit_in_bytes");
        return new RuntimeStats(readLong(dirs.get("cpuacct"), "cpuacct.usage"),
                readLong(dirs.get("memory"), "memory.usage_in_bytes"),
                HostMemory.effectiveLimit(memoryLimit, hostMemory),
                readLong(dirs.get("pids"), "pids.current"), readLong(dirs.get("pids"), "pids.max"));
    }

    /** Controller name → directory, from lines {@code <id>:<controllers>:<path>}; cgroup v2 lines are skipped. */
    Map<String, Path> controllerDirs(String membership) {
        Map<String, Path> dirs = new HashMap<>();
        for (String line : membership.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3 || fields[1].isEmpty()) {
                continue;
            }
            Path dir = cgroupRoot.resolve(fields[1]).resolve(fields[2].replaceFirst("^/+", ""));
            Arrays.stream(fields[1].split(",")).forEach(controller -> dirs.put(controller, dir));
        }
        return dirs;
    }

    /** The number in {@code dir/file}; 0 when the controller, the file or a number is missing ("max"). */
    private static long readLong(Path dir, String file) {
        if (dir == null) {
            return 0;
        }
        String text = SmallFiles.read(dir.resolve(file)).orElse("").strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
