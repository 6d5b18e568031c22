package io.berth.runtime.oci.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.BerthException;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStatus;

/** Parses the JSON of {@code state} and {@code list --format json}, as runc and crun print it. */
final class StateParser {

    /**
     * One container's state document.
     *
     * @param state  the SPI view
     * @param bundle the bundle directory the container was created from
     */
    record ContainerDocument(RuntimeState state, Path bundle) {
    }

    private StateParser() {
    }

    static ContainerDocument parseState(String json) {
        JsonNode node = Json.parse(json, "runtime state");
        RuntimeStatus status = status(node.path("status").asText(""));
        int pid = status == RuntimeStatus.STOPPED ? 0 : node.path("pid").asInt(0);
        String bundle = node.path("bundle").asText("");
        return new ContainerDocument(new RuntimeState(node.path("id").asText(""), status, pid),
                bundle.isEmpty() ? null : Path.of(bundle));
    }

    /** The runtime's status word; transient ones map to the state they lead to. */
    static RuntimeStatus status(String word) {
        switch (word) {
            case "creating":
            case "created":
                return RuntimeStatus.CREATED;
            case "running":
                return RuntimeStatus.RUNNING;
            case "pausing":
            case "paused":
                return RuntimeStatus.PAUSED;
            case "stopped":
                return RuntimeStatus.STOPPED;
            default:
                throw new BerthException("unknown runtime status '" + word + "'");
        }
    }

    /** Ids from {@code list --format json}: runc prints {@code null} when empty, crun an empty array. */
    static List<String> parseList(String json) {
        if (json.isBlank()) {
            return List.of();
        }
        JsonNode node = Json.parse(json, "runtime list");
        List<String> ids = new ArrayList<>();
        for (JsonNode container : node) {
            ids.add(container.path("id").asText());
        }
        return ids;
    }

    /** States by id from {@code list --format json} (id, status and pid per container, as {@code state} has). */
    static Map<String, RuntimeState> parseStates(String json) {
        Map<String, RuntimeState> states = new LinkedHashMap<>();
        if (json.isBlank()) {
            return states;
        }
        for (JsonNode container : Json.parse(json, "runtime list")) {
            RuntimeStatus status = status(container.path("status").asText(""));
            int pid = status == RuntimeStatus.STOPPED ? 0 : container.path("pid").asInt(0);
            String id = container.path("id").asText("");
            states.put(id, new RuntimeState(id, status, pid));
        }
        return states;
    }

    /** Pids from {@code ps --format json}. */
    static List<Integer> parsePids(String json) {
        if (json.isBlank()) {
            return List.of();
        }
        List<Integer> pids = new ArrayList<>();
        for (JsonNode pid : Json.parse(json, "runtime process list")) {
            pids.add(pid.asInt());
        }
        return pids;
    }
}
