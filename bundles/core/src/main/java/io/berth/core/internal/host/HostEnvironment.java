package io.berth.core.internal.host;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine must know about its host to give containers Docker's settings without asking for more
 * than it has. Immutable; read once when the engine opens.
 *
 * @param hostname          the host's hostname (the default hostname of {@code host}-network containers)
 * @param capabilityMask    the engine's own capability bounding set ({@code CapBnd}); bit n is capability n
 * @param nofileHardLimit   the engine's own hard {@code RLIMIT_NOFILE}
 * @param hostsFile         the host's {@code /etc/hosts}
 * @param resolvConf        the host's {@code /etc/resolv.conf}
 * @param procRoot          where {@code /proc} is mounted
 */
public record HostEnvironment(String hostname, long capabilityMask, long nofileHardLimit, Path hostsFile,
        Path resolvConf, Path procRoot) {

    /** The limit assumed when {@code /proc/self/limits} cannot be read. */
    public static final long FALLBACK_NOFILE = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HostEnvironment.class);

    /** The environment of this JVM; unreadable facts get safe defaults (logged). */
    public static HostEnvironment current() {
        Path proc = Path.of("/proc");
        return new HostEnvironment(readHostname(proc), readCapabilityMask(proc), readNofile(proc),
                Path.of("/etc/hosts"), Path.of("/etc/resolv.conf"), proc);
    }

    private static String readHostname(Path proc) {
        String name = ProcFiles.read(proc.resolve("sys/kernel/hostname")).trim();
        return name.isEmpty() ? "localhost" : name;
    }

    private static long readCapabilityMask(Path proc) {
        return ProcFiles.capabilityBounding(ProcFiles.read(proc.resolve("self/status"))).orElseGet(() -> {
            LOG.warn("Cannot read the engine's capability bounding set; not limiting container capabilities");
            return -1L;
        });
    }

    private static long readNofile(Path proc) {
        return ProcFiles.nofileHardLimit(ProcFiles.read(proc.resolve("self/limits"))).orElseGet(() -> {
            LOG.warn("Cannot read the engine's open-file limit; containers get {}", FALLBACK_NOFILE);
            return FALLBACK_NOFILE;
        });
    }
}
