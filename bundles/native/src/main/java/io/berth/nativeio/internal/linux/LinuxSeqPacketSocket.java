package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import com.sun.jna.NativeLong;

import io.berth.nativeio.SeqPacketSocket;

/** A connected SOCK_SEQPACKET socket. One sender and one receiver may run concurrently. */
final class LinuxSeqPacketSocket implements SeqPacketSocket {

    private final Syscalls sys;
    private final Descriptor descriptor;

    LinuxSeqPacketSocket(Syscalls sys, int fd) {
        this.sys = sys;
        this.descriptor = new Descriptor(sys, fd);
    }

    @Override
    public void send(byte[] data) throws IOException {
        send(data, 0, data.length);
    }

    @Override
    public void send(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        byte[] packet = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
        descriptor.use(fd -> sys.call("send", () -> sys.libc()
                .send(fd, packet, new NativeLong(packet.length), LibC.MSG_NOSIGNAL).longValue()));
    }

    @Override
    public int receive(byte[] buffer) throws IOException {
        if (descriptor.isClosed()) {
            return -1;
        }
        long received = descriptor.use(fd -> sys.call("recv", () -> sys.libc()
                .recv(fd, buffer, new NativeLong(buffer.length), 0).longValue()));
        return received == 0 ? -1 : (int) received;
    }

    @Override
    public void shutdownOutput() throws IOException {
        descriptor.use(fd -> sys.call("shutdown", () -> sys.libc().shutdown(fd, LibC.SHUT_WR)));
    }

    @Override
    public void close() {
        descriptor.close();
    }
}
