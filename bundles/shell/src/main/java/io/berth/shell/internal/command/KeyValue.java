package io.berth.shell.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code key=value} argument split at the first {@code =}; the value is {@code null} when there is no
 * {@code =} at all.
 */
record KeyValue(String key, String value) {

    static KeyValue parse(String argument) {
        int eq = argument.indexOf('=');
        if (eq < 0) {
            return new KeyValue(argument, null);
        }
        return new KeyValue(argument.substring(0, eq), argument.substring(eq + 1));
    }

    /**
     * Labels from {@code -l k=v} options: {@code k} alone is a label with an empty value, a later duplicate wins.
     *
     * @throws IllegalArgumentException for a label without a name
     */
    static Map<String, String> labels(List<String> arguments) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (arguments == null) {
            return labels;
        }
        for (String argument : arguments) {
            KeyValue kv = parse(argument);
            if (kv.key().isBlank()) {
                throw new IllegalArgumentException("invalid label '" + argument + "': empty name");
            }
            labels.put(kv.key(), kv.value() == null ? "" : kv.value());
        }
        return labels;
    }
}
