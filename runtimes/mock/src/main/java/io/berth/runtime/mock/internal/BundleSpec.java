package io.berth.runtime.mock.internal;

/**
 * What the mock runtime reads from an OCI bundle's {@code config.json}.
 *
 * @param process the {@code process} object
 * @param limits  the limits of {@code linux.resources}
 */
record BundleSpec(ProcessSpec process, ResourceLimits limits) {
}
