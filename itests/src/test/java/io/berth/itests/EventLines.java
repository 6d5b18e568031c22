package io.berth.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code GET /events} of the Docker API on its own connection; a daemon thread hands every line it reads on. */
final class EventLines {

    private EventLines() {
    }

    /** Opens the stream and returns at once; {@code lines} receives the header lines too, then one line per event. */
    static void open(Path socket, Consumer<String> lines) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        ch.write(ByteBuffer.wrap("GET /events HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        Thread reader = new Thread(() -> {
            try (InputStream in = Channels.newInputStream(ch)) {
                StringBuilder line = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == '\n') {
                        lines.accept(line.toString());
                        line.setLength(0);
                    } else {
                        line.append((char) b);
                    }
                }
            } catch (IOException e) {
                lines.accept("closed: " + e);
            }
        }, "berth-it-events");
        reader.setDaemon(true);
        reader.start();
    }
}
