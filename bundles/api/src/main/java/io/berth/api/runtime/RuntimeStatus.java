package io.berth.api.runtime;

/** A container's status as the runtime reports it (the OCI runtime-spec states). */
public enum RuntimeStatus {
    /** Created: the process exists but has not run the user's program yet. */
    CREATED,
    /** Running the user's program. */
    RUNNING,
    /** Frozen. */
    PAUSED,
    /** The process has exited; the runtime still holds the container. */
    STOPPED
}
