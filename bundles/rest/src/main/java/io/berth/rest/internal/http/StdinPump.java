package io.berth.rest.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a hijacked connection's input to a process's stdin on its own thread. The stdin is opened only once
 * the process can take it ({@code open} may block until then and returns {@code null} to give up); bytes the
 * client sent earlier wait in the connection's buffer. The client's half-close closes the process's stdin.
 */
public final class StdinPump {

    private static final Logger LOG = LoggerFactory.getLogger(StdinPump.class);

    private StdinPump() {
    }

    /** Starts the copy; returns the thread doing it. */
    public static Thread start(String name, InputStream fromClient, Supplier<OutputStream> open) {
        Thread t = new Thread(() -> copy(fromClient, open), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void copy(InputStream fromClient, Supplier<OutputStream> open) {
        try (OutputStream stdin = open.get()) {
            if (stdin == null) {
                return;
            }
            byte[] buf = new byte[8192];
            int n;
            while ((n = fromClient.read(buf)) >= 0) {
                stdin.write(buf, 0, n);
                stdin.flush();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("stdin copy ended: {}", e.toString());
        }
    }
}
