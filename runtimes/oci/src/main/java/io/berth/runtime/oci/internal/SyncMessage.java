package io.berth.runtime.oci.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line conmon wrote to its sync pipe: {@code {"data": PID}} once the runtime created the process,
 * {@code {"data": -1, "message": "..."}} when it failed, and for exec sessions a second line with the
 * exit code.
 *
 * @param data    the pid, the exit code, or -1 for a failure
 * @param message the runtime's error output when {@code data} is -1, empty otherwise
 */
record SyncMessage(int data, String message) {

    boolean failed() {
        return data < 0;
    }

    /** The complete lines of {@code content}; a trailing line without newline is still being written. */
    static List<SyncMessage> parseComplete(String content) {
        List<SyncMessage> messages = new ArrayList<>();
        int start = 0;
        for (int end = content.indexOf('\n'); end >= 0; end = content.indexOf('\n', start)) {
            String line = content.substring(start, end).strip();
            if (!line.isEmpty()) {
                messages.add(parse(line));
            }
            start = end + 1;
        }
        return messages;
    }

    static SyncMessage parse(String line) {
        JsonNode node = Json.parse(line, "conmon sync message");
        return new SyncMessage(node.path("data").asInt(-1), node.path("message").asText(""));
    }
}
