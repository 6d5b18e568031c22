package io.berth.rest.internal.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.Mount;
import io.berth.api.container.Resources;
import io.berth.api.container.RestartPolicy;
import io.berth.api.container.SecurityOptions;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.runtime.RuntimeNames;

/** Turns Docker's create body into a {@link ContainerSpec}; invalid values are {@code InvalidArgumentException}s. */
public final class ContainerSpecs {

    private ContainerSpecs() {
    }

    public static ContainerSpec from(CreateBody b) {
        if (b == null || b.image() == null || b.image().isBlank()) {
            throw new InvalidArgumentException("Config.Image is required");
        }
        CreateBody.HostConfigBody h = b.hostConfig() == null ? emptyHostConfig() : b.hostConfig();
        return ContainerSpec.builder(b.image()).cmd(b.cmd()).entrypoint(b.entrypoint()).env(b.env())
                .workingDir(blankToNull(b.workingDir())).user(blankToNull(b.user())).hostname(b.hostname())
                .labels(b.labels()).tty(isTrue(b.tty())).openStdin(isTrue(b.openStdin()))
                .stopSignal(blankToNull(b.stopSignal())).stopTimeout(b.stopTimeout())
                .runtime(runtime(h.runtime())).networkMode(networkMode(h.networkMode()))
                .mounts(mounts(h)).resources(resources(h)).restartPolicy(restartPolicy(h.restartPolicy()))
                .autoRemove(isTrue(h.autoRemove())).security(security(h)).publishedPorts(ports(h.portBindings()))
                .build();
    }

    private static CreateBody.HostConfigBody emptyHostConfig() {
        return new CreateBody.HostConfigBody(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** A runtime is chosen by name only; a path or anything else is refused (R5). */
    static String runtime(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (!RuntimeNames.isValid(name)) {
            throw new InvalidArgumentException("unknown or invalid runtime name: " + name);
        }
        return name;
    }

    private static String networkMode(String mode) {
        return mode == null || mode.isBlank() || "default".equals(mode) ? null : mode;
    }

    static List<Mount> mounts(CreateBody.HostConfigBody h) {
        List<Mount> out = new ArrayList<>();
        if (h.binds() != null) {
            h.binds().forEach(bind -> out.add(bind(bind)));
        }
        if (h.mounts() != null) {
            h.mounts().forEach(m -> out.add(mount(m)));
        }
        return out;
    }

    /** {@code source:target[:options]}; an absolute source is a bind mount, a name a volume. */
    static Mount bind(String spec) {
        String[] parts = spec.split(":");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !parts[1].startsWith("/")) {
            throw new InvalidArgumentException("invalid volume specification: '" + spec + "'");
        }
        boolean ro = parts.length == 3 && List.of(parts[2].split(",")).contains("ro");
        Mount.Type type = parts[0].startsWith("/") ? Mount.Type.BIND : Mount.Type.VOLUME;
        return new Mount(type, parts[0], parts[1], ro);
    }

    private static Mount mount(CreateBody.MountBody m) {
        if (m.target() == null || !m.target().startsWith("/")) {
            throw new InvalidArgumentException("invalid mount config: Target must be an absolute path");
        }
        Mount.Type type = switch (m.type() == null ? "" : m.type()) {
            case "bind" -> Mount.Type.BIND;
            case "volume" -> Mount.Type.VOLUME;
            case "tmpfs" -> Mount.Type.TMPFS;
            default -> throw new InvalidArgumentException("invalid mount config: mount type unknown: '"
                    + m.type() + "'");
        };
        return new Mount(type, m.source(), m.target(), isTrue(m.readOnly()));
    }

    private static Resources resources(CreateBody.HostConfigBody h) {
        long pids = h.pidsLimit() == null || h.pidsLimit() < 0 ? 0 : h.pidsLimit();
        return new Resources(nonNegative("Memory", h.memory()), nonNegative("CpuShares", h.cpuShares()),
                nonNegative("CpuQuota", h.cpuQuota()), nonNegative("CpuPeriod", h.cpuPeriod()),
                nonNegative("NanoCpus", h.nanoCpus()), pids);
    }

    private static long nonNegative(String name, Long value) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw new InvalidArgumentException("invalid " + name + ": must not be negative");
        }
        return value;
    }

    static RestartPolicy restartPolicy(CreateBody.RestartPolicyBody p) {
        if (p == null || p.name() == null || p.name().isEmpty()) {
            return RestartPolicy.NO;
        }
        int retries = p.maximumRetryCount() == null ? 0 : p.maximumRetryCount();
        for (RestartPolicy.Mode mode : RestartPolicy.Mode.values()) {
            if (mode.wireName().equals(p.name())) {
                return new RestartPolicy(mode, retries);
            }
        }
        throw new InvalidArgumentException("invalid restart policy: unknown policy '" + p.name() + "'");
    }

    private static SecurityOptions security(CreateBody.HostConfigBody h) {
        boolean noNewPrivileges = h.securityOpt() != null && h.securityOpt().stream()
                .anyMatch(o -> o.equals("no-new-privileges") || o.equals("no-new-privileges:true")
                        || o.equals("no-new-privileges=true"));
        return new SecurityOptions(isTrue(h.readonlyRootfs()), isTrue(h.privileged()), noNewPrivileges,
                h.capAdd(), h.capDrop());
    }

    /** {@code {"80/tcp":[{"HostIp":"","HostPort":"8080"}]}} as the CLI's {@code -p} strings. */
    static List<String> ports(Map<String, List<CreateBody.PortBindingBody>> bindings) {
        List<String> out = new ArrayList<>();
        if (bindings == null) {
            return out;
        }
        bindings.forEach((port, hosts) -> {
            if (hosts == null || hosts.isEmpty()) {
                out.add(port);
                return;
            }
            for (CreateBody.PortBindingBody host : hosts) {
                String ip = host.hostIp() == null || host.hostIp().isEmpty() ? "" : host.hostIp() + ":";
                String hp = host.hostPort() == null ? "" : host.hostPort();
                out.add(ip.isEmpty() && hp.isEmpty() ? port : ip + hp + ":" + port);
            }
        });
        return out;
    }

    private static boolean isTrue(Boolean b) {
        return b != null && b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
