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
 * @param limits    the resource limits of {@code config.json}; {@code null} in state files written before the
 *                  mock reported statistics (see {@link #withLimitsFromBundle()})
 */
record ContainerSetup(String id, Path bundle, Path logPath, Path exitDir, ProcessSpec process, boolean openStdin,
        int pid, Instant createdAt, ResourceLimits limits) {

    /** This setup with the limits read from the bundle again if the state file had none. */
    ContainerSetup withLimitsFromBundle() {
        if (limits != null) {
            return this;
        }
        return new ContainerSetup(id, bundle, logPath, exitDir, process, openStdin, pid, createdAt,
                bundle == null ? ResourceLimits.NONE : BundleConfig.limitsOrNone(bundle));
    }
}
