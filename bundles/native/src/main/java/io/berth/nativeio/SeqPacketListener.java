package io.berth.nativeio;

import java.io.Closeable;
import java.io.IOException;

/**
 * A listening AF_UNIX {@code SOCK_SEQPACKET} socket bound to a path. {@link #close()} wakes a blocked
 * {@link #accept()} and removes nothing from the file system: the caller deletes the socket file.
 */
public interface SeqPacketListener extends Closeable {

    /** Waits for the next connection. */
    SeqPacketSocket accept() throws IOException;

    /** Stops listening. Idempotent. */
    @Override
    void close() throws IOException;
}
