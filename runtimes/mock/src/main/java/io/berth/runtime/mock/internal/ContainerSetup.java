package io.berth.runtime.mock.internal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a simulated container was created with; never changes afterwards.
 *
 * @param id        the container id
 * @param bundle    the OCI bundle directory
 * @param logPath   the k8s-file log
 * @param exitDir   where the exit file {@code <exitDir>/<id>} is written
 * @param process   the process from {@code config.json}, with the effective terminal flag
 * @param openStdin whether stdin stays open for {@code openStdin}
 * @param pid       the fake pid reported while the container exists; not a real process
 * @param createdAt when it was created
 */
record ContainerSetup(String id, Path bundle, Path logPath, Path exitDir, ProcessSpec process, boolean openStdin,
        int pid, Instant createdAt) {
}
