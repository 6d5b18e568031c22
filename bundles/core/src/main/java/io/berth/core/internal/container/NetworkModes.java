package io.berth.core.internal.container;

import java.util.List;

import io.berth.api.error.InvalidArgumentException;

/**
 * The network modes the engine supports until bridge networking exists: {@code none} (the default: a private
 * network namespace with only loopback) and {@code host}. Docker clients send {@code default} when no
 * {@code --network} is given; it means {@code none} here. Stateless.
 */
final class NetworkModes {

    static final String NONE = "none";
    static final String HOST = "host";

    /** Docker's warning when ports are given with host networking. */
    static final String PORTS_DISCARDED = "Published ports are discarded when using host network mode";

    private NetworkModes() {
    }

    /**
     * The effective mode.
     *
     * @throws InvalidArgumentException for {@code bridge}, {@code container:...} or a network name
     */
    static String normalize(String requested) {
        if (requested == null || requested.isEmpty() || requested.equals("default")) {
            return NONE;
        }
        if (!requested.equals(NONE) && !requested.equals(HOST)) {
            throw new InvalidArgumentException(
                    "network mode \"" + requested + "\" is not supported yet (use none or host)");
        }
        return requested;
    }

    /**
     * The warnings for published ports in this mode.
     *
     * @throws InvalidArgumentException when ports are published without host networking
     */
    static List<String> checkPorts(String mode, List<String> publishedPorts) {
        if (publishedPorts.isEmpty()) {
            return List.of();
        }
        if (!HOST.equals(mode)) {
            throw new InvalidArgumentException("publishing ports is not supported yet (no bridge networking)");
        }
        return List.of(PORTS_DISCARDED);
    }
}
