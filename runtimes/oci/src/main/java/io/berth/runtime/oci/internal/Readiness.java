package io.berth.runtime.oci.internal;

import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.RuntimeFeatures;

/**
 * The outcome of probing a runtime's environment.
 *
 * @param toolchain what operations use; {@code null} when not ready
 * @param reason    why it is not ready; empty when ready
 * @param binary    the binary found (or configured), empty when none
 * @param version   the binary's version, empty when unknown
 * @param features  what the binary supports
 */
record Readiness(Toolchain toolchain, String reason, String binary, String version, RuntimeFeatures features) {

    static Readiness notReady(String reason, String binary) {
        return new Readiness(null, reason, binary, "", RuntimeFeatures.UNKNOWN);
    }

    boolean ready() {
        return toolchain != null;
    }

    /** The toolchain; {@link UnavailableException} with the reason when not ready. */
    Toolchain require() {
        if (toolchain == null) {
            throw new UnavailableException(reason);
        }
        return toolchain;
    }
}
