package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.error.BerthException;
import io.berth.api.runtime.RuntimeExecRequest;

/**
 * The OCI process spec of an exec session: the container's own {@code process} (capabilities, rlimits,
 * apparmor, no-new-privileges, umask...) with the session's args, env, cwd, user and terminal.
 */
final class ProcessSpecs {

    private ProcessSpecs() {
    }

    /** The container's OCI config, {@code bundle/config.json}. */
    static JsonNode containerConfig(Path bundle) {
        Path config = bundle.resolve("config.json");
        try {
            return Json.MAPPER.readTree(config.toFile());
        } catch (IOException e) {
            throw new BerthException("cannot read " + config + ": " + e.getMessage(), e);
        }
    }

    /** The {@code process} object of the container's OCI config. */
    static ObjectNode containerProcess(JsonNode config) {
        JsonNode process = config.path("process");
        if (!process.isObject()) {
            throw new BerthException("the container's OCI config has no process");
        }
        return (ObjectNode) process;
    }

    /**
     * {@code base} with the session's values; {@code base} itself is not changed. The request's environment
     * is complete and replaces the container's (an empty one keeps the container's); a blank cwd keeps the
     * container's. The container's supplementary groups are kept only when the session runs as the
     * container's own uid and gid: for another user they would grant that user the container user's groups.
     */
    static ObjectNode forExec(ObjectNode base, RuntimeExecRequest request) {
        ObjectNode process = base.deepCopy();
        process.set("args", strings(request.args()));
        if (!request.env().isEmpty()) {
            process.set("env", strings(request.env()));
        }
        if (request.cwd() != null && !request.cwd().isBlank()) {
            process.put("cwd", request.cwd());
        }
        process.set("user", user(process.path("user"), request.uid(), request.gid()));
        process.put("terminal", request.terminal());
        process.remove("consoleSize");
        return process;
    }

    private static ObjectNode user(JsonNode containerUser, int uid, int gid) {
        ObjectNode user = containerUser.isObject() ? ((ObjectNode) containerUser).deepCopy()
                : Json.MAPPER.createObjectNode();
        boolean sameUser = user.path("uid").asInt(-1) == uid && user.path("gid").asInt(-1) == gid;
        if (!sameUser) {
            user.remove("additionalGids");
            user.remove("username");
        }
        user.put("uid", uid);
        user.put("gid", gid);
        return user;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
