package io.berth.runtime.oci;

import org.osgi.annotation.versioning.ProviderType;

import io.berth.api.runtime.OciRuntime;

/**
 * The driver service of the {@code berth-runtime-oci} bundle: turns a profile into a runtime. Runtime
 * profile bundles reference it and delegate to what it returns (see {@link ForwardingOciRuntime}).
 * Thread-safe.
 */
@ProviderType
public interface OciCliDriver {

    /**
     * A runtime for {@code profile}: a runc-compatible CLI driven through conmon. Creates the state root
     * and, for profiles with a create wrapper, writes the wrapper script; a missing binary or conmon does
     * not fail, the runtime then reports itself not ready with the reason and every other operation throws
     * {@code UnavailableException} with it. The runtime holds no container state, so any number of
     * instances may drive the same state root.
     */
    OciRuntime runtime(OciCliProfile profile);
}
