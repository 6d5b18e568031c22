package io.berth.core.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;

/**
 * What the engine persists for one container in {@code containers/<id>/container.json}. Immutable; changes
 * make a new record with the {@code with...} methods.
 *
 * @param id               64 hex characters
 * @param name             name without the leading {@code /}
 * @param created          creation time
 * @param image            image reference as the user gave it
 * @param imageId          resolved image id
 * @param runtime          name of the runtime that runs it
 * @param spec             the effective spec (image defaults merged in)
 * @param state            the last known state
 * @param restartCount     restarts done by the restart policy
 * @param manuallyStopped  the last exit was requested by a user (stop, kill): the restart policy stays quiet
 * @param anonymousVolumes volume names the engine generated for this container
 */
public record ContainerRecord(String id, String name, Instant created, String image, String imageId,
        String runtime, ContainerSpec spec, ContainerState state, int restartCount, boolean manuallyStopped,
        List<String> anonymousVolumes) {

    public ContainerRecord {
        anonymousVolumes = anonymousVolumes == null ? List.of() : List.copyOf(anonymousVolumes);
    }

    public ContainerRecord withState(ContainerState newState) {
        return new ContainerRecord(id, name, created, image, imageId, runtime, spec, newState, restartCount,
                manuallyStopped, anonymousVolumes);
    }

    public ContainerRecord withName(String newName) {
        return new ContainerRecord(id, newName, created, image, imageId, runtime, spec, state, restartCount,
                manuallyStopped, anonymousVolumes);
    }

    public ContainerRecord withRestartCount(int count) {
        return new ContainerRecord(id, name, created, image, imageId, runtime, spec, state, count,
                manuallyStopped, anonymousVolumes);
    }

    public ContainerRecord withManuallyStopped(boolean stopped) {
        return new ContainerRecord(id, name, created, image, imageId, runtime, spec, state, restartCount,
                stopped, anonymousVolumes);
    }

    /** Entrypoint followed by cmd: the argv of the container's process. */
    public List<String> command() {
        List<String> argv = new ArrayList<>();
        if (spec.entrypoint() != null) {
            argv.addAll(spec.entrypoint());
        }
        if (spec.cmd() != null) {
            argv.addAll(spec.cmd());
        }
        return argv;
    }
}
