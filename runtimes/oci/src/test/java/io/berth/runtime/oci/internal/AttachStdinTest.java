package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.nativeio.SeqPacketListener;
import io.berth.nativeio.SeqPacketSocket;
import io.berth.nativeio.internal.linux.LinuxNative;

/** Stdin through a SEQPACKET socket, with the test playing conmon's side. */
class AttachStdinTest {

    private final LinuxNative natives = new LinuxNative();
    private SeqPacketListener listener;
    private SeqPacketSocket conmonSide;
    private AttachStdin stdin;

    @TempDir
    Path dir;

    @BeforeEach
    void connect() throws Exception {
        Path path = dir.resolve("attach");
        listener = natives.listenSeqPacket(path);
        CompletableFuture<SeqPacketSocket> accepted = CompletableFuture.supplyAsync(this::accept);
        stdin = new AttachStdin(natives.connectSeqPacket(path), "0123456789abcdef");
        conmonSide = accepted.get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws IOException {
        stdin.close();
        conmonSide.close();
        listener.close();
    }

    @Test
    void writesArriveAsPacketsNoLargerThanConmonReads() throws Exception {
        byte[] data = new byte[20_000];
        Arrays.fill(data, (byte) 'x');
        stdin.write(data);
        stdin.write('\n');
        stdin.close();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] packet = new byte[65536];
        for (int n = conmonSide.receive(packet); n >= 0; n = conmonSide.receive(packet)) {
            assertThat(n).isLessThanOrEqualTo(AttachStdin.MAX_PACKET);
            received.write(packet, 0, n);
        }
        assertThat(received.size()).isEqualTo(20_001);
    }

    @Test
    void outputConmonSendsIsDrainedSoConmonNeverBlocks() throws Exception {
        byte[] output = new byte[8193];
        output[0] = 2;
        CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 2000; i++) {
                send(output);
            }
        });
        flood.get(30, TimeUnit.SECONDS);
        stdin.write("still writable".getBytes());
        byte[] packet = new byte[64];
        assertThat(new String(packet, 0, conmonSide.receive(packet))).isEqualTo("still writable");
    }

    @Test
    void closeEndsTheStreamAndRefusesFurtherWrites() throws Exception {
        stdin.close();
        stdin.close();
        assertThat(conmonSide.receive(new byte[16])).isEqualTo(-1);
        assertThatThrownBy(() -> stdin.write(1)).isInstanceOf(IOException.class).hasMessage("stdin is closed");
    }

    private SeqPacketSocket accept() {
        try {
            return listener.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(byte[] data) {
        try {
            conmonSide.send(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
