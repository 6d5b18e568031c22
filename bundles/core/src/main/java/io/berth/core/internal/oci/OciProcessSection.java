package io.berth.core.internal.oci;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.container.ContainerSpec;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.store.Json;

/**
 * The {@code process} object of the OCI spec: argv, Docker's environment, working directory, the resolved
 * user, capabilities within the engine's bounding set (inheritable and ambient empty), RLIMIT_NOFILE within
 * the engine's hard limit and {@code noNewPrivileges}.
 */
final class OciProcessSection {

    private OciProcessSection() {
    }

    static ObjectNode build(BundleInputs in, HostEnvironment host) {
        ContainerSpec spec = in.record().spec();
        ObjectNode process = Json.mapper().createObjectNode();
        process.put("terminal", spec.tty());
        process.set("user", user(in.user()));
        OciSpecWriter.strings(process.putArray("args"), in.record().command());
        OciSpecWriter.strings(process.putArray("env"), environment(spec, spec.tty(), in.user()));
        process.put("cwd", spec.workingDir() == null || spec.workingDir().isEmpty() ? "/" : spec.workingDir());
        List<String> caps = Capabilities.resolve(spec.security(), host.capabilityMask());
        ObjectNode capabilities = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            OciSpecWriter.strings(capabilities.putArray(set), caps);
        }
        capabilities.putArray("inheritable");
        capabilities.putArray("ambient");
        long nofile = Math.min(OciDefaults.NOFILE_LIMIT, host.nofileHardLimit());
        process.putArray("rlimits").addObject().put("type", "RLIMIT_NOFILE").put("hard", nofile).put("soft", nofile);
        process.put("noNewPrivileges", spec.security().noNewPrivileges());
        return process;
    }

    /**
     * Docker's process environment: {@code PATH} (Docker's default), {@code HOSTNAME}, {@code TERM=xterm} with
     * a terminal, then the container's own variables (replacing those of the same name), then {@code HOME}
     * from the user's passwd entry when still unset.
     */
    static List<String> environment(ContainerSpec spec, boolean tty, ProcessUser user) {
        List<String> base = new ArrayList<>();
        base.add(EnvVars.DEFAULT_PATH);
        base.add("HOSTNAME=" + spec.hostname());
        if (tty) {
            base.add("TERM=xterm");
        }
        List<String> env = EnvVars.merge(base, spec.env());
        if (env.stream().noneMatch(entry -> EnvVars.keyOf(entry).equals("HOME"))) {
            env.add("HOME=" + user.home());
        }
        return env;
    }

    private static ObjectNode user(ProcessUser user) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("uid", user.uid());
        node.put("gid", user.gid());
        if (!user.additionalGids().isEmpty()) {
            ArrayNode gids = node.putArray("additionalGids");
            user.additionalGids().forEach(gids::add);
        }
        return node;
    }
}
