package io.berth.images.internal.registry;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.reference.ImageReference;

/**
 * Where a reference's registry is and how to talk to it. {@code docker.io} is served by
 * {@code registry-1.docker.io}. Every registry is tried over HTTPS first; a registry that is insecure (on the
 * loopback, or listed in the configuration, as Docker's {@code insecure-registries}) is then tried over plain
 * HTTP. Immutable.
 */
public final class RegistryHosts {

    static final String DOCKER_HUB_HOST = "registry-1.docker.io";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> insecure;

    /** @param insecure {@code host[:port]} entries allowed over plain HTTP besides the loopback */
    public RegistryHosts(List<String> insecure) {
        this.insecure = Set.copyOf(insecure.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList());
    }

    /** {@code host[:port]} to connect to for a reference's domain. */
    static String host(ImageReference reference) {
        String domain = reference.domain();
        return ImageReference.DEFAULT_DOMAIN.equals(domain) ? DOCKER_HUB_HOST : domain;
    }

    /** The base URIs to try, in order: {@code https://host} then, for an insecure registry, {@code http://host}. */
    List<URI> bases(String host) {
        URI secure = uri("https", host);
        return isInsecure(host) ? List.of(secure, uri("http", host)) : List.of(secure);
    }

    boolean isInsecure(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return insecure.contains(lower) || LOOPBACK.contains(hostPart(lower));
    }

    private static String hostPart(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static URI uri(String scheme, String host) {
        try {
            return URI.create(scheme + "://" + host);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid registry host " + host);
        }
    }
}
