package io.berth.rest.internal.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.rest.internal.wire.Json;

/**
 * The one Jetty handler of the API: strips and checks the version prefix, finds the route in the
 * {@link RouteTable} (waiting a bounded time for one whose router is being updated; a path no route answers is a
 * 404, see {@link UnroutedPaths}), runs its handler on the server thread (handlers may block), and answers
 * failures through {@link ErrorMapper} as {@code {"message": ...}} with {@code Content-Type: application/json}.
 * Every response carries Docker's {@code Api-Version}, {@code Ostype}, {@code Docker-Experimental} and
 * {@code Server} headers.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final RouteTable routes;
    private final long maxJsonBody;
    private final String serverHeader;
    private final Duration routeWait;

    /**
     * @param maxJsonBody largest JSON request body accepted, in bytes (larger ones get 413)
     * @param version     Berth's version for the {@code Server} header
     * @param routeWait   how long a request waits for a route whose router is away (an update), then 503
     */
    public ApiHandler(RouteTable routes, long maxJsonBody, String version, Duration routeWait) {
        this.routes = routes;
        this.maxJsonBody = maxJsonBody;
        this.serverHeader = "Berth/" + version + " (linux)";
        this.routeWait = routeWait;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        addCommonHeaders(response);
        String what = request.getMethod() + " " + request.getHttpURI().getPathQuery();
        ApiExchange exchange = null;
        try {
            ApiVersion.Versioned v = ApiVersion.split(request.getHttpURI().getDecodedPath());
            RouteTable.Match match = routes.await(request.getMethod(), v.path(), routeWait);
            if (match == null) {
                throw new HttpError(404, UnroutedPaths.message(request.getMethod(), v.path()));
            }
            exchange = new ApiExchange(request, response, callback, v.version(), match.params(), maxJsonBody);
            match.route().handler().handle(exchange);
            if (!exchange.sent()) {
                exchange.empty(200);
            }
        } catch (Throwable t) {
            fail(exchange, response, callback, t, what);
        }
        return true;
    }

    private void fail(ApiExchange exchange, Response response, Callback callback, Throwable t, String what) {
        if (exchange != null && exchange.sent()) {
            LOG.debug("{} failed after the response started: {}", what, t.toString());
            if (!exchange.detached()) {
                callback.failed(t);
            }
            return;
        }
        sendError(response, callback, ErrorMapper.map(t, what));
    }

    /** Writes an error response; 304 has no body. */
    static void sendError(Response response, Callback callback, ErrorMapper.ApiError error) {
        response.setStatus(error.status());
        if (error.status() == 304) {
            response.write(true, null, callback);
            return;
        }
        byte[] body = Json.write(Map.of("message", error.message()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiExchange.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private void addCommonHeaders(Response response) {
        response.getHeaders().put("Api-Version", ApiVersion.MAX.toString());
        response.getHeaders().put("Ostype", "linux");
        response.getHeaders().put("Docker-Experimental", "false");
        response.getHeaders().put(HttpHeader.SERVER, serverHeader);
    }
}
