package io.berth.api.runtime;

import java.nio.file.Path;

/**
 * Everything a runtime needs to create a container. The engine has already written the OCI bundle
 * ({@code bundle/config.json}, with {@code root.path} pointing at the prepared root filesystem).
 *
 * @param id        the container id (64 hex characters)
 * @param bundle    the OCI bundle directory
 * @param logPath   where the container's output goes, in k8s-file format
 *                  ({@code <RFC3339Nano> stdout|stderr F|P text})
 * @param exitDir   directory in which the runtime writes a file named {@code id} holding the exit code
 *                  (decimal, no newline) when the container's process ends
 * @param terminal  the container has a pseudo terminal (all output is recorded as stdout)
 * @param openStdin the container's stdin is kept open for {@link OciRuntime#openStdin}
 */
public record RuntimeCreateRequest(String id, Path bundle, Path logPath, Path exitDir, boolean terminal,
        boolean openStdin) {
}
