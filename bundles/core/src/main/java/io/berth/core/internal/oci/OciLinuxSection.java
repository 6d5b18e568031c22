package io.berth.core.internal.oci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.Resources;
import io.berth.core.internal.store.Json;

/**
 * The {@code linux} object of the OCI spec: namespaces (no network namespace in {@code host} mode; the UTS
 * namespace stays private), masked and read-only paths (none for privileged containers), the device cgroup
 * rules, resource limits and the cgroup path {@code <cgroupParent>/<id>}.
 */
final class OciLinuxSection {

    static final long DEFAULT_CPU_PERIOD = 100_000;

    private OciLinuxSection() {
    }

    static ObjectNode build(String id, ContainerSpec spec, String cgroupParent) {
        ObjectNode linux = Json.mapper().createObjectNode();
        ArrayNode namespaces = linux.putArray("namespaces");
        for (String type : new String[] {"pid", "ipc", "uts", "mount"}) {
            namespaces.addObject().put("type", type);
        }
        if (!"host".equals(spec.networkMode())) {
            namespaces.addObject().put("type", "network");
        }
        if (!spec.security().privileged()) {
            OciSpecWriter.strings(linux.putArray("maskedPaths"), OciDefaults.MASKED_PATHS);
            OciSpecWriter.strings(linux.putArray("readonlyPaths"), OciDefaults.READONLY_PATHS);
        }
        linux.set("resources", resources(spec));
        linux.put("cgroupsPath", cgroupParent + "/" + id);
        return linux;
    }

    private static ObjectNode resources(ContainerSpec spec) {
        ObjectNode resources = Json.mapper().createObjectNode();
        resources.set("devices", devices(spec.security().privileged()));
        Resources limits = spec.resources();
        if (limits.memoryBytes() > 0) {
            resources.putObject("memory").put("limit", limits.memoryBytes());
        }
        ObjectNode cpu = cpu(limits);
        if (!cpu.isEmpty()) {
            resources.set("cpu", cpu);
        }
        if (limits.pidsLimit() > 0) {
            resources.putObject("pids").put("limit", limits.pidsLimit());
        }
        return resources;
    }

    /** Shares; quota and period, {@code nanoCpus} becoming a quota per 100 ms period as in Docker. */
    private static ObjectNode cpu(Resources limits) {
        ObjectNode cpu = Json.mapper().createObjectNode();
        if (limits.cpuShares() > 0) {
            cpu.put("shares", limits.cpuShares());
        }
        if (limits.nanoCpus() > 0) {
            cpu.put("quota", limits.nanoCpus() * DEFAULT_CPU_PERIOD / 1_000_000_000L);
            cpu.put("period", DEFAULT_CPU_PERIOD);
            return cpu;
        }
        if (limits.cpuQuota() > 0) {
            cpu.put("quota", limits.cpuQuota());
        }
        if (limits.cpuPeriod() > 0) {
            cpu.put("period", limits.cpuPeriod());
        }
        return cpu;
    }

    private static ArrayNode devices(boolean privileged) {
        ArrayNode devices = Json.mapper().createArrayNode();
        if (privileged) {
            devices.addObject().put("allow", true).put("access", "rwm");
            return devices;
        }
        devices.addObject().put("allow", false).put("access", "rwm");
        for (OciDefaults.DeviceRule rule : OciDefaults.ALLOWED_DEVICES) {
            ObjectNode node = devices.addObject().put("allow", true).put("type", rule.type());
            if (rule.major() >= 0) {
                node.put("major", rule.major());
            }
            if (rule.minor() >= 0) {
                node.put("minor", rule.minor());
            }
            node.put("access", rule.access());
        }
        return devices;
    }
}
