package io.berth.nativeio;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens AF_UNIX {@code SOCK_SEQPACKET} sockets, which Java's {@code SocketChannel} cannot. Paths longer
 * than the kernel's 107-byte limit work too (they are reached through the parent directory's descriptor).
 * Thread-safe.
 */
@ProviderType
public interface UnixSockets {

    /**
     * Connects to the socket at {@code path}.
     *
     * @throws ErrnoException {@code ENOENT} when no socket exists there, {@code ECONNREFUSED} when nobody
     *                        listens
     */
    SeqPacketSocket connectSeqPacket(Path path) throws IOException;

    /** Creates a socket file at {@code path} (which must not exist) and listens on it. */
    SeqPacketListener listenSeqPacket(Path path) throws IOException;
}
