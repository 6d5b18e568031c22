package io.berth.images.internal.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge: {@code Bearer realm="...",service="...",scope="..."} or
 * {@code Basic realm="..."}. Immutable.
 *
 * @param scheme lower-case scheme ({@code bearer}, {@code basic})
 * @param params parameter names in lower case, values unquoted
 */
record AuthChallenge(String scheme, Map<String, String> params) {

    AuthChallenge {
        params = Map.copyOf(params);
    }

    boolean isBearer() {
        return "bearer".equals(scheme);
    }

    boolean isBasic() {
        return "basic".equals(scheme);
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Parses the first challenge of a header value; empty for a blank or malformed value. */
    static Optional<AuthChallenge> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = space < 0 ? Map.of() : parseParams(text.substring(space + 1));
        return Optional.of(new AuthChallenge(scheme, params));
    }

    /** {@code name=value} or {@code name="quoted, \"value\""}, separated by commas. */
    private static Map<String, String> parseParams(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            params.put(name, value.toString().strip());
        }
        return params;
    }
}
