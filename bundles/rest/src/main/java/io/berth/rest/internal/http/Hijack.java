package io.berth.rest.internal.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Executor;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's connection hijack for attach and exec start. With {@code Upgrade: tcp}: {@code 101 UPGRADED}, then
 * the socket is a raw two-way pipe served by a {@link HijackConnection}. Without it: {@code 200} and a body
 * streamed until the session ends (no stdin).
 */
final class Hijack {

    private static final Logger LOG = LoggerFactory.getLogger(Hijack.class);

    private Hijack() {
    }

    static void start(Request request, Response response, Callback callback, String contentType, boolean upgrade,
            HijackSession session) {
        Executor executor = request.getComponents().getExecutor();
        if (upgrade) {
            response.setStatus(101);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
            response.getHeaders().put(HttpHeader.UPGRADE, "tcp");
            HijackConnection connection = new HijackConnection(
                    request.getConnectionMetaData().getConnection().getEndPoint(), executor, session);
            request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, connection);
            callback.succeeded();
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(0);
        ChunkedOutput out = new ChunkedOutput(response, callback);
        executor.execute(() -> runPlain(session, out));
    }

    private static void runPlain(HijackSession session, ChunkedOutput out) {
        try (out) {
            out.flush();
            session.run(InputStream.nullInputStream(), out);
        } catch (Exception e) {
            LOG.debug("stream session ended: {}", e.toString());
        }
    }

    /** Runs a session, logging instead of throwing: the connection is closed by the caller either way. */
    static void runQuietly(HijackSession session, InputStream in, OutputStream out) {
        try {
            session.run(in, out);
        } catch (Exception e) {
            LOG.debug("hijacked session ended: {}", e.toString());
        }
    }
}
