package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.BerthException;
import io.berth.nativeio.NetworkNamespaces;

/**
 * Makes sure a container with a network namespace of its own has its loopback interface up, as Docker's
 * {@code none} network mode promises. runc 1.1 and crun 1.8 already do it while creating the namespace, which
 * the container's own sysfs shows ({@code /proc/<pid>/root/sys/class/net/lo/flags}: a sysfs mount belongs to
 * the network namespace of the process that mounted it, here the container's); only when that file does not
 * say {@code IFF_UP} (a runtime that leaves {@code lo} down, a container without {@code /sys}) is the namespace
 * entered, which costs a thread and three system calls. A namespace joined by {@code path} belongs to someone
 * else (a network set up by the engine) and is left alone.
 */
final class Loopback {

    private static final Logger LOG = LoggerFactory.getLogger(Loopback.class);

    private static final int IFF_UP = 0x1;

    private final NetworkNamespaces namespaces;
    private final Path procRoot;

    Loopback(NetworkNamespaces namespaces) {
        this(namespaces, Path.of("/proc"));
    }

    Loopback(NetworkNamespaces namespaces, Path procRoot) {
        this.namespaces = namespaces;
        this.procRoot = procRoot;
    }

    /** Whether the bundle's config asks for a new network namespace ({@code network} without {@code path}). */
    static boolean ownsNetworkNamespace(JsonNode config) {
        for (JsonNode namespace : config.at("/linux/namespaces")) {
            if ("network".equals(namespace.path("type").asText()) && namespace.path("path").asText("").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Brings {@code lo} up in the network namespace of the created container's process {@code pid}, if the
     * config gave the container a namespace of its own.
     *
     * @throws BerthException when the interface cannot be inspected or brought up
     */
    void ensureUp(String id, JsonNode config, int pid) {
        if (!ownsNetworkNamespace(config) || upInContainerSysfs(pid)) {
            return;
        }
        Path netns = procRoot.resolve(Integer.toString(pid)).resolve("ns").resolve("net");
        try {
            if (namespaces.bringUp(netns, "lo")) {
                LOG.debug("brought the loopback interface of container {} up", id);
            }
        } catch (IOException e) {
            throw new BerthException("cannot bring the loopback interface of container " + id + " up: "
                    + e.getMessage(), e);
        }
    }

    /** Whether the container's sysfs shows {@code lo} up; false when it cannot tell. */
    private boolean upInContainerSysfs(int pid) {
        Path flags = procRoot.resolve(Integer.toString(pid)).resolve("root/sys/class/net/lo/flags");
        try {
            String text = Files.readString(flags, StandardCharsets.US_ASCII).trim();
            return text.startsWith("0x") && (Integer.parseInt(text.substring(2), 16) & IFF_UP) != 0;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
