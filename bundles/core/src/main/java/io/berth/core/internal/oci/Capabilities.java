package io.berth.core.internal.oci;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.berth.api.container.SecurityOptions;
import io.berth.api.error.InvalidArgumentException;

/**
 * Capability arithmetic as Docker does it (moby {@code oci/caps}): the default set, {@code --cap-add} and
 * {@code --cap-drop} with or without the {@code CAP_} prefix and with {@code ALL}, every capability for
 * privileged containers — and then, unlike Docker, always limited to the engine's own bounding set, because
 * a runtime refuses to grant what its caller lacks. Stateless.
 */
public final class Capabilities {

    /** Every capability Linux knows, by number (bit n of a capability mask is {@code ALL.get(n)}). */
    public static final List<String> ALL = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH",
            "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP",
            "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
            "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
            "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
            "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
            "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");

    /** Docker's default set (moby {@code oci/caps/defaults.go}). */
    public static final List<String> DOCKER_DEFAULT = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    private static final String EVERY = "ALL";

    private Capabilities() {
    }

    /** Checks capAdd and capDrop. @throws InvalidArgumentException {@code unknown capability: "X"} */
    public static void validate(SecurityOptions security) {
        normalize(security.capAdd());
        normalize(security.capDrop());
    }

    /**
     * The container's bounding, effective and permitted set, in kernel order.
     *
     * @param boundingMask the engine's bounding set; -1 when unknown
     * @throws InvalidArgumentException for an unknown capability
     */
    public static List<String> resolve(SecurityOptions security, long boundingMask) {
        Set<String> wanted = security.privileged() ? new LinkedHashSet<>(ALL) : tweak(security);
        List<String> result = new ArrayList<>();
        for (int bit = 0; bit < ALL.size(); bit++) {
            String cap = ALL.get(bit);
            if (wanted.contains(cap) && (boundingMask & (1L << bit)) != 0) {
                result.add(cap);
            }
        }
        return result;
    }

    /** The names of the bits set in {@code mask}, in kernel order; unknown bits are ignored. */
    public static List<String> names(long mask) {
        List<String> result = new ArrayList<>();
        for (int bit = 0; bit < ALL.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                result.add(ALL.get(bit));
            }
        }
        return result;
    }

    /** moby's TweakCapabilities: add ALL wins (minus drops), then drop ALL (plus adds), else default - drop + add. */
    private static Set<String> tweak(SecurityOptions security) {
        List<String> add = normalize(security.capAdd());
        List<String> drop = normalize(security.capDrop());
        Set<String> result = new LinkedHashSet<>();
        if (add.contains(EVERY)) {
            ALL.stream().filter(cap -> !drop.contains(cap)).forEach(result::add);
        } else if (drop.contains(EVERY)) {
            result.addAll(add);
        } else {
            DOCKER_DEFAULT.stream().filter(cap -> !drop.contains(cap)).forEach(result::add);
            result.addAll(add);
        }
        return result;
    }

    /** Upper case with the {@code CAP_} prefix, {@code ALL} kept as is. */
    static List<String> normalize(List<String> caps) {
        List<String> result = new ArrayList<>();
        for (String raw : caps) {
            String cap = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            if (!cap.equals(EVERY)) {
                cap = cap.startsWith("CAP_") ? cap : "CAP_" + cap;
                if (!ALL.contains(cap)) {
                    throw new InvalidArgumentException("unknown capability: \"" + cap + "\"");
                }
            }
            if (!result.contains(cap)) {
                result.add(cap);
            }
        }
        return result;
    }
}
