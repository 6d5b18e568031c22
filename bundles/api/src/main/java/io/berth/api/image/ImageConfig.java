package io.berth.api.image;

import java.util.List;
import java.util.Map;

/**
 * The runtime defaults an image carries (the {@code config} object of the OCI image config).
 * Lists and maps are never {@code null}; absent strings are empty.
 */
public record ImageConfig(List<String> env, List<String> cmd, List<String> entrypoint, String workingDir,
        String user, Map<String, String> labels, String stopSignal, List<String> exposedPorts,
        List<String> volumes) {

    public ImageConfig {
        env = env == null ? List.of() : List.copyOf(env);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        stopSignal = stopSignal == null ? "" : stopSignal;
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** An image with no defaults at all. */
    public static final ImageConfig EMPTY = new ImageConfig(null, null, null, null, null, null, null, null, null);
}
