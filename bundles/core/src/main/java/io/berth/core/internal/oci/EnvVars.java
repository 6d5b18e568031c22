package io.berth.core.internal.oci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code KEY=value} environment lists. Stateless. */
public final class EnvVars {

    /** Docker's default {@code PATH}. */
    public static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private EnvVars() {
    }

    /** {@code base} with every entry of {@code overrides} replacing the entry of the same key or appended. */
    public static List<String> merge(List<String> base, List<String> overrides) {
        Map<String, String> byKey = new LinkedHashMap<>();
        base.forEach(entry -> byKey.put(keyOf(entry), entry));
        overrides.forEach(entry -> byKey.put(keyOf(entry), entry));
        return new ArrayList<>(byKey.values());
    }

    /** {@code env} with Docker's default {@code PATH} in front when it has none. */
    public static List<String> withDefaultPath(List<String> env) {
        if (env.stream().anyMatch(entry -> keyOf(entry).equals("PATH"))) {
            return env;
        }
        List<String> result = new ArrayList<>();
        result.add(DEFAULT_PATH);
        result.addAll(env);
        return result;
    }

    /** The key of an entry: the text before the first {@code =}, or the whole entry. */
    public static String keyOf(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }
}
