package io.berth.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.rest.internal.http.ApiHandler;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.RouteTable;
import io.berth.rest.internal.testing.RawHttp;

class RestServerTest {

    @TempDir
    Path dir;

    private RestServer server(ListenerSettings settings) {
        RouteTable routes = new RouteTable();
        routes.add(() -> List.of(Route.get("/x", ex -> ex.text(200, "x"))));
        return new RestServer(settings, new ApiHandler(routes, 1024, "test", java.time.Duration.ofSeconds(2)));
    }

    @Test
    void replacesAStaleSocketAndSetsItsMode() throws Exception {
        Path socket = dir.resolve("sub/api.sock");
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "stale");
        RestServer s = server(new ListenerSettings(socket, ListenerSettings.parseMode("0600"), "", "127.0.0.1", -1,
                null, 1024));
        s.start();
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(new RawHttp(socket).get("/x").text()).isEqualTo("x");
            assertThat(s.tcpPort()).isEqualTo(-1);
        } finally {
            s.stop();
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void leavesALiveSocketOfAnotherServerAlone() throws Exception {
        Path socket = dir.resolve("api.sock");
        ListenerSettings settings = new ListenerSettings(socket, ListenerSettings.parseMode("0660"), "", "127.0.0.1",
                -1, null, 1024);
        RestServer first = server(settings);
        first.start();
        try {
            RestServer second = server(settings);
            org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
                    .hasMessageContaining("another process is listening");
            second.stop();
            assertThat(new RawHttp(socket).get("/x").status()).isEqualTo(200);
        } finally {
            first.stop();
        }
    }

    @Test
    void refusesUnauthenticatedNetworkTcpButKeepsTheSocket() throws Exception {
        Path socket = dir.resolve("api.sock");
        RestServer s = server(new ListenerSettings(socket, ListenerSettings.parseMode("0660"), "", "0.0.0.0", 0,
                null, 1024));
        s.start();
        try {
            assertThat(s.tcpPort()).isEqualTo(-1);
            assertThat(new RawHttp(socket).get("/x").status()).isEqualTo(200);
        } finally {
            s.stop();
        }
    }

    @Test
    void aTcpPortInUseKeepsTheSocket() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path socket = dir.resolve("api.sock");
            RestServer s = server(new ListenerSettings(socket, ListenerSettings.parseMode("0660"), "", "127.0.0.1",
                    taken.getLocalPort(), null, 1024));
            s.start();
            try {
                assertThat(s.tcpPort()).isEqualTo(-1);
                assertThat(new RawHttp(socket).get("/x").status()).isEqualTo(200);
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void unusableTlsFilesKeepTheSocket() throws Exception {
        Path socket = dir.resolve("api.sock");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        RestServer s = server(new ListenerSettings(socket, ListenerSettings.parseMode("0660"), "", "0.0.0.0", 0,
                new ListenerSettings.TlsFiles(junk, junk, junk), 1024));
        s.start();
        try {
            assertThat(s.tcpPort()).isEqualTo(-1);
            assertThat(new RawHttp(socket).get("/x").status()).isEqualTo(200);
        } finally {
            s.stop();
        }
    }
}
