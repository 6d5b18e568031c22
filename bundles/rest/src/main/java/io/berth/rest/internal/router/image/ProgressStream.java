package io.berth.rest.internal.router.image;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.berth.api.image.ProgressEvent;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.wire.Json;

/**
 * A progress stream of Docker's JSON messages, one per line, started (200, chunked) at the first message so that
 * a failure before it can still answer with an error status; a failure after it becomes Docker's
 * {@code {"errorDetail":{"message":...},"error":...}} line. Once the client is gone, messages are dropped.
 * Not thread-safe: progress calls arrive serialized.
 */
final class ProgressStream implements AutoCloseable {

    private final ApiExchange exchange;
    private OutputStream out;
    private boolean clientGone;

    ProgressStream(ApiExchange exchange) {
        this.exchange = exchange;
    }

    boolean started() {
        return out != null;
    }

    void progress(ProgressEvent event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("status", event.status());
        if (!event.id().isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            if (event.total() > 0 || event.current() > 0) {
                detail.put("current", event.current());
                detail.put("total", event.total());
            }
            message.put("progressDetail", detail);
            message.put("id", event.id());
        }
        write(message);
    }

    /** Ends the stream with Docker's error message (the stream must have started). */
    void error(String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("errorDetail", Map.of("message", text));
        message.put("error", text);
        write(message);
    }

    private void write(Object message) {
        if (clientGone) {
            return;
        }
        byte[] json = Json.write(message);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        try {
            if (out == null) {
                out = exchange.stream(200, ApiExchange.JSON);
            }
            out.write(line);
        } catch (IOException e) {
            clientGone = true;
            if (out == null) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
