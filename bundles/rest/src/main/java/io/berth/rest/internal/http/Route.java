package io.berth.rest.internal.http;

/**
 * One endpoint: method, path pattern and handler. Patterns are paths without the version prefix; a segment
 * {@code {name}} matches one path segment, {@code {name*}} one or more (image names contain slashes).
 *
 * @param method  HTTP method in upper case
 * @param pattern path pattern such as {@code /containers/{id}/json}
 * @param handler what serves it
 */
public record Route(String method, String pattern, RouteHandler handler) {

    public static Route get(String pattern, RouteHandler handler) {
        return new Route("GET", pattern, handler);
    }

    public static Route head(String pattern, RouteHandler handler) {
        return new Route("HEAD", pattern, handler);
    }

    public static Route post(String pattern, RouteHandler handler) {
        return new Route("POST", pattern, handler);
    }

    public static Route delete(String pattern, RouteHandler handler) {
        return new Route("DELETE", pattern, handler);
    }
}
