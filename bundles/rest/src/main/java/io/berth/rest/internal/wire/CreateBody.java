package io.berth.rest.internal.wire;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /containers/create} (Docker's {@code Config} with {@code HostConfig}), as far as Berth
 * uses it. Property names match case-insensitively; unknown properties are ignored; a value of the wrong type is
 * a 400. Absent values are {@code null}.
 */
public record CreateBody(String hostname, String user, Boolean attachStdin, Boolean attachStdout,
        Boolean attachStderr, Boolean tty, Boolean openStdin, Boolean stdinOnce, List<String> env,
        List<String> cmd, String image, String workingDir, List<String> entrypoint, Map<String, String> labels,
        String stopSignal, Integer stopTimeout, Map<String, Object> exposedPorts, HostConfigBody hostConfig) {

    /** Docker's {@code HostConfig}. */
    public record HostConfigBody(List<String> binds, List<MountBody> mounts, String networkMode,
            Map<String, List<PortBindingBody>> portBindings, RestartPolicyBody restartPolicy, Boolean autoRemove,
            Long memory, Long cpuShares, Long cpuQuota, Long cpuPeriod, Long nanoCpus, Long pidsLimit,
            Boolean readonlyRootfs, Boolean privileged, List<String> capAdd, List<String> capDrop, String runtime,
            List<String> securityOpt) {
    }

    /** One entry of {@code HostConfig.Mounts}. */
    public record MountBody(String type, String source, String target, Boolean readOnly) {
    }

    /** One host binding of a port. */
    public record PortBindingBody(String hostIp, String hostPort) {
    }

    /** {@code HostConfig.RestartPolicy}. */
    public record RestartPolicyBody(String name, Integer maximumRetryCount) {
    }
}
