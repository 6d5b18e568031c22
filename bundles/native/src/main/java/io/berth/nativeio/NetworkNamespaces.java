package io.berth.nativeio;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Network interfaces inside another network namespace, without forking {@code ip} or {@code nsenter}. A
 * namespace is named by a file such as {@code /proc/<pid>/ns/net} or {@code /run/netns/<name>}. Each call
 * enters the namespace on a short-lived thread of its own, so no other code ever runs in it. Thread-safe;
 * needs CAP_SYS_ADMIN (setns) and CAP_NET_ADMIN in the namespace to change it.
 */
@ProviderType
public interface NetworkNamespaces {

    /**
     * Whether the interface is up ({@code IFF_UP}).
     *
     * @param netns         the namespace file
     * @param interfaceName e.g. {@code lo}; at most 15 characters
     * @throws ErrnoException {@code ENOENT} when the namespace file does not exist, {@code ENODEV} when the
     *                        namespace has no such interface
     */
    boolean isUp(Path netns, String interfaceName) throws IOException;

    /**
     * Brings the interface up if it is down, as {@code ip link set <name> up} does. Idempotent.
     *
     * @return {@code true} when it was down and is now up, {@code false} when it was up already
     * @throws ErrnoException as {@link #isUp}, or {@code EPERM} without the needed capabilities
     */
    boolean bringUp(Path netns, String interfaceName) throws IOException;
}
