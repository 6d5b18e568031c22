package io.berth.rest.internal;

import java.nio.file.Path;
import java.util.List;

import io.berth.rest.internal.http.ApiHandler;
import io.berth.rest.internal.http.RouteTable;
import io.berth.rest.internal.http.Router;

/** Starts the real server on a temporary unix socket and a free loopback port, for tests. */
public final class TestServers {

    /** A running server; close it at the end of the test. */
    public record Running(RestServer server, Path socket, int port, RouteTable routes) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }

    private TestServers() {
    }

    public static Running start(Path dir, long maxJsonBody, List<Router> routers) throws Exception {
        Path socket = dir.resolve("api.sock");
        ListenerSettings settings = new ListenerSettings(socket, ListenerSettings.parseMode("0660"), "",
                "127.0.0.1", 0, null, maxJsonBody);
        RouteTable routes = new RouteTable();
        routers.forEach(routes::add);
        RestServer server = new RestServer(settings, new ApiHandler(routes, maxJsonBody, "test", java.time.Duration.ofSeconds(2)));
        server.start();
        return new Running(server, socket, server.tcpPort(), routes);
    }

    public static Running start(Path dir, Router... routers) throws Exception {
        return start(dir, 4L * 1024 * 1024, List.of(routers));
    }
}
