package io.berth.core.internal.container;

import io.berth.api.container.RestartPolicy;
import io.berth.core.internal.store.ContainerRecord;

/** Docker's restart policy decision after an exit. Stateless. */
final class RestartPolicies {

    private RestartPolicies() {
    }

    /**
     * Whether the container that just exited (its record holds the exit) restarts: never after a user's
     * stop or kill; {@code always} and {@code unless-stopped} always; {@code on-failure} for a non-zero exit
     * code while the retries last (0 = unlimited).
     */
    static boolean shouldRestart(ContainerRecord exited) {
        if (exited.manuallyStopped()) {
            return false;
        }
        RestartPolicy policy = exited.spec().restartPolicy();
        switch (policy.mode()) {
            case ALWAYS:
            case UNLESS_STOPPED:
                return true;
            case ON_FAILURE:
                return exited.state().exitCode() != 0
                        && (policy.maxRetries() == 0 || exited.restartCount() < policy.maxRetries());
            default:
                return false;
        }
    }
}
