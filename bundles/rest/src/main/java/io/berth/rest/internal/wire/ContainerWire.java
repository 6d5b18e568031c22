package io.berth.rest.internal.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.Mount;

/** Docker's JSON for containers: the inspect document and the summary rows of {@code /containers/json}. */
public final class ContainerWire {

    private ContainerWire() {
    }

    /** {@code GET /containers/{id}/json}. */
    public static Map<String, Object> inspect(ContainerInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Created", Times.rfc3339(c.created()));
        m.put("Path", c.path());
        m.put("Args", c.args());
        m.put("State", state(c.state()));
        m.put("Image", c.imageId());
        m.put("ResolvConfPath", "");
        m.put("HostnamePath", "");
        m.put("HostsPath", "");
        m.put("LogPath", c.logPath() == null ? "" : c.logPath().toString());
        m.put("Name", "/" + c.name());
        m.put("RestartCount", c.restartCount());
        m.put("Driver", "overlay");
        m.put("Platform", "linux");
        m.put("ExecIDs", null);
        m.put("HostConfig", hostConfig(c));
        m.put("Mounts", mounts(c.config().mounts()));
        m.put("Config", config(c));
        m.put("NetworkSettings", networkSettings(c.config()));
        return m;
    }

    static Map<String, Object> state(ContainerState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Status", s.status().wireName());
        m.put("Running", s.running() && s.status() != ContainerStatus.RESTARTING);
        m.put("Paused", s.paused());
        m.put("Restarting", s.status() == ContainerStatus.RESTARTING);
        m.put("OOMKilled", s.oomKilled());
        m.put("Dead", s.status() == ContainerStatus.DEAD);
        m.put("Pid", s.pid());
        m.put("ExitCode", s.exitCode());
        m.put("Error", s.error());
        m.put("StartedAt", Times.rfc3339(s.startedAt()));
        m.put("FinishedAt", Times.rfc3339(s.finishedAt()));
        return m;
    }

    private static Map<String, Object> hostConfig(ContainerInfo c) {
        ContainerSpec s = c.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Binds", binds(s.mounts()));
        m.put("NetworkMode", networkMode(s));
        m.put("PortBindings", Map.of());
        m.put("RestartPolicy", Map.of("Name", s.restartPolicy().mode().wireName(),
                "MaximumRetryCount", s.restartPolicy().maxRetries()));
        m.put("AutoRemove", s.autoRemove());
        m.put("LogConfig", Map.of("Type", "k8s-file", "Config", Map.of()));
        m.put("Runtime", c.runtime());
        m.put("Memory", s.resources().memoryBytes());
        m.put("CpuShares", s.resources().cpuShares());
        m.put("CpuQuota", s.resources().cpuQuota());
        m.put("CpuPeriod", s.resources().cpuPeriod());
        m.put("NanoCpus", s.resources().nanoCpus());
        m.put("PidsLimit", s.resources().pidsLimit() == 0 ? null : s.resources().pidsLimit());
        m.put("ReadonlyRootfs", s.security().readOnlyRootfs());
        m.put("Privileged", s.security().privileged());
        m.put("CapAdd", s.security().capAdd());
        m.put("CapDrop", s.security().capDrop());
        m.put("SecurityOpt", s.security().noNewPrivileges() ? List.of("no-new-privileges") : null);
        m.put("ConsoleSize", List.of(0, 0));
        return m;
    }

    private static Map<String, Object> config(ContainerInfo c) {
        ContainerSpec s = c.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Hostname", s.hostname().isEmpty() ? c.id().substring(0, Math.min(12, c.id().length())) : s.hostname());
        m.put("Domainname", "");
        m.put("User", s.user() == null ? "" : s.user());
        m.put("AttachStdin", false);
        m.put("AttachStdout", false);
        m.put("AttachStderr", false);
        m.put("Tty", s.tty());
        m.put("OpenStdin", s.openStdin());
        m.put("StdinOnce", false);
        m.put("Env", s.env());
        m.put("Cmd", s.cmd());
        m.put("Image", c.image());
        m.put("Volumes", null);
        m.put("WorkingDir", s.workingDir() == null ? "" : s.workingDir());
        m.put("Entrypoint", s.entrypoint());
        m.put("OnBuild", null);
        m.put("Labels", s.labels());
        if (s.stopSignal() != null) {
            m.put("StopSignal", s.stopSignal());
        }
        if (s.stopTimeout() != null) {
            m.put("StopTimeout", s.stopTimeout());
        }
        return m;
    }

    private static Map<String, Object> networkSettings(ContainerSpec s) {
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("NetworkID", "");
        net.put("EndpointID", "");
        net.put("Gateway", "");
        net.put("IPAddress", "");
        net.put("IPPrefixLen", 0);
        net.put("MacAddress", "");
        net.put("Aliases", null);
        net.put("DNSNames", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SandboxID", "");
        m.put("Ports", Map.of());
        m.put("IPAddress", "");
        m.put("Gateway", "");
        m.put("MacAddress", "");
        m.put("Networks", Map.of(networkMode(s), net));
        return m;
    }

    private static String networkMode(ContainerSpec s) {
        return s.networkMode() == null ? "none" : s.networkMode();
    }

    private static List<String> binds(List<Mount> mounts) {
        List<String> out = new ArrayList<>();
        for (Mount mt : mounts) {
            if (mt.type() != Mount.Type.TMPFS) {
                out.add(mt.source() + ":" + mt.target() + (mt.readOnly() ? ":ro" : ""));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static List<Map<String, Object>> mounts(List<Mount> mounts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Mount mt : mounts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", mt.type().name().toLowerCase(java.util.Locale.ROOT));
            m.put("Source", mt.source() == null ? "" : mt.source());
            m.put("Destination", mt.target());
            m.put("Mode", mt.readOnly() ? "ro" : "");
            m.put("RW", !mt.readOnly());
            out.add(m);
        }
        return out;
    }

    /** One row of {@code GET /containers/json}. */
    public static Map<String, Object> summary(ContainerInfo c, boolean size, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Names", List.of("/" + c.name()));
        m.put("Image", c.image());
        m.put("ImageID", c.imageId());
        m.put("Command", command(c));
        m.put("Created", c.created().getEpochSecond());
        m.put("Ports", List.of());
        m.put("Labels", c.config().labels());
        m.put("State", c.state().status().wireName());
        m.put("Status", statusText(c.state(), now));
        if (size) {
            m.put("SizeRw", 0);
            m.put("SizeRootFs", 0);
        }
        m.put("HostConfig", Map.of("NetworkMode", networkMode(c.config())));
        m.put("NetworkSettings", Map.of("Networks", Map.of(networkMode(c.config()), Map.of())));
        m.put("Mounts", mounts(c.config().mounts()));
        return m;
    }

    private static String command(ContainerInfo c) {
        List<String> argv = new ArrayList<>();
        if (c.path() != null && !c.path().isEmpty()) {
            argv.add(c.path());
        }
        argv.addAll(c.args());
        List<String> quoted = new ArrayList<>();
        for (String a : argv) {
            quoted.add(a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return String.join(" ", quoted);
    }

    /** Docker's server-rendered {@code Status} text. */
    public static String statusText(ContainerState s, Instant now) {
        return switch (s.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanDuration.of(since(s.startedAt(), now));
            case PAUSED -> "Up " + HumanDuration.of(since(s.startedAt(), now)) + " (Paused)";
            case RESTARTING -> "Restarting (" + s.exitCode() + ") " + HumanDuration.of(since(s.finishedAt(), now))
                    + " ago";
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case EXITED -> "Exited (" + s.exitCode() + ") " + HumanDuration.of(since(s.finishedAt(), now)) + " ago";
        };
    }

    private static Duration since(Instant t, Instant now) {
        return t == null ? Duration.ZERO : Duration.between(t, now);
    }
}
