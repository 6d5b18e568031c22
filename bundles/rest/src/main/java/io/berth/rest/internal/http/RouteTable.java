package io.berth.rest.internal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routes of every mounted router. Thread-safe: routers come and go (DS dynamic references) while requests
 * are matched; a lookup sees either the old or the new set.
 */
public final class RouteTable {

    private record Entry(Router router, Route route, PathPattern pattern) {
    }

    /** A route that matched, with the values of its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private volatile List<Entry> entries = List.of();
    private final List<Router> routers = new CopyOnWriteArrayList<>();

    /** Mounts a router's routes. */
    public synchronized void add(Router router) {
        routers.add(router);
        List<Entry> next = new ArrayList<>(entries);
        for (Route r : router.routes()) {
            next.add(new Entry(router, r, new PathPattern(r.pattern())));
        }
        next.sort(Comparator.comparingInt(e -> e.pattern().rank()));
        entries = List.copyOf(next);
    }

    /** Unmounts a router's routes; an unknown router is ignored. */
    public synchronized void remove(Router router) {
        routers.remove(router);
        entries = entries.stream().filter(e -> e.router() != router).toList();
    }

    /** The route serving {@code method} on {@code path}, or {@code null}. */
    public Match find(String method, String path) {
        for (Entry e : entries) {
            if (!e.route().method().equals(method)) {
                continue;
            }
            Map<String, String> params = e.pattern().match(path);
            if (params != null) {
                return new Match(e.route(), params);
            }
        }
        return null;
    }
}
