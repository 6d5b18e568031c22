package io.berth.api.container;

import java.util.List;
import java.util.Map;

/**
 * Everything a container is created from. Lists and maps are never {@code null} after construction.
 * {@code cmd}, {@code entrypoint}, {@code workingDir}, {@code user} and {@code stopSignal} are {@code null}
 * when the image's value applies; an empty {@code entrypoint} list clears the image's entrypoint.
 *
 * @param image       image reference or id
 * @param cmd         command (arguments after the entrypoint)
 * @param entrypoint  entrypoint
 * @param env         environment as {@code KEY=value}, added to the image's
 * @param workingDir  working directory inside the container
 * @param user        {@code user[:group]} by name or number
 * @param hostname    host name; empty for the default (the first 12 characters of the id)
 * @param labels      labels, added to the image's
 * @param tty         allocate a pseudo terminal
 * @param openStdin   keep standard input open
 * @param runtime     runtime name; {@code null} for the engine's default
 * @param networkMode network mode ({@code none}, {@code host}, ...); {@code null} for the default
 * @param mounts      mounts
 * @param resources   resource limits
 * @param restartPolicy restart policy
 * @param autoRemove  remove the container when it exits
 * @param stopSignal  signal {@code stop} sends first
 * @param stopTimeout seconds {@code stop} waits before SIGKILL; {@code null} for the default (10)
 * @param security    read-only root filesystem, privileges, capabilities (since 1.1)
 * @param publishedPorts ports to publish, in the docker CLI's {@code -p} syntax
 *                    ({@code [hostIp:][hostPort:]containerPort[/proto]}) (since 1.1)
 */
public record ContainerSpec(String image, List<String> cmd, List<String> entrypoint, List<String> env,
        String workingDir, String user, String hostname, Map<String, String> labels, boolean tty,
        boolean openStdin, String runtime, String networkMode, List<Mount> mounts, Resources resources,
        RestartPolicy restartPolicy, boolean autoRemove, String stopSignal, Integer stopTimeout,
        SecurityOptions security, List<String> publishedPorts) {

    public ContainerSpec {
        cmd = cmd == null ? null : List.copyOf(cmd);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = env == null ? List.of() : List.copyOf(env);
        hostname = hostname == null ? "" : hostname;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        resources = resources == null ? Resources.NONE : resources;
        restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
        security = security == null ? SecurityOptions.DEFAULT : security;
        publishedPorts = publishedPorts == null ? List.of() : List.copyOf(publishedPorts);
    }

    /** A builder starting from the given image with every other field at its default. */
    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder(image);
        b.cmd = cmd;
        b.entrypoint = entrypoint;
        b.env = env;
        b.workingDir = workingDir;
        b.user = user;
        b.hostname = hostname;
        b.labels = labels;
        b.tty = tty;
        b.openStdin = openStdin;
        b.runtime = runtime;
        b.networkMode = networkMode;
        b.mounts = mounts;
        b.resources = resources;
        b.restartPolicy = restartPolicy;
        b.autoRemove = autoRemove;
        b.stopSignal = stopSignal;
        b.stopTimeout = stopTimeout;
        b.security = security;
        b.publishedPorts = publishedPorts;
        return b;
    }

    /** Fluent construction of a {@link ContainerSpec}. */
    public static final class Builder {
        private String image;
        private List<String> cmd;
        private List<String> entrypoint;
        private List<String> env;
        private String workingDir;
        private String user;
        private String hostname;
        private Map<String, String> labels;
        private boolean tty;
        private boolean openStdin;
        private String runtime;
        private String networkMode;
        private List<Mount> mounts;
        private Resources resources;
        private RestartPolicy restartPolicy;
        private boolean autoRemove;
        private String stopSignal;
        private Integer stopTimeout;
        private SecurityOptions security;
        private List<String> publishedPorts;

        private Builder(String image) {
            this.image = image;
        }

        public Builder image(String v) { image = v; return this; }
        public Builder cmd(List<String> v) { cmd = v; return this; }
        public Builder cmd(String... v) { cmd = List.of(v); return this; }
        public Builder entrypoint(List<String> v) { entrypoint = v; return this; }
        public Builder env(List<String> v) { env = v; return this; }
        public Builder workingDir(String v) { workingDir = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder hostname(String v) { hostname = v; return this; }
        public Builder labels(Map<String, String> v) { labels = v; return this; }
        public Builder tty(boolean v) { tty = v; return this; }
        public Builder openStdin(boolean v) { openStdin = v; return this; }
        public Builder runtime(String v) { runtime = v; return this; }
        public Builder networkMode(String v) { networkMode = v; return this; }
        public Builder mounts(List<Mount> v) { mounts = v; return this; }
        public Builder resources(Resources v) { resources = v; return this; }
        public Builder restartPolicy(RestartPolicy v) { restartPolicy = v; return this; }
        public Builder autoRemove(boolean v) { autoRemove = v; return this; }
        public Builder stopSignal(String v) { stopSignal = v; return this; }
        public Builder stopTimeout(Integer v) { stopTimeout = v; return this; }
        public Builder security(SecurityOptions v) { security = v; return this; }
        public Builder publishedPorts(List<String> v) { publishedPorts = v; return this; }

        public ContainerSpec build() {
            return new ContainerSpec(image, cmd, entrypoint, env, workingDir, user, hostname, labels, tty,
                    openStdin, runtime, networkMode, mounts, resources, restartPolicy, autoRemove, stopSignal,
                    stopTimeout, security, publishedPorts);
        }
    }
}
