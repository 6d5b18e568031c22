package io.berth.api.container;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the engine knows about one container: the answer to inspect and the rows of list.
 *
 * @param id           64 hex characters
 * @param name         name without the leading {@code /}
 * @param created      creation time
 * @param image        the image reference as the user gave it
 * @param imageId      the resolved image id ({@code sha256:...})
 * @param path         the executable (first element of entrypoint + cmd)
 * @param args         the remaining arguments
 * @param config       the effective spec: the user's spec with the image's defaults filled in
 * @param state        the observed state
 * @param runtime      name of the runtime that runs it
 * @param restartCount how often the restart policy restarted it
 * @param logPath      the k8s-file log the monitor writes
 */
public record ContainerInfo(String id, String name, Instant created, String image, String imageId, String path,
        List<String> args, ContainerSpec config, ContainerState state, String runtime, int restartCount,
        Path logPath) {

    public ContainerInfo {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
