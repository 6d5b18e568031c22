package io.berth.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** A one-request-per-connection HTTP/1.1 client over a unix socket, for the Docker API in tests. */
final class UnixHttp {

    /** A response with its decoded body. */
    record Response(int status, String headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Path socket;

    UnixHttp(Path socket) {
        this.socket = socket;
    }

    Response send(String method, String path, String contentType, byte[] body) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "Content-Length: " + (body == null ? 0 : body.length) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                req.writeBytes(body);
            }
            ch.write(ByteBuffer.wrap(req.toByteArray()));
            return parse(Channels.newInputStream(ch).readAllBytes());
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("incomplete response: " + all);
        }
        String head = all.substring(0, end);
        int status = Integer.parseInt(head.split(" ")[1]);
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(status, head, body);
    }

    private static byte[] dechunk(byte[] data) throws IOException {
        InputStream in = new ByteArrayInputStream(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() == 0) {
                return out.toByteArray();
            }
            int size = Integer.parseInt(line.toString().trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.writeBytes(in.readNBytes(size));
            in.skip(2);
        }
    }
}
