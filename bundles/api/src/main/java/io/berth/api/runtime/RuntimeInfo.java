package io.berth.api.runtime;

/**
 * How a runtime describes itself.
 *
 * @param name     its name, equal to the {@value RuntimeNames#PROPERTY} service property
 * @param version  version of the runtime (binary) it drives, empty if unknown
 * @param binary   the binary it runs, empty for runtimes without one
 * @param ready    whether it can run containers now
 * @param reason   why it is not ready; empty when ready
 * @param features what it supports
 */
public record RuntimeInfo(String name, String version, String binary, boolean ready, String reason,
        RuntimeFeatures features) {

    public RuntimeInfo {
        version = version == null ? "" : version;
        binary = binary == null ? "" : binary;
        reason = reason == null ? "" : reason;
        features = features == null ? RuntimeFeatures.UNKNOWN : features;
    }
}
