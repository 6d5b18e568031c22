package io.berth.nativeio;

import java.io.Closeable;
import java.io.IOException;

/**
 * A connected AF_UNIX {@code SOCK_SEQPACKET} socket: reliable, ordered, message boundaries kept.
 * One thread may send while another receives. {@link #close()} is idempotent and wakes a blocked
 * {@link #receive}.
 */
public interface SeqPacketSocket extends Closeable {

    /** Sends one packet holding all of {@code data}. Blocks while the peer's buffer is full. */
    void send(byte[] data) throws IOException;

    /** Sends one packet holding {@code length} bytes of {@code data} from {@code offset}. */
    void send(byte[] data, int offset, int length) throws IOException;

    /**
     * Receives the next packet into {@code buffer}, blocking until one arrives. A packet longer than the
     * buffer is truncated (its rest is lost), so size the buffer for the protocol's largest packet.
     *
     * @return the number of bytes received, or -1 at end of stream (the peer closed or shut down its output)
     */
    int receive(byte[] buffer) throws IOException;

    /** Signals end of stream to the peer; receiving still works. Idempotent. */
    void shutdownOutput() throws IOException;

    /** Closes the socket. Idempotent. */
    @Override
    void close() throws IOException;
}
