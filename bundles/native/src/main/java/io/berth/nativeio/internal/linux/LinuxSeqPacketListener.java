package io.berth.nativeio.internal.linux;

import java.io.IOException;

import io.berth.nativeio.SeqPacketListener;
import io.berth.nativeio.SeqPacketSocket;

/** A listening SOCK_SEQPACKET socket; {@link #close()} wakes a blocked accept. */
final class LinuxSeqPacketListener implements SeqPacketListener {

    private final Syscalls sys;
    private final Descriptor descriptor;

    LinuxSeqPacketListener(Syscalls sys, int fd) {
        this.sys = sys;
        this.descriptor = new Descriptor(sys, fd);
    }

    @Override
    public SeqPacketSocket accept() throws IOException {
        int connection = descriptor.use(fd -> sys.callInt("accept",
                () -> sys.libc().accept4(fd, null, null, LibC.SOCK_CLOEXEC)));
        return new LinuxSeqPacketSocket(sys, connection);
    }

    @Override
    public void close() {
        descriptor.close();
    }
}
