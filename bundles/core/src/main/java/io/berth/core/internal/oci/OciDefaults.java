package io.berth.core.internal.oci;

import java.util.List;

/** Docker's defaults for the OCI spec (moby {@code oci/defaults.go}). */
final class OciDefaults {

    static final String OCI_VERSION = "1.0.2";

    static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware", "/sys/devices/virtual/powercap");

    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    static final List<OciMount> MOUNTS = List.of(
            new OciMount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
            new OciMount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
            new OciMount("/dev/pts", "devpts", "devpts",
                    List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
            new OciMount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
            new OciMount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev")),
            new OciMount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
            new OciMount("/dev/shm", "tmpfs", "shm",
                    List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));

    /** Docker's (and Podman's) RLIMIT_NOFILE, lowered to the engine's own hard limit where that is smaller. */
    static final long NOFILE_LIMIT = 1_048_576;

    /**
     * The device cgroup rules of an unprivileged container: deny everything, then allow creating device nodes
     * and using the standard ones (null, zero, full, random, urandom, tty, console, ptmx, the pts). Written
     * out because runtimes differ in what they add on their own. Each entry: type, major, minor (-1 = any).
     */
    static final List<DeviceRule> ALLOWED_DEVICES = List.of(new DeviceRule("c", -1, -1, "m"),
            new DeviceRule("b", -1, -1, "m"), new DeviceRule("c", 1, 3, "rwm"), new DeviceRule("c", 1, 5, "rwm"),
            new DeviceRule("c", 1, 7, "rwm"), new DeviceRule("c", 1, 8, "rwm"), new DeviceRule("c", 1, 9, "rwm"),
            new DeviceRule("c", 5, 0, "rwm"), new DeviceRule("c", 5, 1, "rwm"), new DeviceRule("c", 5, 2, "rwm"),
            new DeviceRule("c", 136, -1, "rwm"));

    /** One allowing device cgroup rule. */
    record DeviceRule(String type, int major, int minor, String access) {
    }

    private OciDefaults() {
    }
}
