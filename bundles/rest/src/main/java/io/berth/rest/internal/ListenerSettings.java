package io.berth.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The resolved listener configuration: defaults filled in, the socket mode parsed, and the TCP listener
 * decided. A non-loopback TCP address without the three TLS files is refused ({@link #tcpRefusal()}); the
 * unix socket is served regardless.
 *
 * @param socket      unix socket path
 * @param socketMode  its permissions
 * @param socketGroup its group, empty for unchanged
 * @param tcpHost     TCP address
 * @param tcpPort     TCP port, 0 for any free port, negative for none
 * @param tls         the TLS files, or {@code null} for plain TCP
 * @param maxJsonBody JSON body limit in bytes
 */
public record ListenerSettings(Path socket, Set<PosixFilePermission> socketMode, String socketGroup,
        String tcpHost, int tcpPort, TlsFiles tls, long maxJsonBody) {

    /** PEM files for mutual TLS. */
    public record TlsFiles(Path cert, Path key, Path clientCa) {
    }

    /** Resolves a configuration; {@code root} tells whether the process runs as root, {@code karafData} its data dir. */
    public static ListenerSettings from(RestConfig c, boolean root, String karafData) {
        Path socket = c.socket().isBlank() ? defaultSocket(root, karafData) : Path.of(c.socket().trim());
        TlsFiles tls = c.tlsCert().isBlank() || c.tlsKey().isBlank() || c.tlsClientCa().isBlank() ? null
                : new TlsFiles(Path.of(c.tlsCert().trim()), Path.of(c.tlsKey().trim()),
                        Path.of(c.tlsClientCa().trim()));
        return new ListenerSettings(socket, parseMode(c.socketMode()), c.socketGroup().trim(), c.tcpHost().trim(),
                c.tcpPort(), tls, c.maxJsonBody());
    }

    static Path defaultSocket(boolean root, String karafData) {
        if (root || karafData == null || karafData.isBlank()) {
            return Path.of("/run/berth/berth.sock");
        }
        return Path.of(karafData, "berth", "berth.sock");
    }

    /** Parses an octal mode such as {@code 0660}. */
    static Set<PosixFilePermission> parseMode(String mode) {
        int bits;
        try {
            bits = Integer.parseInt(mode.trim(), 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("socketMode must be octal such as 0660, not '" + mode + "'");
        }
        StringBuilder s = new StringBuilder();
        String rwx = "rwx";
        for (int i = 8; i >= 0; i--) {
            s.append((bits & (1 << i)) != 0 ? rwx.charAt(2 - i % 3) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }

    /** True when a TCP listener is wanted at all. */
    public boolean tcpEnabled() {
        return tcpPort >= 0;
    }

    /**
     * Why TCP must not be bound, or {@code null} when it may: a non-loopback address needs mutual TLS.
     */
    public String tcpRefusal() {
        if (!tcpEnabled() || tls != null) {
            return null;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(tcpHost)) {
                if (!a.isLoopbackAddress()) {
                    return "tcpHost " + tcpHost + " is not a loopback address and tlsCert, tlsKey and tlsClientCa "
                            + "are not all set: refusing to serve the API unauthenticated on the network";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "tcpHost " + tcpHost + " cannot be resolved";
        }
    }
}
