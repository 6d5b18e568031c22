package io.berth.rest.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled route pattern. {@code {name}} matches one non-empty segment, {@code {name*}} one or more
 * segments. Literal patterns rank before parameterised ones, so {@code /images/json} wins over
 * {@code /images/{name*}}.
 */
final class PathPattern {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)(\\*?)}");

    private final String source;
    private final Pattern regex;
    private final List<String> names;
    private final int rank;

    PathPattern(String source) {
        this.source = source;
        this.names = new ArrayList<>();
        StringBuilder re = new StringBuilder("^");
        Matcher m = PARAM.matcher(source);
        int last = 0;
        int greedy = 0;
        while (m.find()) {
            re.append(Pattern.quote(source.substring(last, m.start())));
            re.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            greedy += m.group(2).isEmpty() ? 0 : 1;
            names.add(m.group(1));
            last = m.end();
        }
        re.append(Pattern.quote(source.substring(last))).append('$');
        this.regex = Pattern.compile(re.toString());
        this.rank = names.size() * 10 + greedy;
    }

    /** The parameters of a matching path, or {@code null} when it does not match. */
    Map<String, String> match(String path) {
        Matcher m = regex.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), m.group(i + 1));
        }
        return params;
    }

    /** Lower ranks are tried first. */
    int rank() {
        return rank;
    }

    @Override
    public String toString() {
        return source;
    }
}
