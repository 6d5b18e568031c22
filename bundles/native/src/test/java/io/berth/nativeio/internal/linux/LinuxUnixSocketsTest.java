package io.berth.nativeio.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.SeqPacketListener;
import io.berth.nativeio.SeqPacketSocket;

class LinuxUnixSocketsTest {

    private final LinuxNative natives = new LinuxNative();

    @TempDir
    Path dir;

    @Test
    void packetsRoundTripWithBoundariesKept() throws Exception {
        Path path = dir.resolve("s");
        try (SeqPacketListener listener = natives.listenSeqPacket(path)) {
            CompletableFuture<SeqPacketSocket> accepted = CompletableFuture.supplyAsync(() -> accept(listener));
            try (SeqPacketSocket client = natives.connectSeqPacket(path);
                 SeqPacketSocket server = accepted.get(30, TimeUnit.SECONDS)) {
                client.send(bytes("hello"));
                client.send(bytes("xxworldxx"), 2, 5);
                byte[] buffer = new byte[64];
                assertThat(text(buffer, server.receive(buffer))).isEqualTo("hello");
                assertThat(text(buffer, server.receive(buffer))).isEqualTo("world");
                server.send(bytes("back"));
                assertThat(text(buffer, client.receive(buffer))).isEqualTo("back");
            }
        }
    }

    @Test
    void shutdownOutputEndsThePeersStream() throws Exception {
        Path path = dir.resolve("s");
        try (SeqPacketListener listener = natives.listenSeqPacket(path)) {
            CompletableFuture<SeqPacketSocket> accepted = CompletableFuture.supplyAsync(() -> accept(listener));
            try (SeqPacketSocket client = natives.connectSeqPacket(path);
                 SeqPacketSocket server = accepted.get(30, TimeUnit.SECONDS)) {
                client.send(bytes("last"));
                client.shutdownOutput();
                byte[] buffer = new byte[16];
                assertThat(server.receive(buffer)).isEqualTo(4);
                assertThat(server.receive(buffer)).isEqualTo(-1);
                server.send(bytes("still open"));
                assertThat(text(buffer, client.receive(buffer))).isEqualTo("still open");
            }
        }
    }

    @Test
    void pathsLongerThanSockaddrLimitWork() throws Exception {
        Path deep = Files.createDirectories(dir.resolve("a".repeat(60)).resolve("b".repeat(60)));
        Path path = deep.resolve("attach");
        assertThat(path.toString().length()).isGreaterThan(108);
        try (SeqPacketListener listener = natives.listenSeqPacket(path)) {
            assertThat(path).exists();
            CompletableFuture<SeqPacketSocket> accepted = CompletableFuture.supplyAsync(() -> accept(listener));
            try (SeqPacketSocket client = natives.connectSeqPacket(path);
                 SeqPacketSocket server = accepted.get(30, TimeUnit.SECONDS)) {
                client.send(bytes("deep"));
                byte[] buffer = new byte[16];
                assertThat(text(buffer, server.receive(buffer))).isEqualTo("deep");
            }
        }
    }

    @Test
    void closeWakesABlockedReceive() throws Exception {
        Path path = dir.resolve("s");
        try (SeqPacketListener listener = natives.listenSeqPacket(path)) {
            CompletableFuture<SeqPacketSocket> accepted = CompletableFuture.supplyAsync(() -> accept(listener));
            SeqPacketSocket client = natives.connectSeqPacket(path);
            try (SeqPacketSocket server = accepted.get(30, TimeUnit.SECONDS)) {
                CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> receive(client));
                client.close();
                assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(-1);
                client.close();
                assertThatThrownBy(() -> client.send(bytes("x"))).isInstanceOf(ErrnoException.class)
                        .hasMessageContaining("closed");
                assertThat(server.receive(new byte[16])).isEqualTo(-1);
            }
        }
    }

    @Test
    void connectToMissingSocketReportsEnoent() {
        assertThatThrownBy(() -> natives.connectSeqPacket(dir.resolve("none")))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertErrno(e, ErrnoException.ENOENT))
                .hasMessageContaining("connect to " + dir.resolve("none"));
    }

    @Test
    void connectWithoutListenerIsRefused() throws IOException {
        Path path = dir.resolve("s");
        natives.listenSeqPacket(path).close();
        assertThatThrownBy(() -> natives.connectSeqPacket(path))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertErrno(e, ErrnoException.ECONNREFUSED));
    }

    @Test
    void bindingAnExistingPathFails() throws IOException {
        Path path = Files.createFile(dir.resolve("taken"));
        assertThatThrownBy(() -> natives.listenSeqPacket(path)).isInstanceOf(ErrnoException.class)
                .hasMessageContaining("bind to " + path);
    }

    private static SeqPacketSocket accept(SeqPacketListener listener) {
        try {
            return listener.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int receive(SeqPacketSocket socket) {
        try {
            return socket.receive(new byte[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] buffer, int length) {
        return new String(Arrays.copyOf(buffer, length), StandardCharsets.UTF_8);
    }

    private static void assertErrno(ErrnoException e, int errno) {
        assertThat(e.errno()).isEqualTo(errno);
    }
}
