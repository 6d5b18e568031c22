package io.berth.core.internal.oci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.Resources;
import io.berth.core.internal.store.Json;

/** The {@code linux} object of the OCI spec: namespaces, masked/read-only paths, resource limits. */
final class OciLinuxSection {

    private static final long DEFAULT_CPU_PERIOD = 100_000;

    private OciLinuxSection() {
    }

    static ObjectNode build(ContainerSpec spec) {
        ObjectNode linux = Json.mapper().createObjectNode();
        ArrayNode namespaces = linux.putArray("namespaces");
        for (String type : new String[] {"pid", "ipc", "uts", "mount"}) {
            namespaces.addObject().put("type", type);
        }
        if (!"host".equals(spec.networkMode())) {
            namespaces.addObject().put("type", "network");
        }
        OciSpecWriter.strings(linux.putArray("maskedPaths"), OciDefaults.MASKED_PATHS);
        OciSpecWriter.strings(linux.putArray("readonlyPaths"), OciDefaults.READONLY_PATHS);
        if (!Resources.NONE.equals(spec.resources())) {
            linux.set("resources", resources(spec.resources()));
        }
        return linux;
    }

    private static ObjectNode resources(Resources limits) {
        ObjectNode resources = Json.mapper().createObjectNode();
        if (limits.memoryBytes() > 0) {
            resources.putObject("memory").put("limit", limits.memoryBytes());
        }
        ObjectNode cpu = Json.mapper().createObjectNode();
        if (limits.cpuShares() > 0) {
            cpu.put("shares", limits.cpuShares());
        }
        long period = limits.cpuPeriod() > 0 ? limits.cpuPeriod() : DEFAULT_CPU_PERIOD;
        long quota = limits.nanoCpus() > 0 ? limits.nanoCpus() * period / 1_000_000_000L : limits.cpuQuota();
        if (quota > 0) {
            cpu.put("quota", quota);
            cpu.put("period", period);
        } else if (limits.cpuPeriod() > 0) {
            cpu.put("period", limits.cpuPeriod());
        }
        if (!cpu.isEmpty()) {
            resources.set("cpu", cpu);
        }
        if (limits.pidsLimit() > 0) {
            resources.putObject("pids").put("limit", limits.pidsLimit());
        }
        return resources;
    }
}
