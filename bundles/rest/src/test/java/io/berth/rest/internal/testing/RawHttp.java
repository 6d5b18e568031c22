package io.berth.rest.internal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a unix socket, the way the docker CLI talks to the daemon: one request per
 * connection ({@code Connection: close}), the response read to EOF, chunked bodies decoded.
 */
public final class RawHttp {

    /** A response: status, headers (lower-case names) and decoded body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Path socket;

    public RawHttp(Path socket) {
        this.socket = socket;
    }

    public Response get(String path) throws IOException {
        return send("GET", path, null, null);
    }

    public Response post(String path, String json) throws IOException {
        return send("POST", path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, String path, String contentType, byte[] body) throws IOException {
        return sendWithHeaders(method, path, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                body);
    }

    /** A request with the given headers (besides Host, Connection and Content-Length). */
    public Response sendWithHeaders(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        try (SocketChannel ch = open()) {
            OutputStream out = Channels.newOutputStream(ch);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: api.moby.localhost\r\n"
                    + "Connection: close\r\n");
            headers.forEach((name, value) -> req.append(name).append(": ").append(value).append("\r\n"));
            req.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                all.write(body);
            }
            out.write(all.toByteArray());
            out.flush();
            return parse(Channels.newInputStream(ch).readAllBytes(), "HEAD".equals(method));
        }
    }

    /** Opens a raw connection to the socket. */
    public SocketChannel open() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return ch;
    }

    /** Parses a complete response. */
    public static Response parse(byte[] raw, boolean head) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete response head: " + new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.US_ASCII).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (!head && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Response(status, headers, rest);
    }

    /** Decodes a chunked body. */
    public static byte[] dechunk(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(data);
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null || sizeLine.isEmpty()) {
                return out.toByteArray();
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            readLine(in);
        }
    }

    /** Reads a CRLF-terminated line, {@code null} at EOF. */
    public static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
