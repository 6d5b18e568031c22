package io.berth.rest.internal.http;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * What runs on a hijacked connection (attach, exec start). Runs on its own thread; the connection is closed
 * when {@link #run} returns.
 */
@FunctionalInterface
public interface HijackSession {

    /**
     * Serves the raw stream.
     *
     * @param fromClient bytes the client sends (stdin); end of stream means the client half-closed its side,
     *                   not that it went away: keep writing
     * @param toClient   output to the client; a write fails with an {@code IOException} once the client is gone
     */
    void run(InputStream fromClient, OutputStream toClient) throws Exception;
}
