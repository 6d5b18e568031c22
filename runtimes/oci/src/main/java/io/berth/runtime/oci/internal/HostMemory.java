package io.berth.runtime.oci.internal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's memory, which Docker reports as a container's limit when it has none (cgroup v1 then says
 * {@code 9223372036854771712}).
 */
final class HostMemory {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s*kB");
    private static volatile long hostTotal = -1;

    private HostMemory() {
    }

    /** The host's memory in bytes (MemTotal of /proc/meminfo, read once), or 0 when unknown. */
    static long total() {
        long total = hostTotal;
        if (total < 0) {
            total = total(Path.of("/proc/meminfo"));
            hostTotal = total;
        }
        return total;
    }

    /** MemTotal in bytes from a meminfo file; 0 when it cannot be read. */
    static long total(Path meminfo) {
        Matcher matcher = MEM_TOTAL.matcher(SmallFiles.read(meminfo).orElse(""));
        return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : 0;
    }

    /** The limit a user expects to see: {@code hostTotal} when there is none or it exceeds the host. */
    static long effectiveLimit(long limit, long hostTotal) {
        if (hostTotal <= 0) {
            return Math.max(limit, 0);
        }
        return limit <= 0 || limit > hostTotal ? hostTotal : limit;
    }
}
