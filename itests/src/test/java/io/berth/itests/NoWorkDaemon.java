package io.berth.itests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * A daemon that does no work, for the docker CLI's own floor of {@code docker run --rm IMAGE CMD}: it answers
 * the requests that command sends as the Docker Engine does (CLIENT-FLOWS) and runs nothing. {@code create}
 * answers an id at once; the attach is upgraded and ends when the container "starts"; {@code wait} sends its
 * headers at once and exit code 0 when it "starts"; {@code start} answers 204. Anything else is a 404. For
 * benchmarks; one run at a time per container id. Closing stops it.
 */
final class NoWorkDaemon implements AutoCloseable {

    private static final Pattern CONTAINER_CALL = Pattern.compile("/containers/([0-9a-f]{64})/(attach|wait|start)");

    private final Server server = new Server();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Started> runs = new ConcurrentHashMap<>();

    private NoWorkDaemon() {
    }

    /** Listens on {@code socket} (replacing a stale file there). */
    static NoWorkDaemon listen(Path socket) throws Exception {
        NoWorkDaemon daemon = new NoWorkDaemon();
        Files.deleteIfExists(socket);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(daemon.server,
                new HttpConnectionFactory());
        connector.setUnixDomainPath(socket);
        daemon.server.addConnector(connector);
        daemon.server.setHandler(daemon.new Answers());
        daemon.server.start();
        return daemon;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** What waits for a container's start: its attach connections and its wait responses. */
    private static final class Started {
        private final List<Runnable> onStart = new ArrayList<>();
        private boolean started;

        synchronized void then(Runnable action) {
            if (started) {
                action.run();
            } else {
                onStart.add(action);
            }
        }

        void start() {
            List<Runnable> actions;
            synchronized (this) {
                started = true;
                actions = List.copyOf(onStart);
                onStart.clear();
            }
            actions.forEach(Runnable::run);
        }
    }

    private final class Answers extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            Matcher call = CONTAINER_CALL.matcher(path);
            if (path.endsWith("/_ping")) {
                response.getHeaders().put("Api-Version", "1.44");
                response.getHeaders().put("OSType", "linux");
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                // a length, also for HEAD, so that the connection stays open for the next request
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 2);
                response.write(true, request.getMethod().equals("HEAD") ? BufferUtil.EMPTY_BUFFER : ascii("OK"),
                        callback);
            } else if (path.endsWith("/containers/create")) {
                String id = String.format("%064x", ids.incrementAndGet());
                runs.put(id, new Started());
                // the whole body is read first: a request answered before its body is in closes the connection
                Content.Source.consumeAll(request, Callback.from(
                        () -> json(response, 201, "{\"Id\":\"" + id + "\",\"Warnings\":[]}", callback),
                        callback::failed));
            } else if (call.find() && runs.containsKey(call.group(1))) {
                Started run = runs.get(call.group(1));
                switch (call.group(2)) {
                    case "attach" -> attach(request, response, callback, run);
                    case "wait" -> waitForStart(response, callback, run);
                    default -> {
                        response.setStatus(204);
                        callback.succeeded();
                        runs.remove(call.group(1)).start();
                    }
                }
            } else {
                json(response, 404, "{\"message\":\"not served by the no-work daemon: " + path + "\"}", callback);
            }
            return true;
        }

        private void attach(Request request, Response response, Callback callback, Started run) {
            response.setStatus(101);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/vnd.docker.raw-stream");
            response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
            response.getHeaders().put(HttpHeader.UPGRADE, "tcp");
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE,
                    new HeldOpen(endPoint, request.getComponents().getExecutor()));
            callback.succeeded();
            run.then(endPoint::close);
        }

        private void waitForStart(Response response, Callback callback, Started run) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(false, BufferUtil.EMPTY_BUFFER, Callback.from(
                    () -> run.then(() -> response.write(true, ascii("{\"StatusCode\":0}\n"), callback)),
                    callback::failed));
        }

        private void json(Response response, int status, String body, Callback callback) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            ByteBuffer bytes = ascii(body);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.remaining());
            response.write(true, bytes, callback);
        }
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** An upgraded attach: reads and drops what the client sends, until either side closes. */
    private static final class HeldOpen extends AbstractConnection implements Connection.UpgradeTo {

        HeldOpen(EndPoint endPoint, Executor executor) {
            super(endPoint, executor);
        }

        @Override
        public void onUpgradeTo(ByteBuffer buffer) {
            // bytes the client sent right after its request: nothing reads them
        }

        @Override
        public void onOpen() {
            super.onOpen();
            getEndPoint().setIdleTimeout(0);
            fillInterested();
        }

        @Override
        public void onFillable() {
            try {
                ByteBuffer drop = BufferUtil.allocate(4096);
                int n;
                while ((n = getEndPoint().fill(drop)) > 0) {
                    BufferUtil.clear(drop);
                }
                if (n < 0) {
                    getEndPoint().close();
                } else {
                    fillInterested();
                }
            } catch (IOException e) {
                getEndPoint().close();
            }
        }
    }
}
