package io.berth.images.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;

/** {@code EXPOSE} arguments: {@code 80}, {@code 53/udp}, {@code 8000-8002/tcp}, normalized to {@code port/proto}. */
final class PortSpecs {

    private static final Pattern SPEC = Pattern.compile("([0-9]{1,5})(?:-([0-9]{1,5}))?(?:/([a-zA-Z]+))?");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final int MAX_PORT = 65535;

    private PortSpecs() {
    }

    /** The ports of one specification, each as {@code port/protocol}. */
    static List<String> expand(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new InvalidArgumentException("invalid port specification: \"" + spec + "\"");
        }
        int first = port(m.group(1), spec);
        int last = m.group(2) == null ? first : port(m.group(2), spec);
        String protocol = m.group(3) == null ? "tcp" : m.group(3).toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new InvalidArgumentException("invalid proto: " + m.group(3));
        }
        if (last < first) {
            throw new InvalidArgumentException("invalid range specified for port: " + spec);
        }
        List<String> ports = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            ports.add(p + "/" + protocol);
        }
        return ports;
    }

    private static int port(String digits, String spec) {
        int port = Integer.parseInt(digits);
        if (port < 1 || port > MAX_PORT) {
            throw new InvalidArgumentException("invalid containerPort: " + spec);
        }
        return port;
    }
}
