package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.nativeio.SeqPacketSocket;

/**
 * A container's stdin through conmon's attach socket: every write becomes packets of raw bytes. conmon
 * also sends the container's output to every attached socket; a daemon thread reads and drops it, so conmon
 * never blocks on a full socket (the output is in the log). Closing shuts the socket down, upon which
 * conmon closes the container's stdin. Not thread-safe for concurrent writers (like any OutputStream);
 * close is idempotent.
 */
final class AttachStdin extends OutputStream {

    /** Largest packet written; conmon reads its attach socket in buffers of at least this size. */
    static final int MAX_PACKET = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(AttachStdin.class);

    private final SeqPacketSocket socket;
    private final AtomicBoolean closed = new AtomicBoolean();

    AttachStdin(SeqPacketSocket socket, String id) {
        this.socket = socket;
        String shortId = id.substring(0, Math.min(12, id.length()));
        Thread drain = new Thread(this::drainOutput, "berth-attach-drain-" + shortId);
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed.get()) {
            throw new IOException("stdin is closed");
        }
        for (int sent = 0; sent < length; sent += MAX_PACKET) {
            socket.send(data, offset + sent, Math.min(MAX_PACKET, length - sent));
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.shutdownOutput();
        } finally {
            socket.close();
        }
    }

    private void drainOutput() {
        byte[] buffer = new byte[MAX_PACKET + 1];
        try {
            while (socket.receive(buffer) >= 0) {
                // output is recorded in the log by conmon; here it only has to be consumed
            }
        } catch (IOException e) {
            LOG.debug("attach socket closed: {}", e.getMessage());
        }
    }
}
