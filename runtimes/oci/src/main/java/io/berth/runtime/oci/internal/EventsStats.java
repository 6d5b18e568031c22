package io.berth.runtime.oci.internal;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.runtime.RuntimeStats;

/**
 * Parses the line {@code runc events --stats} prints: {@code {"type":"stats","data":{"cpu":...}}}. A value
 * that is absent is 0; {@code pids.limit} is absent when unlimited.
 */
final class EventsStats {

    private EventsStats() {
    }

    /** @param hostMemory the host's memory in bytes, reported as the limit of a container without one */
    static RuntimeStats parse(String json, long hostMemory) {
        JsonNode data = Json.parse(json, "runtime stats").path("data");
        return new RuntimeStats(data.at("/cpu/usage/total").asLong(0), data.at("/memory/usage/usage").asLong(0),
                HostMemory.effectiveLimit(data.at("/memory/usage/limit").asLong(0), hostMemory),
                data.at("/pids/current").asLong(0), data.at("/pids/limit").asLong(0));
    }
}
