package io.berth.rest.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The routes of every mounted router. Thread-safe: routers come and go (DS dynamic references) while requests
 * are matched; a lookup sees either the old or the new set. Routes stay known after their router goes (while a
 * bundle it needs is updated), so {@link #await} can hold a request for them until a router serves them again.
 */
public final class RouteTable {

    private record Entry(Router router, Route route, PathPattern pattern) {
    }

    /** A route that matched, with the values of its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private volatile List<Entry> entries = List.of();
    private final List<Router> routers = new CopyOnWriteArrayList<>();
    private final Map<String, PathPattern> known = new ConcurrentHashMap<>();

    /** Mounts a router's routes. */
    public synchronized void add(Router router) {
        routers.add(router);
        List<Entry> next = new ArrayList<>(entries);
        for (Route r : router.routes()) {
            PathPattern pattern = new PathPattern(r.pattern());
            next.add(new Entry(router, r, pattern));
            known.putIfAbsent(r.method() + " " + r.pattern(), pattern);
        }
        next.sort(Comparator.comparingInt(e -> e.pattern().rank()));
        entries = List.copyOf(next);
        notifyAll();
    }

    /** Unmounts a router's routes; an unknown router is ignored. */
    public synchronized void remove(Router router) {
        routers.remove(router);
        entries = entries.stream().filter(e -> e.router() != router).toList();
    }

    /**
     * The route serving {@code method} on {@code path}; when none does now but one did before (its router is
     * gone for an update), waits up to {@code wait} for it to come back.
     *
     * @return the route, or {@code null} for a path no router ever served
     * @throws HttpError 503 when the route did not come back in time
     */
    public Match await(String method, String path, Duration wait) throws InterruptedException {
        Match match = find(method, path);
        if (match != null || !isKnown(method, path)) {
            return match;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while ((match = find(method, path)) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new HttpError(503, "the Berth engine is being updated and did not come back within "
                            + wait.toSeconds() + " s: try again");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return match;
    }

    private boolean isKnown(String method, String path) {
        String prefix = method + " ";
        return known.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(prefix) && e.getValue().match(path) != null);
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
