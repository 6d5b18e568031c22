package io.berth.rest.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import io.berth.rest.internal.wire.Json;

/**
 * One request and its response, as a handler sees them. Blocking: reading the body and writing the response
 * block the calling server thread. A response is sent once: {@link #json}, {@link #empty}, {@link #stream}
 * or {@link #hijack}. Not thread-safe, except the stream returned by {@link #stream}, which one other thread
 * may write to while the handler waits.
 */
public final class ApiExchange {

    /** Exactly what the docker CLI expects for JSON (no charset parameter). */
    public static final String JSON = "application/json";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ApiVersion version;
    private final Map<String, String> params;
    private final long maxJsonBody;
    private Query query;
    private boolean sent;
    private boolean detached;

    ApiExchange(Request request, Response response, Callback callback, ApiVersion version,
            Map<String, String> params, long maxJsonBody) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.version = version;
        this.params = params;
        this.maxJsonBody = maxJsonBody;
    }

    /** The API version the client asked for. */
    public ApiVersion version() {
        return version;
    }

    /** A path parameter of the route ({@code id} of {@code /containers/{id}/json}). */
    public String param(String name) {
        return params.get(name);
    }

    /** The query parameters. */
    public Query query() {
        if (query == null) {
            query = new Query(Request.extractQueryParameters(request));
        }
        return query;
    }

    /** A request header, or {@code null}. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Sets a response header; call before sending the response. */
    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /**
     * Best-effort check that the client is still connected, for streams that may stay silent for long
     * (events): a closed connection is noticed here or at the next write.
     */
    public boolean clientConnected() {
        return request.getConnectionMetaData().getConnection().getEndPoint().isOpen();
    }

    /** The server's executor, for work that finishes a response after the handler has returned. */
    public java.util.concurrent.Executor executor() {
        return request.getComponents().getExecutor();
    }

    /** True when the client asked to switch protocols ({@code Upgrade: tcp}), as attach and exec start do. */
    public boolean upgradeRequested() {
        return request.getHeaders().get(HttpHeader.UPGRADE) != null;
    }

    /**
     * The JSON body as {@code type}; {@code null} for an empty body. A body over the JSON limit is a 413,
     * malformed JSON or a wrong type a 400.
     */
    public <T> T body(Class<T> type) throws IOException {
        byte[] bytes = BodyReader.read(request, maxJsonBody);
        return bytes.length == 0 ? null : Json.read(bytes, type);
    }

    /** The raw body as a stream, without a size limit (image imports and loads). */
    public InputStream rawBody() {
        return Content.Source.asInputStream(request);
    }

    /** Sends a JSON body. */
    public void json(int status, Object body) {
        byte[] bytes = Json.write(body);
        begin(status, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        detached = true;
    }

    /** Sends a response without a body (204, 201, 304...). */
    public void empty(int status) {
        begin(status, null);
        response.write(true, null, callback);
        detached = true;
    }

    /** Sends a plain-text body (the {@code OK} of {@code GET /_ping}). */
    public void text(int status, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        begin(status, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        detached = true;
    }

    /**
     * Starts a streamed (chunked) response and sends its headers at once. Every write to the returned stream is
     * sent and flushed as one chunk; closing it ends the response. A write fails with an {@link IOException}
     * once the client has gone.
     */
    public OutputStream stream(int status, String contentType) throws IOException {
        begin(status, contentType);
        request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(0);
        OutputStream out = new ChunkedOutput(response, callback);
        out.flush();
        detached = true;
        return out;
    }

    /**
     * Hands the connection over to {@code session} after the protocol switch: {@code 101 UPGRADED} when the
     * client asked for an upgrade, else {@code 200} with a body that ends when the connection closes (what
     * dockerd does for clients without {@code Upgrade}). The session runs on its own; this returns at once.
     */
    public void hijack(String contentType, HijackSession session) {
        sent = true;
        detached = true;
        Hijack.start(request, response, callback, contentType, upgradeRequested(), session);
    }

    boolean sent() {
        return sent;
    }

    /** True once the handler has handed the callback to a response (nothing left for the server to do). */
    boolean detached() {
        return detached;
    }

    Response response() {
        return response;
    }

    Callback callback() {
        return callback;
    }

    private void begin(int status, String contentType) {
        if (sent) {
            throw new IllegalStateException("response already sent");
        }
        sent = true;
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
    }
}
