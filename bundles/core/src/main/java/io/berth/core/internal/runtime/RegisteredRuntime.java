package io.berth.core.internal.runtime;

import io.berth.api.runtime.OciRuntime;

/**
 * A runtime service the registry holds.
 *
 * @param name    its {@code berth.runtime.name}
 * @param runtime the service object
 * @param bundle  "symbolicName version" of the providing bundle, empty when unknown
 */
public record RegisteredRuntime(String name, OciRuntime runtime, String bundle) {

    public RegisteredRuntime {
        bundle = bundle == null ? "" : bundle;
    }
}
