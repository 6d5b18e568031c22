package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.nio.file.Path;

import io.berth.nativeio.SeqPacketListener;
import io.berth.nativeio.SeqPacketSocket;
import io.berth.nativeio.UnixSockets;

/**
 * Opens SOCK_SEQPACKET sockets. A path too long for {@code sockaddr_un} is reached as
 * {@code /proc/self/fd/<dir>/<name>} through a descriptor of its parent directory, as conmon itself does.
 * Thread-safe.
 */
final class LinuxUnixSockets implements UnixSockets {

    /** bind or connect with a ready address. */
    @FunctionalInterface
    private interface AddressUse {
        void apply(SockAddrUn address) throws IOException;
    }

    private static final int BACKLOG = 16;

    private final Syscalls sys;

    LinuxUnixSockets(Syscalls sys) {
        this.sys = sys;
    }

    @Override
    public SeqPacketSocket connectSeqPacket(Path path) throws IOException {
        int fd = newSocket();
        try {
            withAddress(path, address -> sys.call("connect to " + path,
                    () -> sys.libc().connect(fd, address, address.length())));
            return new LinuxSeqPacketSocket(sys, fd);
        } catch (IOException | RuntimeException e) {
            sys.closeQuietly(fd);
            throw e;
        }
    }

    @Override
    public SeqPacketListener listenSeqPacket(Path path) throws IOException {
        int fd = newSocket();
        try {
            withAddress(path, address -> sys.call("bind to " + path,
                    () -> sys.libc().bind(fd, address, address.length())));
            sys.call("listen on " + path, () -> sys.libc().listen(fd, BACKLOG));
            return new LinuxSeqPacketListener(sys, fd);
        } catch (IOException | RuntimeException e) {
            sys.closeQuietly(fd);
            throw e;
        }
    }

    private int newSocket() throws IOException {
        return sys.callInt("socket", () -> sys.libc()
                .socket(LibC.AF_UNIX, LibC.SOCK_SEQPACKET | LibC.SOCK_CLOEXEC, 0));
    }

    private void withAddress(Path path, AddressUse use) throws IOException {
        String text = path.toString();
        if (SockAddrUn.fits(text)) {
            use.apply(SockAddrUn.of(text));
            return;
        }
        Path parent = path.toAbsolutePath().getParent();
        int dir = sys.callInt("open " + parent, () -> sys.libc()
                .open(parent.toString(), LibC.O_PATH | LibC.O_CLOEXEC));
        try {
            use.apply(SockAddrUn.of("/proc/self/fd/" + dir + "/" + path.getFileName()));
        } finally {
            sys.closeQuietly(dir);
        }
    }
}
