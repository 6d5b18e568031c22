package io.berth.rest.internal.http;

import java.util.List;

/**
 * One resource of the API (containers, images, system, exec...). Routers are DS components of this bundle
 * that register this bundle-private interface as a service; the server mounts their routes while they are
 * registered, so a router whose service dependency is missing simply has no routes.
 */
public interface Router {

    /** The routes, fixed for the life of the router. */
    List<Route> routes();
}
