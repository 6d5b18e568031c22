package io.berth.api.system;

import io.berth.api.runtime.RuntimeInfo;

/**
 * A runtime as the engine sees it.
 *
 * @param info       what the runtime says of itself; for a runtime that containers name but that is not
 *                   present, a not-ready stand-in with the reason
 * @param bundle     symbolic name and version of the bundle that provides it, empty when absent
 * @param present    whether a runtime service with this name is registered
 * @param containers how many containers it owns
 */
public record RuntimeSummary(RuntimeInfo info, String bundle, boolean present, int containers) {

    public RuntimeSummary {
        bundle = bundle == null ? "" : bundle;
    }
}
