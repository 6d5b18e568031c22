package io.berth.rest.internal.http;

/**
 * Serves one route. Runs on a server thread and may block (streams block until they end). Throws
 * {@link io.berth.api.error.BerthException}s and {@link HttpError}s; {@link ErrorMapper} turns them into
 * responses as long as nothing has been sent yet.
 */
@FunctionalInterface
public interface RouteHandler {

    void handle(ApiExchange exchange) throws Exception;
}
