package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.BerthException;
import io.berth.nativeio.NetworkNamespaces;

/**
 * Makes sure a container with a network namespace of its own has its loopback interface up, as Docker's
 * {@code none} network mode promises. runc 1.1 and crun 1.8 already do it while creating the namespace; this
 * is the guard for runtimes that do not, and costs a thread and three system calls. A namespace joined by
 * {@code path} belongs to someone else (a network set up by the engine) and is left alone.
 */
final class Loopback {

    private static final Logger LOG = LoggerFactory.getLogger(Loopback.class);

    private final NetworkNamespaces namespaces;

    Loopback(NetworkNamespaces namespaces) {
        this.namespaces = namespaces;
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
        if (!ownsNetworkNamespace(config)) {
            return;
        }
        Path netns = Path.of("/proc", Integer.toString(pid), "ns", "net");
        try {
            if (namespaces.bringUp(netns, "lo")) {
                LOG.debug("brought the loopback interface of container {} up", id);
            }
        } catch (IOException e) {
            throw new BerthException("cannot bring the loopback interface of container " + id + " up: "
                    + e.getMessage(), e);
        }
    }
}
