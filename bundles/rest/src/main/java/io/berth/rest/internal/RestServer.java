package io.berth.rest.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jetty 12 core server: a unix-domain connector (a stale socket file is deleted before the bind, a live one
 * — another daemon — is left alone and the start fails; mode and group set after the bind) and, when configured and allowed, a TCP connector (with mutual TLS when the TLS files are
 * given). Started by {@link #start}, stopped by {@link #stop}; not restartable.
 */
final class RestServer {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final long IDLE_TIMEOUT_MS = 300_000;

    private final ListenerSettings settings;
    private final Server server;
    private ServerConnector tcp;
    private boolean bound;

    RestServer(ListenerSettings settings, Handler handler) {
        this.settings = settings;
        QueuedThreadPool pool = new QueuedThreadPool(400, 4);
        pool.setName("berth-rest");
        this.server = new Server(pool);
        server.setHandler(handler);
        server.setStopTimeout(2000);
    }

    /**
     * Binds the unix socket and starts; then the TCP listener, whose failure (refused, unusable TLS files, port in
     * use) is logged and leaves the unix socket serving.
     */
    void start() throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        UnixDomainServerConnector unix = new UnixDomainServerConnector(server, new HttpConnectionFactory(http));
        Files.createDirectories(settings.socket().toAbsolutePath().getParent());
        if (isLive(settings.socket())) {
            throw new IOException("another process is listening on " + settings.socket());
        }
        Files.deleteIfExists(settings.socket());
        bound = true;
        unix.setUnixDomainPath(settings.socket());
        unix.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(unix);
        server.start();
        secureSocket();
        addTcp(http);
        LOG.info("Docker API listening on unix://{}{}", settings.socket(),
                tcp == null ? "" : " and tcp://" + settings.tcpHost() + ":" + tcp.getLocalPort());
    }

    private void addTcp(HttpConfiguration http) {
        if (!settings.tcpEnabled()) {
            return;
        }
        String refusal = settings.tcpRefusal();
        if (refusal != null) {
            LOG.error("Not listening on TCP: {}", refusal);
            return;
        }
        try {
            tcp = settings.tls() == null ? new ServerConnector(server, new HttpConnectionFactory(http))
                    : new ServerConnector(server, new SslConnectionFactory(TlsContexts.server(settings.tls()),
                            "http/1.1"), new HttpConnectionFactory(http));
        } catch (Exception e) {
            LOG.error("Not listening on TCP: the TLS files cannot be used: {}", e.getMessage());
            return;
        }
        tcp.setHost(settings.tcpHost());
        tcp.setPort(settings.tcpPort());
        tcp.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(tcp);
        try {
            tcp.start();
        } catch (Exception e) {
            LOG.error("Not listening on tcp://{}:{}: {}", settings.tcpHost(), settings.tcpPort(), e.toString());
            server.removeConnector(tcp);
            tcp = null;
        }
    }

    private void secureSocket() throws IOException {
        Path socket = settings.socket();
        PosixFileAttributeView view = Files.getFileAttributeView(socket, PosixFileAttributeView.class);
        view.setPermissions(settings.socketMode());
        if (!settings.socketGroup().isEmpty()) {
            GroupPrincipal group = socket.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(settings.socketGroup());
            view.setGroup(group);
        }
    }

    /** The bound TCP port, or -1 without a TCP listener. */
    int tcpPort() {
        return tcp == null ? -1 : tcp.getLocalPort();
    }

    /** True when something accepts connections on the socket (a stale file refuses them). */
    private static boolean isLive(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops serving and removes the socket file, if this server bound it. */
    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the API server failed: {}", e.toString());
        }
        if (!bound) {
            return;
        }
        try {
            Files.deleteIfExists(settings.socket());
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", settings.socket(), e.toString());
        }
    }
}
