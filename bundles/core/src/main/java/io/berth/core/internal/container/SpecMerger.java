package io.berth.core.internal.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.api.container.ContainerSpec;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageConfig;
import io.berth.core.internal.oci.EnvVars;

/**
 * Fills a container spec with the image's defaults, by Docker's rules. Stateless.
 * <ul>
 * <li>env: the image's, then the spec's (same key replaces), Docker's {@code PATH} when none is set;</li>
 * <li>entrypoint: the spec's if given (an empty list clears the image's); cmd: the spec's if given, else the
 * image's — unless the spec gave an entrypoint, which drops the image's cmd;</li>
 * <li>workingDir, user, stopSignal ({@code SIGTERM}): the spec's, else the image's; labels: merged;</li>
 * <li>networkMode: {@code none} when unset or {@code default} ({@link NetworkModes});</li>
 * <li>hostname: when empty, the host's for {@code host} networking, else the first 12 characters of the id.</li>
 * </ul>
 */
final class SpecMerger {

    private SpecMerger() {
    }

    /**
     * The effective spec.
     *
     * @param hostHostname the host's hostname, the default for host networking
     * @throws InvalidArgumentException "no command specified" for an empty command, or an unsupported network
     *                                  mode
     */
    static ContainerSpec merge(ContainerSpec spec, ImageConfig image, String id, String runtime,
            String hostHostname) {
        String networkMode = NetworkModes.normalize(spec.networkMode());
        String defaultHostname = NetworkModes.HOST.equals(networkMode) ? hostHostname : id.substring(0, 12);
        List<String> entrypoint = spec.entrypoint() != null ? spec.entrypoint() : image.entrypoint();
        List<String> cmd = spec.cmd() != null ? spec.cmd() : spec.entrypoint() != null ? List.of() : image.cmd();
        if (entrypoint.isEmpty() && cmd.isEmpty()) {
            throw new InvalidArgumentException("no command specified");
        }
        return spec.toBuilder()
                .entrypoint(entrypoint)
                .cmd(cmd)
                .env(EnvVars.withDefaultPath(EnvVars.merge(image.env(), spec.env())))
                .workingDir(spec.workingDir() != null ? spec.workingDir() : image.workingDir())
                .user(spec.user() != null ? spec.user() : image.user())
                .stopSignal(firstNonEmpty(spec.stopSignal(), image.stopSignal(), "SIGTERM"))
                .labels(merged(image.labels(), spec.labels()))
                .hostname(spec.hostname().isEmpty() ? defaultHostname : spec.hostname())
                .networkMode(networkMode)
                .runtime(runtime)
                .build();
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> result = new LinkedHashMap<>(base);
        result.putAll(overrides);
        return result;
    }

    private static String firstNonEmpty(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return "";
    }
}
